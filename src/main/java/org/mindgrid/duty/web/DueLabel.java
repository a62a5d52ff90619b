package org.mindgrid.duty.web;

import java.time.Duration;
import java.time.Instant;

/** "逾期 3 天" / "剩余 1 小时 20 分" as a message key with its numbers. */
record DueLabel(String key, long a, long b, boolean overdue) {

	static DueLabel of(Instant due, Instant now) {
		Duration d = Duration.between(now, due);
		boolean overdue = d.isNegative();
		Duration abs = d.abs();
		String prefix = overdue ? "duty.due.overdue." : "duty.due.left.";
		if (abs.toDays() >= 1) {
			return new DueLabel(prefix + "days", abs.toDays(), 0, overdue);
		}
		return new DueLabel(prefix + "hours", abs.toHours(), abs.toMinutesPart(), overdue);
	}
}
