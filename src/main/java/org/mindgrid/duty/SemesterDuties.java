package org.mindgrid.duty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.mindgrid.shared.db.JobLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each semester's standing duties (DOMAIN.md, "each semester"): one {@link DutyKind#SEMESTER_TALK} per enrolled
 * student, assigned to the student's first mentor by assignment (the head teacher when the student has none), and
 * one {@link DutyKind#SEMESTER_HOME_VISIT} per mentor of the school; both due at the end of the semester's last
 * school day. Generating again changes nothing (see docs/decisions/0009-duty-engine.md).
 */
@Service
public class SemesterDuties {

	/** The generation job's lock ({@link JobLock}). */
	static final String JOB = "duty-semester-generation";

	private static final Logger log = LoggerFactory.getLogger(SemesterDuties.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SchoolCalendar calendar;

	private final JobLock jobLock;

	SemesterDuties(JdbcClient jdbc, Clock clock, SchoolCalendar calendar, JobLock jobLock) {
		this.jobLock = jobLock;
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** What one run did; {@code skipped} when another instance held the lock. */
	public record Result(boolean skipped, int talks, int visits, int reassigned, int cancelled) {
	}

	private record Semester(long id, LocalDate endsOn) {
	}

	/** Generates for the current semester of every school. */
	@Transactional
	public Result generate() {
		if (!jobLock.tryTake(JOB)) {
			return new Result(true, 0, 0, 0, 0);
		}
		List<Semester> semesters = jdbc.sql("select id, ends_on from semester where current")
			.query((rs, i) -> new Semester(rs.getLong(1), rs.getDate(2).toLocalDate()))
			.list();
		int talks = 0;
		int visits = 0;
		int reassigned = 0;
		int cancelled = 0;
		Timestamp now = Timestamp.from(clock.instant());
		for (Semester semester : semesters) {
			Instant due = calendar.endOfSchoolDay(calendar.lastSchoolDayOnOrBefore(semester.endsOn()));
			cancelled += cancelForLeavers(semester.id());
			reassigned += reassignTalks(semester.id());
			talks += generateTalks(semester.id(), Timestamp.from(due), now);
			visits += generateVisits(semester.id(), Timestamp.from(due), now);
		}
		if (talks + visits + reassigned + cancelled > 0) {
			log.info("Semester duties: {} talks, {} home visits opened; {} reassigned, {} cancelled", talks, visits,
					reassigned, cancelled);
		}
		return new Result(false, talks, visits, reassigned, cancelled);
	}

	/** Not exists over every status: a talk done (or a visit made) is not asked for again in the same semester. */
	private int generateTalks(long semesterId, Timestamp due, Timestamp now) {
		return jdbc.sql("""
				insert into duty (kind, school_id, student_id, class_id, assignee_user_id, due_at, source_kind,
				                  semester_id, created_at)
				select 'SEMESTER_TALK', s.school_id, s.id, s.class_id, coalesce(fm.user_id, ht.user_id), :due,
				       'SEMESTER', sem.id, :now
				  from semester sem
				  join student s on s.school_id = sem.school_id and s.status = 'ENROLLED'
				  left join lateral (
				       select ma.mentor_user_id as user_id from mentor_assignment ma
				         join app_user u on u.id = ma.mentor_user_id and u.enabled
				        where ma.student_id = s.id order by ma.assigned_at, ma.id limit 1) fm on true
				  left join lateral (
				       select p.user_id from post p join app_user u on u.id = p.user_id and u.enabled
				        where p.role = 'HEAD_TEACHER' and p.class_id = s.class_id order by p.id limit 1) ht on true
				 where sem.id = :semester
				   and coalesce(fm.user_id, ht.user_id) is not null
				   and not exists (select 1 from duty d where d.kind = 'SEMESTER_TALK' and d.student_id = s.id
				                      and d.semester_id = sem.id and d.status <> 'CANCELLED')
				on conflict do nothing""")
			.param("semester", semesterId)
			.param("due", due)
			.param("now", now)
			.update();
	}

	private int generateVisits(long semesterId, Timestamp due, Timestamp now) {
		return jdbc.sql("""
				insert into duty (kind, school_id, class_id, assignee_user_id, due_at, source_kind, semester_id,
				                  created_at)
				select 'SEMESTER_HOME_VISIT', sem.school_id, min(p.class_id), p.user_id, :due, 'SEMESTER', sem.id, :now
				  from semester sem
				  join post p on p.school_id = sem.school_id and p.role = 'MENTOR'
				  join app_user u on u.id = p.user_id and u.enabled
				 where sem.id = :semester
				   and not exists (select 1 from duty d where d.kind = 'SEMESTER_HOME_VISIT'
				                      and d.assignee_user_id = p.user_id and d.semester_id = sem.id
				                      and d.status <> 'CANCELLED')
				 group by sem.school_id, sem.id, p.user_id
				on conflict do nothing""")
			.param("semester", semesterId)
			.param("due", due)
			.param("now", now)
			.update();
	}

	/** An open talk follows the student when the grid changes: to the first mentor the student now has. */
	private int reassignTalks(long semesterId) {
		return jdbc.sql("""
				update duty d set assignee_user_id = fm.user_id, class_id = s.class_id
				  from student s, lateral (
				       select ma.mentor_user_id as user_id from mentor_assignment ma
				         join app_user u on u.id = ma.mentor_user_id and u.enabled
				        where ma.student_id = s.id order by ma.assigned_at, ma.id limit 1) fm
				 where s.id = d.student_id and d.kind = 'SEMESTER_TALK' and d.status = 'OPEN'
				   and d.semester_id = :semester
				   and not exists (select 1 from mentor_assignment ma where ma.student_id = d.student_id
				                      and ma.mentor_user_id = d.assignee_user_id)""")
			.param("semester", semesterId)
			.update();
	}

	/** Students who left owe no talk; mentors who lost their post owe no visit. */
	private int cancelForLeavers(long semesterId) {
		return jdbc.sql("""
				update duty d set status = 'CANCELLED'
				 where d.status = 'OPEN' and d.semester_id = :semester
				   and ((d.kind = 'SEMESTER_TALK'
				         and exists (select 1 from student s where s.id = d.student_id and s.status <> 'ENROLLED'))
				     or (d.kind = 'SEMESTER_HOME_VISIT'
				         and not exists (select 1 from post p where p.user_id = d.assignee_user_id
				                            and p.role = 'MENTOR' and p.school_id = d.school_id)))""")
			.param("semester", semesterId)
			.update();
	}
}
