package org.mindgrid.duty;

import java.time.Instant;

/**
 * Published when the escalation job raises an overdue duty: level 1 went to the class's head teacher, level 2 to
 * the school leaders. Published once per duty and level, inside the job's transaction.
 */
public record DutyOverdue(long dutyId, DutyKind kind, long schoolId, Long studentId, Long classId,
		long assigneeUserId, Instant dueAt, int escalationLevel) {
}
