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
	 * psychology teacher), all of them. Returns how many were closed. A logged talk should close the student's
	 * {@link DutyKind#SEMESTER_TALK} with {@code anyAssignee = true}: any mentor's talk counts for the student.
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

	/**
	 * A mentor's home visit fulfils their semester home-visit duty (每位心导师每学期至少家访一次) in the current
	 * semester of the visited student's school. The mentoring module calls this when a home visit is logged,
	 * next to {@code completeForStudent(TRIGGER_HOME_VISIT, ...)}. Returns how many duties were closed (0 or 1).
	 */
	@Transactional
	public int completeMentorVisit(long mentorUserId, long studentId, String note) {
		return jdbc.sql("""
				update duty set status = 'DONE', done_at = :now, done_by = :mentor, done_note = :note
				 where kind = 'SEMESTER_HOME_VISIT' and assignee_user_id = :mentor and status = 'OPEN'
				   and semester_id in (select sem.id from semester sem join student s on s.school_id = sem.school_id
				                        where s.id = :student and sem.current)""")
			.param("now", Timestamp.from(clock.instant()))
			.param("mentor", mentorUserId)
			.param("note", note)
			.param("student", studentId)
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

	/** Closes the open duties of one kind that a source opened (a session recorded closes that week's session). */
	@Transactional
	public int completeForSource(DutyKind kind, String sourceKind, long sourceId, long userId, String note) {
		return jdbc.sql("""
				update duty set status = 'DONE', done_at = :now, done_by = :user, done_note = :note
				 where kind = :kind and source_kind = :sourceKind and source_id = :sourceId and status = 'OPEN'""")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", userId)
			.param("note", note)
			.param("kind", kind.name())
			.param("sourceKind", sourceKind)
			.param("sourceId", sourceId)
			.update();
	}

	/** Cancels a source's open duties of the given kinds (none given: all), e.g. sessions when a case goes on leave. */
	@Transactional
	public int cancelForSource(String sourceKind, long sourceId, long userId, String note, DutyKind... kinds) {
		String[] names = java.util.Arrays.stream(kinds).map(Enum::name).toArray(String[]::new);
		return jdbc.sql("""
				update duty set status = 'CANCELLED', done_at = :now, done_by = :user, done_note = :note
				 where source_kind = :sourceKind and source_id = :sourceId and status = 'OPEN'
				   and (cardinality(cast(:kinds as text[])) = 0 or kind = any(cast(:kinds as text[])))""")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", userId)
			.param("note", note)
			.param("sourceKind", sourceKind)
			.param("sourceId", sourceId)
			.param("kinds", names)
			.update();
	}
}
