package org.mindgrid.duty;

import java.time.Instant;

/**
 * A duty to open. {@code sourceKind}/{@code sourceId} name what caused it (e.g. {@code WARNING_REPORT}, 12), so
 * that opening the same duty twice changes nothing.
 */
public record DutyRequest(DutyKind kind, long schoolId, Long studentId, Long classId, long assigneeUserId,
		Instant dueAt, String sourceKind, Long sourceId, Long semesterId) {
}
