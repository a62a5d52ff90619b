package org.mindgrid.forms.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.mindgrid.document.Pdfs;
import org.mindgrid.forms.FormDefinition;
import org.mindgrid.forms.FormDefinition.Field;
import org.mindgrid.forms.FormRecords;
import org.mindgrid.forms.FormRecords.Record;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * "打印一生一档" (issue 13 point 5): the student's workbook as one PDF in the workbook's order, with the seed's cover
 * (school, class, name), a table of contents with page numbers and every record the reader may see, answers in
 * words. Audited as {@code WORKBOOK_PRINT}.
 */
@RestController
class WorkbookPdfController {

	/** One record as printed: its line of who and when, then label → answer. */
	record Printed(String meta, List<Map.Entry<String, String>> answers, List<String> images) {
	}

	/** One form as printed: its anchor, title, part and records. */
	record Section(String anchor, String title, int part, List<Printed> records) {
	}

	private final FormRecords records;

	private final Pdfs pdfs;

	private final org.springframework.context.MessageSource messages;

	private final java.time.Clock clock;

	private final org.mindgrid.forms.FormFiles files;

	private final org.mindgrid.counselling.CounsellingRecords counselling;

	WorkbookPdfController(FormRecords records, Pdfs pdfs, org.springframework.context.MessageSource messages,
			java.time.Clock clock, org.mindgrid.forms.FormFiles files,
			org.mindgrid.counselling.CounsellingRecords counselling) {
		this.files = files;
		this.counselling = counselling;
		this.clock = clock;
		this.records = records;
		this.pdfs = pdfs;
		this.messages = messages;
	}

	@Operation(summary = "The student's whole workbook as one PDF",
			description = "Cover, table of contents with page numbers, every record the caller may read, in the "
					+ "workbook's order. 404 for a student out of reach. Audited.")
	@GetMapping({ "/api/v1/students/{id}/workbook.pdf", "/students/{id}/workbook.pdf" })
	ResponseEntity<byte[]> pdf(@Parameter(description = "Student id") @PathVariable long id, Locale locale) {
		Map<FormDefinition, List<Record>> all = records.printable(id);
		List<Section> sections = new ArrayList<>();
		for (var e : all.entrySet()) {
			FormDefinition form = e.getKey();
			Map<String, String> words = records.words(form, locale);
			List<Printed> printed = new ArrayList<>();
			for (Record r : e.getValue()) {
				List<Map.Entry<String, String>> answers = new ArrayList<>();
				List<String> images = new ArrayList<>();
				for (Field f : form.fields()) {
					Object v = r.answers().get(f.id());
					if (v != null) {
						answers.add(Map.entry(words.get(f.id()), FormLedgerWorkbook.shown(f, f.id(), v, words)));
						if (f.type() == FormDefinition.Type.FILE && v instanceof List<?> list) {
							images.addAll(files.images(list));
						}
					}
				}
				printed.add(new Printed(messages.getMessage("form.record.meta", new Object[] { r.updatedBy(),
						r.updatedAt().atZone(clock.getZone()).toLocalDate(), r.version() }, locale), answers, images));
			}
			sections.add(new Section("form-" + form.id(), words.get("title"), form.part(), printed));
		}
		sections.addAll(counselling(id, locale));
		// the workbook's order: by part (a stable sort keeps each part's forms in their order)
		sections.sort(java.util.Comparator.comparingInt(Section::part));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("cover", records.cover(id));
		model.put("sections", sections);
		byte[] pdf = pdfs.render("forms/workbook-pdf", model, locale);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(records.cover(id).name() + "-一生一档.pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	/**
	 * Part 4's counselling forms (心理辅导预约登记表, 个别心理辅导全过程记录表, 团体心理辅导参与记录表) from the counselling
	 * module, as the reader may see them: the notes for psychology teachers, that counselling exists for others.
	 */
	private List<Section> counselling(long id, Locale locale) {
		org.mindgrid.counselling.CounsellingRecords.Overview o;
		try {
			o = counselling.overview(id);
		}
		catch (org.mindgrid.shared.web.ApiProblem refused) {
			return List.of();
		}
		List<Section> out = new ArrayList<>();
		java.time.ZoneId zone = clock.getZone();
		List<Printed> appointments = new ArrayList<>();
		for (var a : o.appointments()) {
			List<Map.Entry<String, String>> answers = new ArrayList<>();
			answers.add(Map.entry(word("counselling.field.topic", locale), word("counselling.topic." + a.topic(), locale)));
			answers.add(Map.entry(word("counselling.pdf.via", locale), word("counselling.via." + a.requestedVia(), locale)));
			if (a.preferred() != null) {
				answers.add(Map.entry(word("counselling.preferred", locale), a.preferred()));
			}
			if (a.startsAt() != null) {
				answers.add(Map.entry(word("counselling.pdf.when", locale),
						a.startsAt().atZone(zone).toLocalDateTime().toString().replace('T', ' ') + " · " + a.room()));
				answers.add(Map.entry(word("counselling.pdf.counsellor", locale), String.valueOf(a.counsellor())));
			}
			appointments.add(new Printed(word("counselling.status." + a.status(), locale) + " · "
					+ a.createdAt().atZone(zone).toLocalDate(), answers, List.of()));
		}
		if (!appointments.isEmpty()) {
			out.add(new Section("counselling-appointments", word("counselling.pdf.appointments", locale), 4, appointments));
		}
		List<Printed> individual = new ArrayList<>();
		if (o.notes()) {
			for (var r : o.records()) {
				List<Map.Entry<String, String>> answers = new ArrayList<>();
				answers.add(Map.entry(word("counselling.field.presentingProblem", locale), r.presentingProblem()));
				if (r.background() != null) {
					answers.add(Map.entry(word("counselling.field.background", locale), r.background()));
				}
				int n = 0;
				for (var x : r.sessions()) {
					List<String> parts = new ArrayList<>();
					addIf(parts, word("counselling.field.goals", locale), x.goals());
					addIf(parts, word("counselling.field.methods", locale), x.methods());
					addIf(parts, word("counselling.field.progress", locale), x.progress());
					addIf(parts, word("counselling.field.homework", locale), x.homework());
					answers.add(Map.entry(messages.getMessage("counselling.pdf.session", new Object[] { ++n,
							x.heldAt().atZone(zone).toLocalDate(), x.minutes() }, locale), String.join("；", parts)));
				}
				if (r.assessment() != null) {
					answers.add(Map.entry(word("counselling.field.assessment", locale), r.assessment()));
				}
				if (r.summary() != null) {
					answers.add(Map.entry(word("counselling.field.summary", locale), r.summary()));
				}
				individual.add(new Printed(word("counselling.record." + r.status(), locale) + " · " + r.counsellor() + " · "
						+ r.openedAt().atZone(zone).toLocalDate(), answers, List.of()));
			}
		}
		else {
			for (var r : o.summaries()) {
				individual.add(new Printed(word("counselling.record." + r.status(), locale) + " · "
						+ r.openedAt().atZone(zone).toLocalDate(), List.of(Map.entry(word("counselling.pdf.restricted", locale),
								messages.getMessage("counselling.record.sessions", new Object[] { r.sessions() }, locale))),
						List.of()));
			}
		}
		if (!individual.isEmpty()) {
			out.add(new Section("counselling-individual", word("counselling.pdf.individual", locale), 4, individual));
		}
		List<Printed> groups = new ArrayList<>();
		for (var g : o.groups()) {
			groups.add(new Printed(g.createdAt().atZone(zone).toLocalDate().toString(),
					List.of(Map.entry(word("counselling.field.group-name", locale),
							g.name() == null ? word("counselling.group.hidden", locale) : g.name()),
							Map.entry(word("counselling.group.sessions", locale), messages.getMessage(
									"counselling.group.counts", new Object[] { g.members(), g.sessions() }, locale))),
					List.of()));
		}
		if (!groups.isEmpty()) {
			out.add(new Section("counselling-groups", word("counselling.pdf.groups", locale), 4, groups));
		}
		return out;
	}

	private String word(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static void addIf(List<String> parts, String label, String value) {
		if (value != null) {
			parts.add(label + "：" + value);
		}
	}
}
