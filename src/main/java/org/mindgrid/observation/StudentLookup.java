package org.mindgrid.observation;

import java.util.Optional;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.StudentScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds a student within the caller's scope, in SQL. */
@Component
class StudentLookup {

	private final JdbcClient jdbc;

	StudentLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ObservedStudent> find(CurrentUser user, long studentId, int level) {
		return jdbc.sql("select s.id, s.school_id, s.class_id from student s where s.id = :id and s.status = 'ENROLLED' and "
				+ StudentScope.predicate("s"))
			.param("id", studentId)
			.param("scopeUserId", user.id())
			.param("scopeLevel", level)
			.query((rs, i) -> new ObservedStudent(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.optional();
	}

	Optional<org.mindgrid.student.StudentSummary> summary(CurrentUser user, long studentId) {
		return jdbc.sql("""
				select s.id, s.student_no, s.name, s.gender, s.school_id, s.class_id,
				       g.name || '（' || replace(c.name, '班', '') || '）班'
				  from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 where s.id = :id and s.status = 'ENROLLED' and """ + StudentScope.predicate("s"))
			.param("id", studentId)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.LIST)
			.query((rs, i) -> new org.mindgrid.student.StudentSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getString(7)))
			.optional();
	}

	/** Whether the caller is a current mentor of the student (assigned in the student's present class). */
	boolean mentors(CurrentUser user, ObservedStudent student) {
		return jdbc.sql("""
				select exists (select 1 from mentor_assignment ma
				                where ma.mentor_user_id = :user and ma.student_id = :student and ma.class_id = :class)""")
			.param("user", user.id())
			.param("student", student.id())
			.param("class", student.classId())
			.query(Boolean.class)
			.single();
	}

	/** Classmates of a psych committee member (same class), for their concern report. */
	Optional<ObservedStudent> classmate(CurrentUser committee, long studentId) {
		return jdbc.sql("""
				select s.id, s.school_id, s.class_id from student s
				 where s.id = :id and s.status = 'ENROLLED' and s.class_id in
				       (select p.class_id from post p where p.user_id = :user and p.role = 'PSYCH_COMMITTEE')""")
			.param("id", studentId)
			.param("user", committee.id())
			.query((rs, i) -> new ObservedStudent(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.optional();
	}
}
