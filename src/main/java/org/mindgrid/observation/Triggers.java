package org.mindgrid.observation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.duty.DutyRequest;
import org.mindgrid.duty.SchoolCalendar;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 四必访: each trigger is recorded and opens a home-visit duty for each of the student's mentors (the head teacher
 * when the student has none yet), due by the end of the next school day. One open visit duty per mentor and
 * student covers several triggers.
 */
@Service
class Triggers {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SchoolCalendar calendar;

	private final Duties duties;

	private final Notifications notifications;

	private final AuditLog audit;

	Triggers(JdbcClient jdbc, Clock clock, SchoolCalendar calendar, Duties duties, Notifications notifications,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
		this.duties = duties;
		this.notifications = notifications;
		this.audit = audit;
	}

	@Transactional
	long record(CurrentUser by, ObservedStudent student, TriggerKind kind, LocalDate occurredOn, String note,
			String sourceKind, Long sourceId) {
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into trigger_event (student_id, school_id, kind, occurred_on, note, source_kind, source_id,
				                           recorded_by, recorded_at)
				values (:student, :school, :kind, :on, :note, :sourceKind, :sourceId, :by, :at) returning id""")
			.param("student", student.id())
			.param("school", student.schoolId())
			.param("kind", kind.name())
			.param("on", Date.valueOf(occurredOn))
			.param("note", note)
			.param("sourceKind", sourceKind)
			.param("sourceId", sourceId)
			.param("by", by.id())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		Instant due = calendar.endOfNextSchoolDay(now);
		List<Long> visitors = visitorsOf(student);
		for (long visitor : visitors) {
			duties.open(new DutyRequest(DutyKind.TRIGGER_HOME_VISIT, student.schoolId(), student.id(), student.classId(),
					visitor, due, "TRIGGER", null, null));
		}
		notifications.notify(visitors.stream().filter(v -> v != by.id()).toList(),
				Notice.of("TRIGGER_HOME_VISIT", "notification.trigger", "/students/" + student.id(),
						NoticeArg.schoolClass(student.classId()), NoticeArg.code("trigger." + kind.name())));
		audit.record("TRIGGER_RECORDED", "trigger/" + id, student.id(), kind.name());
		return id;
	}

	private List<Long> visitorsOf(ObservedStudent student) {
		List<Long> mentors = jdbc.sql("select mentor_user_id from mentor_assignment where student_id = :s order by id")
			.param("s", student.id())
			.query(Long.class)
			.list();
		if (!mentors.isEmpty()) {
			return mentors;
		}
		return jdbc.sql("select user_id from post where role = 'HEAD_TEACHER' and class_id = :c")
			.param("c", student.classId())
			.query(Long.class)
			.list();
	}
}
