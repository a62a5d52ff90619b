package org.mindgrid.crisis.events;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the 1-hour report stands (issue 10 point 3), worked out from the clock when read, never stored: due,
 * overdue by N minutes (not submitted after its hour), on time, or late by N minutes.
 */
public record ReportStatus(String status, long lateMinutes) {

	public static final String DUE = "DUE";

	public static final String OVERDUE = "OVERDUE";

	public static final String ON_TIME = "ON_TIME";

	public static final String LATE = "LATE";

	public static ReportStatus of(Instant dueAt, Instant submittedAt, Instant now) {
		if (submittedAt != null) {
			return submittedAt.isAfter(dueAt) ? new ReportStatus(LATE, minutesPast(dueAt, submittedAt))
					: new ReportStatus(ON_TIME, 0);
		}
		return now.isBefore(dueAt) ? new ReportStatus(DUE, 0) : new ReportStatus(OVERDUE, minutesPast(dueAt, now));
	}

	/** Whole minutes past the deadline, at least 1: 61 minutes after the start of the hour is late by 1. */
	private static long minutesPast(Instant dueAt, Instant at) {
		return Math.max(1, Duration.between(dueAt, at).toMinutes());
	}

	public boolean flagged() {
		return OVERDUE.equals(status) || LATE.equals(status);
	}
}
