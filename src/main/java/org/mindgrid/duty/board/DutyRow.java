package org.mindgrid.duty.board;

import java.time.Instant;

import org.mindgrid.duty.DutyKind;

/**
 * A duty as the pages show it. {@code studentName} is null unless the viewer may list the student (student_access);
 * {@code mine} says whether the viewer is the assignee (who alone may close it by hand). {@code formLink} opens what
 * fulfils the duty (ADR 0018): offered to the assignee only, who may use it.
 */
public record DutyRow(long id, DutyKind kind, Long studentId, String studentName, String className, Instant dueAt,
		String status, Instant doneAt, String doneNote, int escalationLevel, String assigneeName, boolean mine,
		String sourceKind, Long sourceId) {

	public boolean open() {
		return "OPEN".equals(status);
	}

	/** The student's hub, when the viewer may see the student. */
	public String studentLink() {
		return studentId != null && studentName != null ? "/students/" + studentId : null;
	}

	/** The form or page that fulfils an open duty of the viewer's, or null. */
	public String formLink() {
		return mine && open() ? DutyLinks.fulfil(kind, id, studentId, sourceKind, sourceId) : null;
	}
}
