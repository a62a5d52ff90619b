package org.mindgrid.warning.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API and the pages show of cases; each view is cut to the reader's tier (issue 8 point 9). */
public final class CaseViews {

	private CaseViews() {
	}

	/** A row of the case list. {@code category} is null for mentors. */
	public record CaseSummary(long id, long studentId, String studentName, String className, long classId,
			String state, Integer category, boolean inDatabase, boolean staysAgainstAdvice, Instant openedAt,
			Instant endedAt, boolean overdue) {
	}

	/** One step of the history. {@code voidedBy}: the entry that voided this one, with its reason in the details. */
	public record CaseEntry(long id, String action, String fromState, String toState, Instant at, String by,
			Map<String, Object> details, Long voids, Long voidedBy) {
	}

	/** An open or done duty of the case the reader may see. */
	public record CaseDuty(long id, String kind, Instant dueAt, String status, String assignee, boolean overdue) {
	}

	/** A measure of the plan with its last tick. */
	public record MeasureView(String id, String grid, String text, String responsible, String frequency,
			Instant lastTickedAt) {
	}

	/** The support plan (一生一策) as read; {@code version} 0 when none was saved yet. */
	public record PlanView(int version, String situation, String goals, List<MeasureView> measures,
			String contactFrequency, String reviewDate, Instant updatedAt, String updatedBy) {
	}

	/** The case page and {@code GET /api/v1/cases/{id}}. */
	public record CaseDetail(long id, long studentId, String studentName, String className, String studentNumber,
			String state, Integer category, boolean inDatabase, boolean staysAgainstAdvice, Instant openedAt,
			Instant endedAt, int version, String access, List<String> allowedActions, List<CaseEntry> history,
			PlanView plan, List<CaseDuty> duties, List<Long> reportIds) {
	}
}
