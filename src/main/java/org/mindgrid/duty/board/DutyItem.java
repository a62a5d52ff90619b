package org.mindgrid.duty.board;

import java.time.Instant;

import org.mindgrid.duty.DutyKind;

/**
 * A duty as the API lists it: ids only, no names. {@code link}: the page that fulfils it (the talk or visit form
 * of its student, the warning report of an assessment), relative to the application's base URL.
 */
public record DutyItem(long id, DutyKind kind, Long studentId, Long classId, long assigneeUserId, Instant dueAt,
		String status, boolean overdue, int escalationLevel, Instant doneAt, String link) {
}
