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

	WorkbookPdfController(FormRecords records, Pdfs pdfs, org.springframework.context.MessageSource messages,
			java.time.Clock clock, org.mindgrid.forms.FormFiles files) {
		this.files = files;
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
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("cover", records.cover(id));
		model.put("sections", sections);
		byte[] pdf = pdfs.render("forms/workbook-pdf", model, locale);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(records.cover(id).name() + "-一生一档.pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}
}
