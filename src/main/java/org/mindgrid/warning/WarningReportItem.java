package org.mindgrid.warning;

import java.time.Instant;
import java.util.List;

/**
 * A warning report in a queue or on its own page. {@code sourceCount}: how many records raised or joined it;
 * {@code views} and {@code sources} (each record in full, oldest first): detail only. {@code mergedInto}: the report
 * a MERGED one carries on in. {@code takenUpBy}/{@code takenUpAt}: who took it up (started the assessment), when.
 */
public record WarningReportItem(long id, long studentId, String studentName, String className, Urgency urgency,
		String status, Instant dueAt, boolean overdue, Instant raisedAt, String raisedBy, String sourceKind,
		List<Integer> signs, String summary, Instant resolvedAt, String resolvedBy, String resolutionReason,
		List<View> views, int sourceCount, Long mergedInto, List<ReportSource> sources, String takenUpBy,
		Instant takenUpAt) {

	public record View(String name, Instant viewedAt) {
	}
}
