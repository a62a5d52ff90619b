package org.mindgrid.forms.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.forms.FormDefinition;
import org.mindgrid.forms.FormDefinition.Field;
import org.mindgrid.forms.FormDefinition.Type;
import org.mindgrid.forms.FormRecords;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The workbook as pages (issue 13 points 4 and 5): the student's 一生一档 tab (the forms by part, with counts and the
 * last entry), a form rendered from its definition (one column on a phone; drafts kept in the browser as typed (the shared MindGridDrafts: per user, dropped for anyone else)), its
 * records. A refused form comes back with what was typed and each error next to its field.
 */
@Controller
class FormPageController {

	/** A record as its page shows it: the answers in words, in the form's order. */
	record Shown(FormRecords.Record record, List<Map.Entry<String, String>> answers) {
	}

	/** Rows a repeating table offers beyond those already typed. */
	static final int SPARE_ROWS = 2;

	private final FormRecords records;

	private final org.mindgrid.forms.FormFiles files;

	FormPageController(FormRecords records, org.mindgrid.forms.FormFiles files) {
		this.records = records;
		this.files = files;
	}

	@GetMapping("/students/{id:\\d+}/workbook")
	String workbook(@PathVariable long id, Model model, Locale locale) {
		List<FormRecords.Entry> entries = records.workbook(id);
		Map<Integer, List<FormRecords.Entry>> byPart = new TreeMap<>();
		Map<Integer, List<FormRecords.Linked>> linked = new TreeMap<>();
		for (int part = 1; part <= 6; part++) {
			// the seed's parts 1–6 always; part 7 (agreements, sealing) once it holds something
			byPart.put(part, new ArrayList<>());
		}
		for (FormRecords.Linked l : records.linked(id)) {
			linked.computeIfAbsent(l.part(), k -> new ArrayList<>()).add(l);
		}
		Map<String, String> titles = new LinkedHashMap<>();
		for (FormRecords.Entry e : entries) {
			byPart.computeIfAbsent(e.form().part(), k -> new ArrayList<>()).add(e);
			titles.put(e.form().id(), records.words(e.form(), locale).get("title"));
		}
		model.addAttribute("studentId", id);
		model.addAttribute("student", records.studentLabel(id));
		model.addAttribute("parts", byPart);
		model.addAttribute("linked", linked);
		model.addAttribute("titles", titles);
		return "forms/workbook";
	}

	@GetMapping("/students/{id:\\d+}/forms/{formId}")
	String list(@PathVariable long id, @PathVariable String formId, Model model, Locale locale) {
		FormDefinition form = records.form(formId);
		Map<String, String> words = records.words(form, locale);
		List<Shown> shown = new ArrayList<>();
		for (FormRecords.Record r : records.ofStudent(id, formId)) {
			List<Map.Entry<String, String>> answers = new ArrayList<>();
			for (Field f : form.fields()) {
				Object v = r.answers().get(f.id());
				if (v != null) {
					answers.add(Map.entry(words.get(f.id()), FormLedgerWorkbook.shown(f, f.id(), v, words)));
				}
			}
			shown.add(new Shown(r, answers));
		}
		model.addAttribute("records", shown);
		model.addAttribute("form", form);
		model.addAttribute("words", words);
		model.addAttribute("studentId", id);
		model.addAttribute("student", records.studentLabel(id));
		return "forms/records";
	}

	@GetMapping("/students/{id:\\d+}/forms/{formId}/new")
	String blank(@PathVariable long id, @PathVariable String formId, Model model, Locale locale) {
		FormDefinition form = records.fillable(id, formId);
		return render(model, id, form, Map.of(), Map.of(), locale);
	}

	@PostMapping("/students/{id:\\d+}/forms/{formId}")
	String save(@PathVariable long id, @PathVariable String formId, HttpServletRequest request, Model model,
			Locale locale) {
		FormDefinition form = records.fillable(id, formId);
		Map<String, Object> answers = answers(form, request);
		try {
			upload(id, form, request, answers);
			records.create(id, formId, answers);
			return "redirect:/students/" + id + "/forms/" + formId + "?saved";
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			if (problem.properties().get("errors") instanceof Map<?, ?> map) {
				map.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
			}
			// the files already stored stay with the form, so that nothing has to be chosen again
			Map<String, Object> typed = typed(form, request);
			for (Field f : form.fields()) {
				if (f.type() == Type.FILE && answers.get(f.id()) instanceof List<?> ids && !ids.isEmpty()) {
					files.refs(id, form.id(), ids).ifPresentOrElse(refs -> typed.put(f.id(), refs),
							() -> typed.remove(f.id()));
				}
			}
			return render(model, id, form, typed, errors, locale);
		}
	}

	/** Files chosen on the page are stored first; the answer then names them with those kept from before. */
	private void upload(long studentId, FormDefinition form, HttpServletRequest request, Map<String, Object> answers) {
		if (!(request instanceof org.springframework.web.multipart.MultipartHttpServletRequest multipart)) {
			return;
		}
		for (Field f : form.fields()) {
			if (f.type() != Type.FILE) {
				continue;
			}
			List<Object> ids = new ArrayList<>();
			if (answers.get(f.id()) instanceof List<?> kept) {
				ids.addAll(kept);
			}
			for (org.springframework.web.multipart.MultipartFile file : multipart.getFiles(f.id())) {
				if (file.isEmpty()) {
					continue;
				}
				try {
					ids.add(files.store(studentId, form.id(), file.getOriginalFilename(), file.getBytes()).id());
				}
				catch (java.io.IOException e) {
					throw ApiProblem.badRequest("attachment.empty");
				}
				answers.put(f.id(), ids);
			}
		}
	}

	private String render(Model model, long id, FormDefinition form, Map<String, Object> typed, Map<String, String> errors,
			Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("words", records.words(form, locale));
		model.addAttribute("studentId", id);
		model.addAttribute("student", records.studentLabel(id));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		Map<String, Integer> rows = new LinkedHashMap<>();
		for (Field f : form.fields()) {
			if (f.type() == Type.TABLE) {
				Object given = typed.get(f.id());
				rows.put(f.id(), (given instanceof List<?> l ? l.size() : 0) + SPARE_ROWS);
			}
		}
		model.addAttribute("rows", rows);
		model.addAttribute("hasFiles", form.fields().stream().anyMatch(f -> f.type() == Type.FILE));
		return "forms/form";
	}

	/** The form's parameters as answers: a choice list for MULTIPLE, numbers for NUMBER and RATING, table rows. */
	static Map<String, Object> answers(FormDefinition form, HttpServletRequest request) {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (Field f : form.fields()) {
			Object value = value(f, f.id(), request);
			if (value != null) {
				answers.put(f.id(), value);
			}
		}
		return answers;
	}

	private static Object value(Field f, String name, HttpServletRequest request) {
		switch (f.type()) {
			case MULTIPLE, FILE -> {
				String[] values = request.getParameterValues(name);
				return values == null ? null : List.of(values);
			}
			case NUMBER, RATING -> {
				String v = request.getParameter(name);
				if (v == null || v.isBlank()) {
					return null;
				}
				try {
					return new BigDecimal(v.strip());
				}
				catch (NumberFormatException e) {
					return v;
				}
			}
			case TABLE -> {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (int n = 1; n <= 50; n++) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (Field c : f.columns()) {
						Object v = value(c, name + "[" + n + "]." + c.id(), request);
						if (v != null && !(v instanceof String s && s.isBlank())) {
							row.put(c.id(), v);
						}
					}
					if (!row.isEmpty()) {
						rows.add(row);
					}
				}
				return rows.isEmpty() ? null : rows;
			}
			default -> {
				return request.getParameter(name);
			}
		}
	}

	/** What was typed, to fill the form again: the same as the answers, blanks kept out. */
	private static Map<String, Object> typed(FormDefinition form, HttpServletRequest request) {
		return answers(form, request);
	}
}
