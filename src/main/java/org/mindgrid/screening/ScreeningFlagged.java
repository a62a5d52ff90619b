package org.mindgrid.screening;

/**
 * A screening result crossed a cut-off or hit a critical item (issue 9, point 5). Urgent flags have already raised
 * an urgent warning report in the same transaction; the others wait in the psychology teachers' review queue.
 */
public record ScreeningFlagged(long flagId, long studentId, long schoolId, long classId, String scaleId,
		boolean urgent) {
}
