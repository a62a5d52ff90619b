package org.mindgrid.student;

/** A student as a list shows them: enough to find and recognise, nothing sensitive. */
public record StudentSummary(long id, String studentNo, String name, String gender, long schoolId, long classId,
		String className) {
}
