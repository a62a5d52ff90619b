package org.mindgrid.crisis.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.mindgrid.crisis.events.EventRef;

/**
 * Everything recorded about the event's student before the event ({@code occurred_at}), read once: the timeline
 * and the gap rules work on the same rows. Times are instants; names of the people are in {@link #names}.
 */
record History(EventRef event, ZoneId zone, Semester semester, List<Observation> observations,
		List<Concern> concerns, List<Trigger> triggers, List<Talk> talks, List<Visit> visits, List<Contact> contacts,
		List<Report> reports, List<ReportView> views, List<Duty> duties, List<CaseStep> caseSteps,
		List<CaseInfo> cases, List<PlanRevision> plans, List<Result> results, List<Flag> flags,
		Map<Long, String> names) {

	/** No student (not known yet): nothing to trace. */
	static History empty(EventRef event, ZoneId zone) {
		return new History(event, zone, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
	}

	Instant cutoff() {
		return event.occurredAt();
	}

	boolean hasStudent() {
		return event.studentId() != null;
	}

	String name(Long userId) {
		return userId == null ? null : names.getOrDefault(userId, "#" + userId);
	}

	record Semester(long id, String name, LocalDate startsOn, LocalDate endsOn) {
	}

	record Observation(long id, Instant at, long by, String crisisLevel, List<Integer> signs, Long reportId) {
	}

	record Concern(long id, Instant at, long by, List<Integer> signs) {
	}

	record Trigger(long id, Instant at, long by, String kind, LocalDate occurredOn) {
	}

	/** A talk (its day) or a voided one (voided before the event). */
	record Talk(long id, Instant at, long by, LocalDate day, boolean voided) {
	}

	record Visit(long id, Instant at, long by, Instant recordedAt, boolean voided) {
	}

	record Contact(long id, Instant at, long by, String channel, boolean voided) {
	}

	/** A warning report as it stood at the event: taken up and resolved only if before it. */
	record Report(long id, Instant raisedAt, long raisedBy, String urgency, String sourceKind, Instant dueAt,
			Long takenUpBy, Instant takenUpAt, Long resolvedBy, Instant resolvedAt) {
	}

	record ReportView(long reportId, long userId, Instant at) {
	}

	/** A duty of the student, with what became of it (done or cancelled at {@code doneAt}, if before the event). */
	record Duty(long id, String kind, long assignee, Instant createdAt, Instant dueAt, String status, Instant doneAt,
			Long doneBy) {
	}

	/** A step of one of the student's cases; {@code voided}: a later entry (before the event) voided it. */
	record CaseStep(long id, long caseId, Instant at, long by, String action, String fromState, String toState,
			boolean voided) {
	}

	record CaseInfo(long id, boolean inDatabase, Instant openedAt) {
	}

	record PlanRevision(long caseId, int version, Instant at, long by) {
	}

	record Result(long id, Instant at, String scaleId, double total, String band, List<String> flags) {
	}

	/** A screening flag; {@code reviewedAt} only if before the event. */
	record Flag(long id, Instant at, String scaleId, boolean urgent, String status, Long reviewedBy,
			Instant reviewedAt) {
	}
}
