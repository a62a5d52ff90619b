package org.mindgrid.duty.board;

import java.time.Instant;

import org.mindgrid.duty.DutyKind;

/**
 * A duty as the pages show it. {@code studentName} is null unless the viewer may list the student (student_access);
 * {@code mine} says whether the viewer is the assignee (who alone may close it by hand).
 */
public record DutyRow(long id, DutyKind kind, Long studentId, String studentName, String className, Instant dueAt,
		String status, Instant doneAt, String doneNote, int escalationLevel, String assigneeName, boolean mine) {

	public boolean open() {
		return "OPEN".equals(status);
	}
}
