package org.mindgrid.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.duty.DutyRequest;
import org.mindgrid.duty.SchoolCalendar;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises warning reports. In one transaction with the record that caused it: the report lands in the
 * psychology teachers' queue, each of them gets an assessment duty, and they, the school leaders and the head
 * teacher are notified (without the student's name). Nothing waits for a job.
 */
@Service
public class WarningReports {

	static final Duration URGENT_ASSESSMENT = Duration.ofHours(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SchoolCalendar calendar;

	private final Duties duties;

	private final Notifications notifications;

	private final AuditLog audit;

	private final CurrentUsers users;

	WarningReports(JdbcClient jdbc, Clock clock, SchoolCalendar calendar, Duties duties, Notifications notifications,
			AuditLog audit, CurrentUsers users) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
		this.duties = duties;
		this.notifications = notifications;
		this.audit = audit;
		this.users = users;
	}

	/**
	 * @param sourceKind what raised it: {@code OBSERVATION}, {@code CONCERN_REPORT}, {@code TALK}, {@code HOME_VISIT},
	 * {@code CONTACT}
	 * @param signs warning-sign numbers 1–15 of the daily observation form (may be empty for an escalation)
	 * @param summary a short text for the psychology teacher (shown only inside MindGrid, never in notifications)
	 */
	@Transactional
	public WarningRaised raise(long studentId, String sourceKind, Long sourceId, Collection<Integer> signs,
			Urgency urgency, String summary) {
		var user = users.current();
		Instant now = clock.instant();
		Instant due = urgency == Urgency.URGENT ? now.plus(URGENT_ASSESSMENT) : calendar.oneSchoolDayAfter(now);
		var student = jdbc.sql("select school_id, class_id from student where id = :id")
			.param("id", studentId)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long schoolId = student[0];
		long id = jdbc.sql("""
				insert into warning_report (student_id, school_id, source_kind, source_id, signs, urgency, summary,
				                            due_at, raised_by, raised_at)
				values (:student, :school, :sourceKind, :sourceId, :signs, :urgency, :summary, :due, :by, :at)
				returning id""")
			.param("student", studentId)
			.param("school", schoolId)
			.param("sourceKind", sourceKind)
			.param("sourceId", sourceId)
			.param("signs", signs.stream().sorted().mapToInt(Integer::intValue).toArray())
			.param("urgency", urgency.name())
			.param("summary", summary)
			.param("due", Timestamp.from(due))
			.param("by", user.id())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();

		List<Long> psychTeachers = usersWithRole(schoolId, null, "PSYCH_TEACHER");
		for (long teacher : psychTeachers) {
			duties.open(new DutyRequest(DutyKind.ASSESSMENT, schoolId, studentId, student[1], teacher, due,
					"WARNING_REPORT", id, null));
		}
		List<Long> recipients = new ArrayList<>(psychTeachers);
		recipients.addAll(usersWithRole(schoolId, null, "SCHOOL_LEADER"));
		recipients.addAll(usersWithRole(schoolId, student[1], "HEAD_TEACHER"));
		recipients.remove(user.id());
		String title = urgency == Urgency.URGENT ? "【紧急】新的预警报告，需在 2 小时内完成一对一评估"
				: "新的预警报告，需在 1 个上学日内完成一对一评估";
		notifications.notify(recipients, "WARNING_REPORT", title, "/warnings/" + id);
		audit.record("WARNING_REPORT_RAISED", "warning-report/" + id, studentId, urgency.name() + " from " + sourceKind);
		return new WarningRaised(id, studentId, urgency, due);
	}

	private List<Long> usersWithRole(long schoolId, Long classId, String role) {
		return jdbc.sql("""
				select distinct p.user_id from post p join app_user u on u.id = p.user_id
				 where p.role = :role and p.school_id = :school and u.enabled
				   and (cast(:class as bigint) is null or p.class_id = :class)""")
			.param("role", role)
			.param("school", schoolId)
			.param("class", classId)
			.query(Long.class)
			.list();
	}
}
