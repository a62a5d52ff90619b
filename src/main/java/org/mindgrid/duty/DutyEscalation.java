package org.mindgrid.duty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.db.JobLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates overdue duties: level 0 → 1 tells the head teacher of the duty's class (and reminds the assignee);
 * level 1 → 2, once the duty is overdue by another school day, tells the school leaders. Each step is an
 * {@code update ... where escalation_level = n returning}, so a duty is escalated (and notified) once however often
 * the job runs. A PostgreSQL advisory lock taken in the job's transaction makes one app instance run it at a time
 * (docs/decisions/0009-duty-engine.md).
 */
@Service
public class DutyEscalation {

	/** The job's lock ({@link JobLock}): the daily and the urgent run share it, they escalate the same duties. */
	static final String JOB = "duty-escalation";

	static final String NOTIFICATION_KIND = "DUTY_OVERDUE";

	private static final String RETURNING = " returning id, kind, school_id, student_id, class_id, assignee_user_id, due_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SchoolCalendar calendar;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final JobLock jobLock;

	DutyEscalation(JdbcClient jdbc, Clock clock, SchoolCalendar calendar, Notifications notifications,
			ApplicationEventPublisher events, JobLock jobLock) {
		this.jobLock = jobLock;
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
		this.notifications = notifications;
		this.events = events;
	}

	/** What one run did; {@code skipped} when another instance held the lock. */
	public record Result(boolean skipped, int toHeadTeacher, int toLeaders) {
	}

	/** Escalates every overdue duty (the daily job; also called by tests and the admin trigger). */
	@Transactional
	public Result runEscalation() {
		return escalate(false);
	}

	/** Escalates overdue assessments only: their deadline is hours, so the job runs every 15 minutes. */
	@Transactional
	public Result runUrgentEscalation() {
		return escalate(true);
	}

	private Result escalate(boolean urgentOnly) {
		if (!jobLock.tryTake(JOB)) {
			return new Result(true, 0, 0);
		}
		Instant now = clock.instant();
		List<DutyOverdue> first = jdbc.sql("""
				update duty set escalation_level = 1
				 where status = 'OPEN' and due_at < :now and escalation_level = 0
				   and (not :urgentOnly or kind = 'ASSESSMENT')""" + RETURNING)
			.param("now", Timestamp.from(now))
			.param("urgentOnly", urgentOnly)
			.query((rs, i) -> overdue(rs, 1))
			.list();
		for (DutyOverdue duty : first) {
			notifyLevel1(duty);
			events.publishEvent(duty);
		}

		// "Overdue by another school day" needs the school calendar: prefilter in SQL, decide in Java, then the
		// same guarded update as above.
		List<Long> late = jdbc.sql("""
				select id, due_at from duty
				 where status = 'OPEN' and escalation_level = 1 and due_at < :dayAgo
				   and (not :urgentOnly or kind = 'ASSESSMENT')""")
			.param("dayAgo", Timestamp.from(now.minus(Duration.ofDays(1))))
			.param("urgentOnly", urgentOnly)
			.query((rs, i) -> calendar.oneSchoolDayAfter(rs.getTimestamp(2).toInstant()).isBefore(now)
					? rs.getLong(1) : null)
			.list()
			.stream()
			.filter(id -> id != null)
			.toList();
		List<DutyOverdue> second = late.isEmpty() ? List.of()
				: jdbc.sql("update duty set escalation_level = 2 where id in (:ids) and escalation_level = 1"
						+ RETURNING)
					.param("ids", late)
					.query((rs, i) -> overdue(rs, 2))
					.list();
		for (DutyOverdue duty : second) {
			notifyLevel2(duty);
			events.publishEvent(duty);
		}
		return new Result(false, first.size(), second.size());
	}

	private void notifyLevel1(DutyOverdue duty) {
		List<Long> heads = new ArrayList<>(duty.classId() == null ? List.of()
				: usersWithRole("HEAD_TEACHER", "p.class_id = :place", duty.classId()));
		heads.remove(duty.assigneeUserId());
		notifications.notify(heads, notice("duty.notify.overdue.head", duty));
		notifications.notify(List.of(duty.assigneeUserId()), notice("duty.notify.overdue.assignee", duty));
	}

	private void notifyLevel2(DutyOverdue duty) {
		List<Long> leaders = usersWithRole("SCHOOL_LEADER", "p.school_id = :place", duty.schoolId());
		notifications.notify(leaders, notice("duty.notify.overdue.leader", duty));
	}

	/** The duty's kind as a code, rendered in the reader's language; never the student. */
	private static Notice notice(String key, DutyOverdue duty) {
		return Notice.of(NOTIFICATION_KIND, key, link(duty), NoticeArg.code("duty.kind." + duty.kind().name()));
	}

	private static String link(DutyOverdue duty) {
		return "/duties/" + duty.dutyId();
	}

	private List<Long> usersWithRole(String role, String placePredicate, long place) {
		return jdbc.sql("select distinct p.user_id from post p join app_user u on u.id = p.user_id"
				+ " where u.enabled and p.role = :role and " + placePredicate)
			.param("role", role)
			.param("place", place)
			.query(Long.class)
			.list();
	}

	private static DutyOverdue overdue(java.sql.ResultSet rs, int level) throws java.sql.SQLException {
		return new DutyOverdue(rs.getLong("id"), DutyKind.valueOf(rs.getString("kind")), rs.getLong("school_id"),
				(Long) rs.getObject("student_id"), (Long) rs.getObject("class_id"), rs.getLong("assignee_user_id"),
				rs.getTimestamp("due_at").toInstant(), level);
	}
}
