package org.mindgrid.duty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import org.mindgrid.duty.DutyEscalation;
import org.mindgrid.duty.SemesterDuties;
import org.mindgrid.duty.board.Coverage;
import org.mindgrid.duty.board.CoverageBoard;
import org.mindgrid.duty.board.DutyBoard;
import org.mindgrid.duty.board.DutyItem;
import org.mindgrid.shared.web.ApiError;
import org.mindgrid.shared.web.Page;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/duties")
class DutyApiController {

	/** {@code POST /{id}/done} body: what was done (required: a duty closed by hand says how). */
	record Done(String note) {
	}

	private final DutyBoard board;

	private final CoverageBoard coverage;

	private final SemesterDuties semesterDuties;

	private final DutyEscalation escalation;

	DutyApiController(DutyBoard board, CoverageBoard coverage, SemesterDuties semesterDuties,
			DutyEscalation escalation) {
		this.board = board;
		this.coverage = coverage;
		this.semesterDuties = semesterDuties;
		this.escalation = escalation;
	}

	/** {@code mine=true}: the caller's duties; {@code mine=false}: also their class's / school's. */
	@Operation(summary = "Duties (任务) with their deadlines",
			description = "Semester talks and home visits, 四必访 visits, assessments of warning reports: the caller's "
					+ "own, or with mine=false also those of their class or school; open ones first, by deadline.")
	@Parameter(name = "mine", in = ParameterIn.QUERY,
			description = "true (default): the caller's own duties; false: also their class's or school's")
	@Parameter(name = "status", in = ParameterIn.QUERY,
			description = "OPEN, DONE, CANCELLED or OVERDUE (open and past its deadline); all when left out")
	@GetMapping
	Page<DutyItem> list(@RequestParam(defaultValue = "true") boolean mine,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return board.list(mine, status, Page.clampPage(page), Page.clampSize(size));
	}

	@Operation(summary = "Close a duty by hand",
			description = "For a duty fulfilled outside MindGrid: {\"note\": what was done} is required. Duties close "
					+ "by themselves when their record is logged. Answers the duty.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Duty id")
	@ApiError(status = 409, description = "The duty is not open any more (code duty.done.not-open)")
	@PostMapping("/{id}/done")
	DutyItem done(@PathVariable long id, @RequestBody(required = false) Done body) {
		return board.markDone(id, body == null ? null : body.note());
	}

	@Operation(summary = "Semester coverage of talks and home visits",
			description = "How many students had their semester talk and how many mentors their home visit, per "
					+ "class, in the caller's class or school for the current semester.")
	@GetMapping("/coverage")
	Coverage coverage() {
		return coverage.forCurrentUser();
	}

	/** Runs the semester generation now (it also runs at startup and daily); idempotent. */
	@Operation(summary = "Generate the semester duties now",
			description = "Opens the current semester's talk and home-visit duties for every school; it also runs at "
					+ "startup and daily, and is idempotent. School and system administrators.")
	@PostMapping("/generate")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','SCHOOL_ADMIN')")
	SemesterDuties.Result generate() {
		return semesterDuties.generate();
	}

	/** Runs the escalation job now (it also runs daily and every 15 minutes for assessments); idempotent. */
	@Operation(summary = "Run the duty escalation now",
			description = "Overdue duties reach the head teacher and leaders; it also runs daily and every 15 minutes "
					+ "for assessments, and is idempotent. System administrators only.")
	@PostMapping("/escalate")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	DutyEscalation.Result escalate() {
		return escalation.runEscalation();
	}
}
