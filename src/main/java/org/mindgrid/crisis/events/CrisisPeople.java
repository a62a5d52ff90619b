package org.mindgrid.crisis.events;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who is told about an event: enabled holders of posts at its school, class or district. */
@Component
class CrisisPeople {

	private final JdbcClient jdbc;

	CrisisPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holders of any of {@code roles} at the school (and, for head teachers, in the class). */
	List<Long> atSchool(long schoolId, Long classId, String... roles) {
		return jdbc.sql("""
				select distinct p.user_id from post p join app_user u on u.id = p.user_id and u.enabled
				 where p.school_id = :school and p.role = any(cast(:roles as text[]))
				   and (p.role <> 'HEAD_TEACHER' or p.class_id = :class)""")
			.param("school", schoolId)
			.param("class", classId == null ? -1L : classId)
			.param("roles", roles)
			.query(Long.class)
			.list();
	}

	/** The team that runs an event: leaders, psychology teachers, crisis team, and the student's head teacher. */
	List<Long> team(EventRef e) {
		return atSchool(e.schoolId(), e.classId(), "SCHOOL_LEADER", "PSYCH_TEACHER", "CRISIS_TEAM", "HEAD_TEACHER");
	}

	List<Long> leaders(EventRef e) {
		return atSchool(e.schoolId(), null, "SCHOOL_LEADER");
	}

	List<Long> districtOfficers(EventRef e) {
		return jdbc.sql("""
				select distinct p.user_id from post p join app_user u on u.id = p.user_id and u.enabled
				 where p.role = 'DISTRICT_OFFICER' and p.district_id = :d""")
			.param("d", e.districtId())
			.query(Long.class)
			.list();
	}

	/** Whether the user is school staff of the event's school (leaders, teachers, administrators). */
	boolean staffOf(long userId, long schoolId) {
		return jdbc.sql("""
				select exists (select 1 from post p join app_user u on u.id = p.user_id and u.enabled
				                where p.user_id = :u and p.school_id = :s
				                  and p.role in ('SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM',
				                                 'HEAD_TEACHER', 'MENTOR', 'SUBJECT_TEACHER'))""")
			.param("u", userId).param("s", schoolId).query(Boolean.class).single();
	}
}
