package org.mindgrid.forms.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.mindgrid.forms.FormDefinition;
import org.mindgrid.forms.FormRecords;
import org.mindgrid.forms.FormRecords.LedgerRow;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A form's ledger (issue 13 point 6) for a school or a class, by date: as JSON, and as xlsx under an API path
 * (bearer token) and a page path (a session).
 */
@RestController
class FormLedgerController {

	private final FormRecords records;

	private final MessageSource messages;

	private final Clock clock;

	private final org.mindgrid.document.Pdfs pdfs;

	private final org.mindgrid.forms.FormImport imports;

	FormLedgerController(FormRecords records, MessageSource messages, Clock clock, org.mindgrid.document.Pdfs pdfs,
			org.mindgrid.forms.FormImport imports) {
		this.pdfs = pdfs;
		this.imports = imports;
		this.records = records;
		this.messages = messages;
		this.clock = clock;
	}

	@Operation(summary = "A form's ledger: its records for a school or a class, newest first",
			description = "Only the students the caller reads the form for; at most 2,000 rows; grade the grade's "
					+ "level; from/to on the day of the last change. Audited.")
	@GetMapping("/api/v1/forms/{formId}/ledger")
	Map<String, List<LedgerRow>> ledger(@Parameter(description = "Form id") @PathVariable String formId,
			@Parameter(description = "School id") @RequestParam(required = false) Long schoolId,
			@Parameter(description = "Class id") @RequestParam(required = false) Long classId,
			@Parameter(description = "Grade (1–12)") @RequestParam(required = false) Integer grade,
			@Parameter(description = "First day") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return Map.of("items", records.ledger(formId, schoolId, classId, grade, from, to));
	}

	@Operation(summary = "A form's ledger as xlsx", description = "The same rows as the ledger, every answer in words.")
	@GetMapping({ "/api/v1/forms/{formId}/ledger.xlsx", "/forms/{formId}/ledger.xlsx" })
	ResponseEntity<byte[]> xlsx(@Parameter(description = "Form id") @PathVariable String formId,
			@Parameter(description = "School id") @RequestParam(required = false) Long schoolId,
			@Parameter(description = "Class id") @RequestParam(required = false) Long classId,
			@Parameter(description = "Grade (1–12)") @RequestParam(required = false) Integer grade,
			@Parameter(description = "First day") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Locale locale) {
		FormDefinition form = records.form(formId);
		Map<String, String> words = records.words(form, locale);
		List<LedgerRow> rows = records.ledger(formId, schoolId, classId, grade, from, to);
		String filter = messages.getMessage("form.ledger.filter", new Object[] { from == null ? "—" : from.toString(),
				to == null ? "—" : to.toString(), rows.size() }, locale);
		List<String> head = List.of("student", "studentNo", "class", "by", "at", "version").stream()
			.map(k -> messages.getMessage("form.ledger.col." + k, null, locale)).toList();
		byte[] body = FormLedgerWorkbook.of(form, words, filter, head, rows, clock.getZone());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(words.get("title") + ".xlsx", StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	@Operation(summary = "A blank form as a PDF, for paper use",
			description = "Every field with its options as boxes, tables with empty rows; anyone signed in.")
	@GetMapping({ "/api/v1/forms/{formId}/blank.pdf", "/forms/{formId}/blank.pdf" })
	ResponseEntity<byte[]> blank(@Parameter(description = "Form id") @PathVariable String formId, Locale locale) {
		FormDefinition form = records.form(formId);
		Map<String, String> words = records.words(form, locale);
		byte[] pdf = pdfs.render("forms/blank-pdf", Map.of("form", form, "words", words), locale);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(words.get("title") + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	@Operation(summary = "The import template of a form (xlsx)",
			description = "学号 and one column per field a cell can hold; a second sheet lists the options.")
	@GetMapping({ "/api/v1/forms/{formId}/import-template.xlsx", "/forms/{formId}/import-template.xlsx" })
	ResponseEntity<byte[]> template(@Parameter(description = "Form id") @PathVariable String formId, Locale locale) {
		FormDefinition form = records.form(formId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(messages.getMessage("form.import.filename", new Object[] { records.words(form, locale).get("title") },
						locale), StandardCharsets.UTF_8).build()
				.toString())
			.body(imports.template(form, locale));
	}

	@Operation(summary = "Import paper records of a form from xlsx",
			description = "Multipart part `file`, filled from the import template. Each row a record of a student the "
					+ "caller may fill the form for, found by 学号. Whole or nothing: 400 with rows listing every "
					+ "problem by row and field. Returns imported.")
	@org.springframework.web.bind.annotation.PostMapping("/api/v1/forms/{formId}/import")
	Map<String, Integer> importRows(@Parameter(description = "Form id") @PathVariable String formId,
			@org.springframework.web.bind.annotation.RequestPart(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
			Locale locale) throws java.io.IOException {
		if (file == null || file.isEmpty()) {
			throw org.mindgrid.shared.web.ApiProblem.badRequest("attachment.empty");
		}
		return Map.of("imported", imports.importRows(formId, file.getBytes(), locale, clock.getZone()));
	}
}
