package org.mindgrid.crisis.events;

import java.time.Instant;

/** The facts of a crisis event that every part of the module needs, as the database holds them. */
public record EventRef(long id, long schoolId, long districtId, long cityId, Long studentId, Long classId,
		String kind, Instant occurredAt, Instant raisedAt, long raisedBy, Instant reportDueAt,
		Instant reportSubmittedAt, Long caseId, Instant closedAt, int version) {

	public boolean closed() {
		return closedAt != null;
	}
}
