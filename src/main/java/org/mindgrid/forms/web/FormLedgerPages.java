package org.mindgrid.forms.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.forms.FormDefinition;
import org.mindgrid.forms.FormDefinition.Field;
import org.mindgrid.forms.FormDefinition.Type;
import org.mindgrid.forms.FormImport;
import org.mindgrid.forms.FormRecords;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The forms' ledgers as pages (issue 13 point 6): the forms the caller uses, and one form's records for the school
 * or a class, by grade and dates, with its xlsx, its blank PDF for paper and the import of paper entries.
 */
@Controller
class FormLedgerPages {

	/** A ledger row as the page shows it: the student, when, by whom, and the first answers in words. */
	record Line(FormRecords.LedgerRow row, List<String> answers) {
	}

	/** The answers a row shows (the rest are in the xlsx). */
	static final int SHOWN = 3;

	private final FormRecords records;

	private final FormImport imports;

	private final MessageSource messages;

	private final Clock clock;

	FormLedgerPages(FormRecords records, FormImport imports, MessageSource messages, Clock clock) {
		this.records = records;
		this.imports = imports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/forms")
	String index(Model model, Locale locale) {
		List<Map.Entry<FormDefinition, String>> forms = new ArrayList<>();
		records.usable().forEach(f -> forms.add(Map.entry(f, records.words(f, locale).get("title"))));
		model.addAttribute("forms", forms);
		return "forms/ledgers";
	}

	@GetMapping("/forms/{formId}/ledger")
	String ledger(@PathVariable String formId, @RequestParam Map<String, String> filter, Model model, Locale locale) {
		return page(formId, filter, model, locale, null, null);
	}

	@PostMapping("/forms/{formId}/import")
	String importRows(@PathVariable String formId, @RequestParam(required = false) MultipartFile file, Model model,
			Locale locale) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw ApiProblem.badRequest("attachment.empty");
			}
			int n = imports.importRows(formId, file.getBytes(), locale, clock.getZone());
			return "redirect:/forms/" + formId + "/ledger?imported=" + n;
		}
		catch (ApiProblem p) {
			if (p.isAccessRefusal()) {
				throw p;
			}
			List<String> rows = new ArrayList<>();
			if (p.properties().get("rows") instanceof List<?> list) {
				list.forEach(r -> rows.add(String.valueOf(r)));
			}
			return page(formId, Map.of(), model, locale,
					messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale), rows);
		}
	}

	private String page(String formId, Map<String, String> filter, Model model, Locale locale, String importProblem,
			List<String> importRows) {
		FormDefinition form = records.form(formId);
		Map<String, String> words = records.words(form, locale);
		Long classId = number(filter.get("classId"));
		Integer grade = number(filter.get("grade")) == null ? null : number(filter.get("grade")).intValue();
		LocalDate from = date(filter.get("from"));
		LocalDate to = date(filter.get("to"));
		List<Line> lines = new ArrayList<>();
		List<Field> shown = form.fields().stream().filter(f -> f.type() != Type.TABLE).limit(SHOWN).toList();
		for (FormRecords.LedgerRow r : records.ledger(formId, null, classId, grade, from, to)) {
			List<String> answers = new ArrayList<>();
			for (Field f : shown) {
				answers.add(FormLedgerWorkbook.shown(f, f.id(), r.record().answers().get(f.id()), words));
			}
			lines.add(new Line(r, answers));
		}
		List<FormRecords.ClassChoice> classes = records.classChoices();
		model.addAttribute("form", form);
		model.addAttribute("words", words);
		model.addAttribute("shown", shown.stream().map(f -> words.get(f.id())).toList());
		model.addAttribute("lines", lines);
		model.addAttribute("classes", classes);
		model.addAttribute("grades", classes.stream().map(FormRecords.ClassChoice::grade).distinct().toList());
		model.addAttribute("classId", classId);
		model.addAttribute("grade", grade);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("maxRows", FormRecords.LEDGER_ROWS);
		model.addAttribute("importProblem", importProblem);
		model.addAttribute("importRows", importRows == null ? List.of() : importRows);
		model.addAttribute("canImport", !FormImport.importable(form).isEmpty());
		return "forms/ledger";
	}

	private static Long number(String s) {
		try {
			return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static LocalDate date(String s) {
		try {
			LocalDate d = s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
			return d == null || d.getYear() < 1900 || d.getYear() > 2200 ? null : d;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
