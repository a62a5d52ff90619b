package org.mindgrid.warning;

import java.time.Instant;
import java.util.List;

/** A warning report in a queue or on its own page. {@code views}: who opened it and when (detail only). */
public record WarningReportItem(long id, long studentId, String studentName, String className, Urgency urgency,
		String status, Instant dueAt, boolean overdue, Instant raisedAt, String raisedBy, String sourceKind,
		List<Integer> signs, String summary, Instant resolvedAt, String resolvedBy, String resolutionReason,
		List<View> views) {

	public record View(String name, Instant viewedAt) {
	}
}
