package org.mindgrid.forms.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mindgrid.forms.FormDefinition;
import org.mindgrid.forms.FormRecords;
import org.mindgrid.forms.FormRecords.Record;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The workbook's forms and their records (issue 13 point 7). */
@RestController
@RequestMapping("/api/v1")
class FormApiController {

	record FormSummary(String id, int part, String title, boolean canFill) {
	}

	record FormView(FormDefinition definition, Map<String, String> words) {
	}

	record NewRecord(@NotBlank @Size(max = 64) String formId, @NotNull Map<String, Object> answers) {
	}

	record RecordUpdate(@NotNull Integer version, @NotNull Map<String, Object> answers, @Size(max = 500) String reason) {
	}

	private final FormRecords records;

	private final org.mindgrid.identity.CurrentUsers users;

	FormApiController(FormRecords records, org.mindgrid.identity.CurrentUsers users) {
		this.records = records;
		this.users = users;
	}

	@Operation(summary = "The workbook's forms the caller may use",
			description = "Forms whose fill or read roles the caller holds somewhere; canFill when they may fill it.")
	@GetMapping("/forms")
	Map<String, List<FormSummary>> forms(Locale locale) {
		var roles = users.current().posts().stream().map(p -> p.role().name()).toList();
		return Map.of("items", records.usable().stream()
			.map(f -> new FormSummary(f.id(), f.part(), records.words(f, locale).get("title"),
					f.fill().stream().anyMatch(roles::contains)))
			.toList());
	}

	@Operation(summary = "One form's definition with its words in the reader's language",
			description = "Sections, fields (type, required, options, bounds), fill and read roles, stages; words by key. Anyone signed in; 404 for an unknown form.")
	@GetMapping("/forms/{formId}")
	FormView form(@Parameter(description = "Form id") @PathVariable String formId, Locale locale) {
		FormDefinition f = records.form(formId);
		return new FormView(f, records.words(f, locale));
	}

	@Operation(summary = "Save a workbook record of a student",
			description = "The form's fill roles within the grid's scope; 404 for a student out of reach; 400 with "
					+ "errors by field (a table's cell as field[row].column).")
	@PostMapping("/students/{id}/records")
	@ResponseStatus(HttpStatus.CREATED)
	Record create(@Parameter(description = "Student id") @PathVariable long id, @Valid @RequestBody NewRecord r) {
		return records.create(id, r.formId(), r.answers());
	}

	@Operation(summary = "A student's workbook records, newest first",
			description = "formId for one form; without, every form the caller may read. 404 when they read none.")
	@GetMapping("/students/{id}/records")
	Map<String, List<Record>> list(@Parameter(description = "Student id") @PathVariable long id,
			@Parameter(description = "Form id") @RequestParam(required = false) String formId) {
		return Map.of("items", records.ofStudent(id, formId));
	}

	@Operation(summary = "Correct a record: a new version with its reason",
			description = "version as read (stale: 409); the form's fill roles; the earlier versions stay.")
	@PutMapping("/records/{id}")
	Record update(@Parameter(description = "Record id") @PathVariable long id, @Valid @RequestBody RecordUpdate r) {
		return records.update(id, r.version(), r.answers(), r.reason());
	}
}
