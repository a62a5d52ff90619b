package org.mindgrid.grid;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One broken grid rule, with a message in the caller's language. {@code mentorUserId} is set for
 * {@code MENTOR_OVER_15}, {@code studentId} for {@code STUDENT_WITHOUT_MENTOR}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridWarning(long classId, String className, WarningCode code, String message, Long mentorUserId,
		Long studentId) {
}
