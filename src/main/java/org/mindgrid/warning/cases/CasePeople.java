package org.mindgrid.warning.cases;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who holds a post for a case's student: the psychology teachers of the school, the head teacher, the mentors. */
@Component
class CasePeople {

	private final JdbcClient jdbc;

	CasePeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Student(long id, long schoolId, long classId) {
	}

	Student student(long studentId) {
		return jdbc.sql("select id, school_id, class_id from student where id = :id")
			.param("id", studentId)
			.query((rs, i) -> new Student(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	List<Long> psychTeachers(Student s) {
		return withRole(s.schoolId(), null, "PSYCH_TEACHER");
	}

	List<Long> headTeachers(Student s) {
		return withRole(s.schoolId(), s.classId(), "HEAD_TEACHER");
	}

	List<Long> mentors(Student s) {
		return jdbc.sql("""
				select distinct ma.mentor_user_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where ma.student_id = :s and ma.class_id = :c and u.enabled order by 1""")
			.param("s", s.id())
			.param("c", s.classId())
			.query(Long.class)
			.list();
	}

	private List<Long> withRole(long schoolId, Long classId, String role) {
		return jdbc.sql("""
				select distinct p.user_id from post p join app_user u on u.id = p.user_id
				 where p.role = :role and p.school_id = :school and u.enabled
				   and (cast(:class as bigint) is null or p.class_id = :class) order by 1""")
			.param("role", role)
			.param("school", schoolId)
			.param("class", classId)
			.query(Long.class)
			.list();
	}
}
