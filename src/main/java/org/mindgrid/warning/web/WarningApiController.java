package org.mindgrid.warning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.mindgrid.shared.web.ApiError;
import org.mindgrid.shared.web.Page;
import org.mindgrid.warning.WarningQueue;
import org.mindgrid.warning.WarningReportItem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warning-reports")
class WarningApiController {

	record Resolution(@NotBlank @Size(max = 2000) String reason) {
	}

	private final WarningQueue queue;

	WarningApiController(WarningQueue queue) {
		this.queue = queue;
	}

	/** The caller's queue (reports on students whose archive they may read); {@code status=OPEN|RESOLVED}. */
	@Operation(summary = "The warning report queue (预警报告)",
			description = "Reports on students whose archive the caller may read: open ones first, urgent first, by "
					+ "deadline. A student has at most one open report; new signs join it.")
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "OPEN or RESOLVED; all when left out")
	@GetMapping
	Page<WarningReportItem> queue(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		String s = status == null || status.isBlank() ? null : status.strip().toUpperCase();
		return queue.queue(s, Page.clampPage(page), Page.clampSize(size));
	}

	@Operation(summary = "One warning report with its sources",
			description = "The report with every source (observation, concern report, escalated record) in full, its "
					+ "urgency, deadline and history. Opening it is recorded (who saw it when) and audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Warning report id")
	@GetMapping("/{id}")
	WarningReportItem get(@PathVariable long id) {
		return queue.open(id);
	}

	/** The assessment starts; the reporters are told, without clinical details. 409 when already taken up. */
	@PostMapping("/{id}/take-up")
	@Operation(summary = "Take a warning report up (start the one-to-one assessment)",
			description = "A psychology teacher or crisis team member of the student's school takes the report up; "
					+ "the reporters are told it was taken up, without clinical details. Answers the report.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Warning report id")
	@ApiError(status = 409, description = "Taken up or resolved already (code warning.already-taken-up)")
	WarningReportItem takeUp(@PathVariable long id) {
		return queue.takeUp(id);
	}

	@Operation(summary = "Resolve a warning report",
			description = "Closes the report with the psychology teacher's reason (required, up to 2,000 characters). "
					+ "Answers the report.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Warning report id")
	@ApiError(status = 409, description = "The report is resolved already (code warning.already-resolved)")
	@PostMapping("/{id}/resolve")
	WarningReportItem resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution) {
		return queue.resolve(id, resolution.reason());
	}
}
