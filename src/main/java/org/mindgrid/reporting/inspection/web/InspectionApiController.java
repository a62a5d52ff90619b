package org.mindgrid.reporting.inspection.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.reporting.inspection.InspectionResults;
import org.mindgrid.reporting.inspection.InspectionTransitions.Action;
import org.mindgrid.reporting.inspection.InspectionTransitions.ItemAction;
import org.mindgrid.reporting.inspection.Inspections;
import org.mindgrid.reporting.inspection.Inspections.Inspection;
import org.mindgrid.reporting.inspection.Inspections.NewInspection;
import org.mindgrid.reporting.inspection.Inspections.Summary;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The district's monthly inspection (每月抽查, issue 12 point 4, ADR 0033). */
@RestController
@RequestMapping("/api/v1/inspections")
class InspectionApiController {

	record InspectionRequest(@NotNull Long districtId, @NotBlank @Size(max = 7) String period,
			@Size(max = Inspections.MAX_SCHOOLS) List<@NotNull Long> schoolIds,
			@Size(max = 50) List<@NotBlank @Size(max = 64) String> indicators, Integer randomSchools,
			Integer randomIndicators) {
	}

	record MoveRequest(@NotNull Integer version) {
	}

	record StepRequest(@Size(max = 16) String verdict, @Size(max = Inspections.MAX_TEXT) String text, LocalDate dueOn) {
	}

	private final Inspections inspections;

	private final InspectionResults results;

	private final FieldProblems problems;

	InspectionApiController(Inspections inspections, InspectionResults results, FieldProblems problems) {
		this.inspections = inspections;
		this.results = results;
		this.problems = problems;
	}

	@Operation(summary = "Sample schools × indicators of a month for inspection (a draft)",
			description = "Either name schoolIds and indicators, or give randomSchools and/or randomIndicators to let "
					+ "the system pick (each side one way). Values, targets and statuses are kept as they stand now. "
					+ "At most 50 schools and 500 items. The district's officers; others 403.")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Inspection create(@Valid @RequestBody InspectionRequest r, Locale locale) {
		return inspections.create(new NewInspection(r.districtId(), month(r.period()), r.schoolIds(), r.indicators(),
				r.randomSchools(), r.randomIndicators()), locale);
	}

	@Operation(summary = "The inspections the caller reads, newest month first",
			description = "District officers their district's; city officers the started and published ones of their "
					+ "city; a sampled school's leaders, administrators, psychology teachers and crisis team those "
					+ "that sampled it, once started.")
	@GetMapping
	Map<String, List<Summary>> list(@Parameter(description = "District id") @RequestParam(required = false) Long districtId) {
		return Map.of("items", inspections.list(districtId));
	}

	@Operation(summary = "One inspection with the items the caller reads", description = "Readers as for the list; 404 otherwise.")
	@GetMapping("/{id}")
	Inspection one(@Parameter(description = "Inspection id") @PathVariable long id) {
		return inspections.read(id);
	}

	@Operation(summary = "Start the inspection: the sampled schools are told and see their items",
			description = "DRAFT → IN_PROGRESS; version as read. The district's officers.")
	@PostMapping("/{id}/start")
	Inspection start(@Parameter(description = "Inspection id") @PathVariable long id, @Valid @RequestBody MoveRequest r) {
		return inspections.move(id, Action.START, r.version());
	}

	@Operation(summary = "Publish the month's results (晾晒)",
			description = "IN_PROGRESS → PUBLISHED once every item has a finding; version as read. The district's officers.")
	@PostMapping("/{id}/publish")
	Inspection publish(@Parameter(description = "Inspection id") @PathVariable long id, @Valid @RequestBody MoveRequest r) {
		return inspections.move(id, Action.PUBLISH, r.version());
	}

	@Operation(summary = "Take a school out of a draft's sample", description = "The district's officers; a draft only (409).")
	@DeleteMapping("/{id}/schools/{schoolId}")
	Inspection drop(@Parameter(description = "Inspection id") @PathVariable long id,
			@Parameter(description = "School id") @PathVariable long schoolId) {
		return inspections.dropSchool(id, schoolId);
	}

	@Operation(summary = "One step of an item",
			description = "step finding (verdict MET or NOT_MET, text), correction (text, dueOn within 45 days), "
					+ "close, accept, reopen (text, dueOn): the district's officers; answer (text): the sampled "
					+ "school's leaders, administrators and psychology teachers. A step its state does not allow: 409.")
	@PostMapping("/{id}/items/{itemId}/{step:finding|correction|answer|accept|reopen|close}")
	Inspection step(@Parameter(description = "Inspection id") @PathVariable long id,
			@Parameter(description = "Item id") @PathVariable long itemId,
			@Parameter(description = "Step") @PathVariable String step, @Valid @RequestBody(required = false) StepRequest r) {
		StepRequest body = r == null ? new StepRequest(null, null, null) : r;
		return inspections.step(id, itemId, action(step), new Inspections.Step(body.verdict(), body.text(), body.dueOn()));
	}

	@Operation(summary = "The published results as a printable PDF",
			description = "Readers as for the inspection; 409 until published.")
	@GetMapping("/{id}/results.pdf")
	ResponseEntity<byte[]> pdf(@Parameter(description = "Inspection id") @PathVariable long id, Locale locale) {
		InspectionResults.Pdf pdf = results.pdf(id, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(pdf.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(pdf.bytes());
	}

	static ItemAction action(String step) {
		return switch (step) {
			case "finding" -> ItemAction.RECORD_FINDING;
			case "correction" -> ItemAction.REQUEST_CORRECTION;
			case "answer" -> ItemAction.ANSWER;
			case "accept" -> ItemAction.ACCEPT;
			case "reopen" -> ItemAction.REOPEN;
			default -> ItemAction.CLOSE;
		};
	}

	private YearMonth month(String period) {
		try {
			return YearMonth.parse(period.strip());
		}
		catch (DateTimeParseException e) {
			throw problems.field("period", "indicator.problem.period");
		}
	}
}
