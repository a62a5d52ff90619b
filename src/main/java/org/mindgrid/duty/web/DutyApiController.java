package org.mindgrid.duty.web;

import org.mindgrid.duty.DutyEscalation;
import org.mindgrid.duty.SemesterDuties;
import org.mindgrid.duty.board.Coverage;
import org.mindgrid.duty.board.CoverageBoard;
import org.mindgrid.duty.board.DutyBoard;
import org.mindgrid.duty.board.DutyItem;
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
	@GetMapping
	Page<DutyItem> list(@RequestParam(defaultValue = "true") boolean mine,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return board.list(mine, status, Page.clampPage(page), Page.clampSize(size));
	}

	@PostMapping("/{id}/done")
	DutyItem done(@PathVariable long id, @RequestBody(required = false) Done body) {
		return board.markDone(id, body == null ? null : body.note());
	}

	@GetMapping("/coverage")
	Coverage coverage() {
		return coverage.forCurrentUser();
	}

	/** Runs the semester generation now (it also runs at startup and daily); idempotent. */
	@PostMapping("/generate")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','SCHOOL_ADMIN')")
	SemesterDuties.Result generate() {
		return semesterDuties.generate();
	}

	/** Runs the escalation job now (it also runs daily and every 15 minutes for assessments); idempotent. */
	@PostMapping("/escalate")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	DutyEscalation.Result escalate() {
		return escalation.runEscalation();
	}
}
