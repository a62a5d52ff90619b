package org.mindgrid.duty;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The duty module's API for other modules: open duties and mark them done. */
@Service
public class Duties {

	private final JdbcClient jdbc;

	private final Clock clock;

	Duties(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Opens the duty unless the same one is already open. Returns its id (new or existing). */
	@Transactional
	public long open(DutyRequest r) {
		return jdbc.sql("""
				insert into duty (kind, school_id, student_id, class_id, assignee_user_id, due_at, source_kind,
				                  source_id, semester_id, created_at)
				values (:kind, :school, :student, :class, :assignee, :due, :sourceKind, :sourceId, :semester, :now)
				on conflict (kind, coalesce(student_id, 0), coalesce(class_id, 0), assignee_user_id,
				             coalesce(source_kind, ''), coalesce(source_id, 0), coalesce(semester_id, 0))
				   where status = 'OPEN'
				do update set due_at = least(duty.due_at, excluded.due_at)
				returning id""")
			.param("kind", r.kind().name())
			.param("school", r.schoolId())
			.param("student", r.studentId())
			.param("class", r.classId())
			.param("assignee", r.assigneeUserId())
			.param("due", Timestamp.from(r.dueAt()))
			.param("sourceKind", r.sourceKind())
			.param("sourceId", r.sourceId())
			.param("semester", r.semesterId())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	/**
	 * Marks open duties of this kind for this student done: those assigned to {@code userId}, or, for duties any
	 * of several people may fulfil (a trigger visit by any of the student's mentors, an assessment by any
	 * psychology teacher), all of them. Returns how many were closed.
	 */
	@Transactional
	public int completeForStudent(DutyKind kind, long studentId, long userId, boolean anyAssignee, String note) {
		return jdbc.sql("""
				update duty set status = 'DONE', done_at = :now, done_by = :user, done_note = :note
				 where kind = :kind and student_id = :student and status = 'OPEN'
				   and (:any or assignee_user_id = :user)""")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", userId)
			.param("note", note)
			.param("kind", kind.name())
			.param("student", studentId)
			.param("any", anyAssignee)
			.update();
	}

	/** Closes the duties a source opened (e.g. when a warning report is resolved). */
	@Transactional
	public int completeForSource(String sourceKind, long sourceId, long userId, String note) {
		return jdbc.sql("""
				update duty set status = 'DONE', done_at = :now, done_by = :user, done_note = :note
				 where source_kind = :sourceKind and source_id = :sourceId and status = 'OPEN'""")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", userId)
			.param("note", note)
			.param("sourceKind", sourceKind)
			.param("sourceId", sourceId)
			.update();
	}

	/**
	 * Marks the mentor's open SEMESTER_HOME_VISIT duty done (a home visit by that mentor, to any of their
	 * students). Returns how many were closed.
	 */
	@Transactional
	public int completeMentorVisit(long mentorUserId, long userId) {
		return jdbc.sql("""
				update duty set status = 'DONE', done_at = :now, done_by = :user, done_note = 'home visit'
				 where kind = 'SEMESTER_HOME_VISIT' and assignee_user_id = :mentor and status = 'OPEN'""")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", userId)
			.param("mentor", mentorUserId)
			.update();
	}
}
