package org.mindgrid.duty.board;

import java.time.Instant;

import org.mindgrid.duty.DutyKind;

/** A duty as the API lists it: ids only, no names. */
public record DutyItem(long id, DutyKind kind, Long studentId, Long classId, long assigneeUserId, Instant dueAt,
		String status, boolean overdue, int escalationLevel, Instant doneAt) {
}
