package org.mindgrid.grid;

import java.time.Instant;
import java.util.List;

/**
 * Published after a mentor's students in a class changed (in the same transaction). Later modules (duties, the
 * mentor's ledger) react to it: a newly assigned student needs a talk this semester.
 *
 * @param assignedStudentIds students the mentor now cares for who were not theirs before
 * @param unassignedStudentIds students the mentor no longer cares for
 */
public record MentorAssigned(long schoolId, long classId, long mentorUserId, List<Long> assignedStudentIds,
		List<Long> unassignedStudentIds, long changedBy, Instant at) {

	public MentorAssigned {
		assignedStudentIds = List.copyOf(assignedStudentIds);
		unassignedStudentIds = List.copyOf(unassignedStudentIds);
	}
}
