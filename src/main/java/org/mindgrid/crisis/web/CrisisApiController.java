package org.mindgrid.crisis.web;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.mindgrid.crisis.events.CrisisEvents;
import org.mindgrid.crisis.events.CrisisReads;
import org.mindgrid.crisis.events.CrisisReports;
import org.mindgrid.crisis.events.CrisisViews.EventDetail;
import org.mindgrid.crisis.events.CrisisViews.EventSummary;
import org.mindgrid.shared.web.ApiError;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Crisis events (issue 10 point 7): raise, list, read, record actions, the 1-hour report and its receipt. */
@RestController
@RequestMapping("/api/v1/crisis-events")
class CrisisApiController {

	record RaisedBody(long id, Instant reportDueAt, Long caseId) {
	}

	record EntryBody(long id, EventDetail event) {
	}

	record AcknowledgedBody(long reportId, Instant acknowledgedAt) {
	}

	private final CrisisEvents events;

	private final CrisisReads reads;

	private final CrisisReports reports;

	CrisisApiController(CrisisEvents events, CrisisReads reads, CrisisReports reports) {
		this.events = events;
		this.reads = reads;
		this.reports = reports;
	}

	@Operation(summary = "Raise a crisis event (危机事件)",
			description = "Any staff member of the school. Body {studentId (omit when not known yet, then "
					+ "studentHint), kind: SELF_HARM | SUICIDE_ATTEMPT | SUICIDE | HARM_TO_OTHERS | MISSING | OTHER, "
					+ "occurredAt (ISO time, default now), place, summary}. The 1-hour report is due an hour after "
					+ "the raise. The school's leaders, psychology teachers, crisis team and the head teacher are "
					+ "notified; a named student's case shows the event (a new case at category 3 pending review). "
					+ "Answers 201 {id, reportDueAt, caseId}.")
	@ApiError(status = 404, description = "The student is not one the caller may see (code student.not-found)")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RaisedBody raise(@RequestBody(required = false) Map<String, Object> body) {
		CrisisEvents.Raised r = events.raise(body);
		return new RaisedBody(r.id(), r.reportDueAt(), r.caseId());
	}

	@Operation(summary = "Crisis events the caller reaches",
			description = "School staff: their school's events (the team), their class's (head teacher), what they "
					+ "raised; district and city officers: their area's, with the student's name. Open first, newest "
					+ "first; each with id, studentId, kind, occurredAt, reportStatus (DUE, OVERDUE, ON_TIME, LATE) "
					+ "and lateMinutes. Paged {items, total, page, size}; audited.")
	@Parameter(name = "state", in = ParameterIn.QUERY, description = "OPEN or CLOSED")
	@Parameter(name = "flagged", in = ParameterIn.QUERY,
			description = "true: only events whose 1-hour report is overdue or was late; false: the others")
	@Parameter(name = "page", in = ParameterIn.QUERY, description = "Page number from 0")
	@Parameter(name = "size", in = ParameterIn.QUERY, description = "Page size 1..200, default 20")
	@GetMapping
	Page<EventSummary> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) Boolean flagged, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return reads.list(new CrisisReads.Filter(state(state), flagged, Page.clampPage(page), Page.clampSize(size)));
	}

	@Operation(summary = "One crisis event",
			description = "The event, the five first-time actions (五个第一时间) each OPEN, DONE or NOT_APPLICABLE with "
					+ "time and who, every entry (aftercare, follow-up, cooperation, voids), the reports with their "
					+ "receipt, reportStatus, and what the caller may do now (allowedActions, canReport, "
					+ "canAcknowledge). The bureau reads the student's name but not the school's notes. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Event id")
	@ApiError(status = 404, description = "No such event, or the caller does not reach it (code crisis.not-found)")
	@GetMapping("/{id}")
	EventDetail get(@PathVariable long id) {
		return reads.get(id);
	}

	@Operation(summary = "Record an action on the event",
			description = "Body {\"action\": ..., ...}: call-doctor | send-to-hospital | inform-police | "
					+ "notify-parents | report-upward {at, note}; not-applicable {step, reason}; aftercare "
					+ "{personKind: STUDENT | STAFF | FAMILY, person, givenBy, what, at}; follow-up {relation: WITNESS "
					+ "| CLOSE_FRIEND | CLASS | FAMILY | OTHER, person, assigneeUserId, dueOn, note} (opens a duty for "
					+ "the assignee); cooperation {department: POLICE | HEALTH | CYBERSPACE | JUSTICE | PRESS | OTHER, "
					+ "note, at}; identify-student {studentId}; void {entryId, reason}; close. Answers 201 {id, event}.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Event id")
	@ApiError(status = 403, description = "The caller reads the event but may not record this (crisis.bureau-reads, "
			+ "crisis.action-forbidden)")
	@ApiError(status = 409, description = "The event is closed (crisis.closed), the step is already recorded "
			+ "(crisis.step-done), or it cannot close yet (crisis.close-no-report, crisis.close-open-steps)")
	@PostMapping("/{id}/actions")
	@ResponseStatus(HttpStatus.CREATED)
	EntryBody act(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
		long entry = events.act(id, body);
		return new EntryBody(entry, reads.get(id));
	}

	@Operation(summary = "Submit the 1-hour report, or a follow-up (续报)",
			description = "The school's leaders, psychology teachers or crisis team. The first is the 1-hour report "
					+ "{whatHappened, occurredAt, place, currentState, contactPerson, contactPhone}; later ones "
					+ "follow-ups {whatHappened, currentState, contactPerson, contactPhone} with currentState required. "
					+ "The first-time actions and their times are attached as they stand. The district's officers are "
					+ "told at once. Answers 201 {id, kind, submittedAt, reportStatus}.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Event id")
	@ApiError(status = 403, description = "Not the school's team (crisis.report-forbidden, crisis.bureau-reads)")
	@PostMapping("/{id}/report")
	@ResponseStatus(HttpStatus.CREATED)
	CrisisReports.Submitted report(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
		return reports.submit(id, body);
	}

	@Operation(summary = "Acknowledge receipt of a report",
			description = "A district officer of the event's district acknowledges one report (the 1-hour report or "
					+ "a follow-up); the submitter is told. Repeating it answers the first receipt.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Event id")
	@Parameter(name = "reportId", in = ParameterIn.PATH, description = "Report id")
	@ApiError(status = 403, description = "Not a district officer of the event (crisis.acknowledge-forbidden)")
	@PostMapping("/{id}/report/{reportId}/acknowledge")
	AcknowledgedBody acknowledge(@PathVariable long id, @PathVariable long reportId) {
		return new AcknowledgedBody(reportId, reports.acknowledge(id, reportId));
	}

	static String state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		String s = state.strip().toUpperCase(java.util.Locale.ROOT);
		if (!s.equals("OPEN") && !s.equals("CLOSED")) {
			throw ApiProblem.badRequest("crisis.field.choice",
					new DefaultMessageSourceResolvable(new String[] { "crisis.field.state" }, "state"), "OPEN, CLOSED")
				.with("field", "state");
		}
		return s;
	}
}
