package org.mindgrid.grid;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a grid, decided in SQL from the posts as they are now (not as they were at login): the
 * class's head teacher and the school's psychology teachers change it; the class's mentors and the school's
 * leaders, crisis team and administrators read it. Staff of another school get 404, so that they cannot learn which
 * classes exist; bureau officers get 403 (they see aggregates, never a class's students).
 */
@Component
class GridAccess {

	/** {@code full}: may see every student's name on the class page, not only their own students. */
	record ClassAccess(boolean read, boolean write, boolean full) {
	}

	private static final String SCHOOL_READERS = "('PSYCH_TEACHER', 'SCHOOL_LEADER', 'CRISIS_TEAM', 'SCHOOL_ADMIN')";

	private final JdbcClient jdbc;

	GridAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Bureau officers and system administrators never see a grid with names in it. */
	static void requireSchoolStaff(CurrentUser user) {
		if (!user.isSchoolStaff()) {
			throw ApiProblem.forbidden(user.isStudentAccount() ? user.staffOnlyRefusal() : "grid.bureau-forbidden");
		}
	}

	/** The caller's rights on a class; 404 or 403 (see the class comment) when they may not even read it. */
	ClassAccess requireClassReader(CurrentUser user, long schoolId, long classId) {
		ClassAccess access = jdbc.sql("""
				select exists (select 1 from post p where p.user_id = :user
				               and ((p.class_id = :class and p.role = 'HEAD_TEACHER')
				                 or (p.school_id = :school and p.class_id is null and p.role = 'PSYCH_TEACHER'))),
				       exists (select 1 from post p where p.user_id = :user
				               and ((p.class_id = :class and p.role in ('HEAD_TEACHER', 'MENTOR'))
				                 or (p.school_id = :school and p.class_id is null and p.role in %1$s))),
				       exists (select 1 from post p where p.user_id = :user
				               and ((p.class_id = :class and p.role = 'HEAD_TEACHER')
				                 or (p.school_id = :school and p.class_id is null and p.role in %1$s)))
				""".formatted(SCHOOL_READERS))
			.param("user", user.id())
			.param("school", schoolId)
			.param("class", classId)
			.query((rs, i) -> new ClassAccess(rs.getBoolean(2) || rs.getBoolean(1), rs.getBoolean(1), rs.getBoolean(3)))
			.single();
		if (!access.read()) {
			throw refusal(user, schoolId, "grid.class-not-found");
		}
		return access;
	}

	/** The school's leaders, psychology teachers, crisis team and administrators read the school's grid. */
	void requireSchoolReader(CurrentUser user, long schoolId) {
		boolean read = jdbc.sql("select exists (select 1 from post p where p.user_id = :user and p.school_id = :school"
				+ " and p.class_id is null and p.role in " + SCHOOL_READERS + ")")
			.param("user", user.id())
			.param("school", schoolId)
			.query(Boolean.class)
			.single();
		if (!read) {
			throw refusal(user, schoolId, "grid.school-not-found");
		}
	}

	private ApiProblem refusal(CurrentUser user, long schoolId, String notFoundKey) {
		boolean sameSchool = jdbc.sql("select exists (select 1 from post where user_id = :user and school_id = :school)")
			.param("user", user.id())
			.param("school", schoolId)
			.query(Boolean.class)
			.single();
		return sameSchool ? ApiProblem.forbidden("grid.forbidden") : ApiProblem.notFound(notFoundKey);
	}
}
