package org.mindgrid.crisis.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the crisis endpoints and pages answer. */
public final class CrisisViews {

	private CrisisViews() {
	}

	/**
	 * One event in a list. {@code reportStatus}: DUE, OVERDUE, ON_TIME or LATE; {@code lateMinutes} for the last
	 * two; {@code openSteps}: how many of the five first-time actions are still open.
	 */
	public record EventSummary(long id, Long studentId, String studentName, String className, long schoolId,
			String schoolName, String kind, Instant occurredAt, Instant raisedAt, Instant reportDueAt,
			String reportStatus, long lateMinutes, int openSteps, boolean closed) {
	}

	/** One of the five first-time actions: OPEN, DONE or NOT_APPLICABLE, with who, when and why. */
	public record StepView(String step, String state, Instant at, String by, String note, Long entryId) {
	}

	/** One entry as recorded, voided ones included ({@code voidedBy} the entry that voided it). */
	public record EntryView(long id, String action, String step, Instant doneAt, Map<String, Object> details,
			String by, Instant recordedAt, Long voids, Long voidedBy) {
	}

	/** A report to the district: INITIAL (the 1-hour report) or FOLLOW_UP (续报). */
	public record ReportView(long id, String kind, Map<String, Object> content, String submittedBy,
			Instant submittedAt, String acknowledgedBy, Instant acknowledgedAt) {
	}

	/**
	 * One event as the caller reaches it. The student's hint and case are the school's ({@code null} for the
	 * bureau and the raiser). {@code allowedActions}: the codes of {@code POST .../actions} the caller may send now;
	 * {@code canReport}, {@code canAcknowledge}: the report endpoints.
	 */
	public record EventDetail(long id, String reach, long schoolId, String schoolName, Long studentId,
			String studentName, String studentNo, Long classId, String className, String studentHint, String kind,
			Instant occurredAt, String place, String summary, String raisedBy, Instant raisedAt, Instant reportDueAt,
			Instant reportSubmittedAt, String reportStatus, long lateMinutes, Long caseId, Instant closedAt,
			String closedBy, List<StepView> steps, List<EntryView> entries, List<ReportView> reports,
			List<String> allowedActions, boolean canReport, boolean canAcknowledge, int version) {

		public List<String> openSteps() {
			return steps.stream().filter(s -> "OPEN".equals(s.state())).map(StepView::step).toList();
		}
	}
}
