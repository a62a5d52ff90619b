package org.mindgrid.warning;

import java.time.Instant;
import java.util.List;

/**
 * A warning report in a queue or on its own page. {@code sourceCount}: how many records raised or joined it;
 * {@code views} and {@code sources} (each record in full, oldest first): detail only. {@code mergedInto}: the report
 * a MERGED one carries on in. {@code takenUpBy}/{@code takenUpAt}: who took it up (started the assessment), when.
 * {@code caseId}: the case (个案) the report belongs to, if any.
 */
public record WarningReportItem(long id, long studentId, String studentName, String className, Urgency urgency,
		String status, Instant dueAt, boolean overdue, Instant raisedAt, String raisedBy, String sourceKind,
		List<Integer> signs, String summary, Instant resolvedAt, String resolvedBy, String resolutionReason,
		List<View> views, int sourceCount, Long mergedInto, List<ReportSource> sources, String takenUpBy,
		Instant takenUpAt, Long caseId) {

	/** The case whose assessment answered the report ({@code CASE_ASSESSED:<id>}), or null for other reasons. */
	public Long assessedInCase() {
		String prefix = org.mindgrid.warning.cases.CaseWork.ASSESSED_REASON;
		if (resolutionReason == null || !resolutionReason.startsWith(prefix)) {
			return null;
		}
		try {
			return Long.valueOf(resolutionReason.substring(prefix.length()));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	public record View(String name, Instant viewedAt) {
	}
}
