package org.mindgrid.reporting.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The oversight records as the API answers them (no student data in any of them). */
public final class RecordViews {

	private RecordViews() {
	}

	public record Lesson(long id, long schoolId, long classId, String className, LocalDate givenOn, int periods,
			String topic, long teacherUserId, String teacherName) {
	}

	public record Activity(long id, long schoolId, String kind, String title, LocalDate heldOn, String organiser,
			List<Long> classIds) {
	}

	public record ParentSession(long id, long schoolId, long classId, String className, LocalDate heldOn,
			String topic, long headTeacherUserId, String headTeacherName, int familiesAttended) {
	}

	public record Training(long id, long districtId, Long schoolId, String kind, String title, LocalDate heldOn,
			BigDecimal hours, List<Long> attendeeUserIds) {
	}

	public record JointMeeting(long id, long districtId, LocalDate heldOn, List<String> departments, String minutes,
			String decisions) {
	}
}
