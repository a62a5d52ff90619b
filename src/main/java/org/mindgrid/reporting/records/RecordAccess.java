package org.mindgrid.reporting.records;

import java.util.List;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may write and read the oversight records, decided in SQL over the caller's posts (ADR 0002): the database,
 * not the session's copy of the posts, says whether the caller holds the post now.
 */
@Component
class RecordAccess {

	/** School posts that keep a school's ledgers. */
	static final List<String> SCHOOL_KEEPERS = List.of("SCHOOL_ADMIN", "SCHOOL_LEADER", "PSYCH_TEACHER");

	/** School posts that read a school's ledgers. */
	static final List<String> SCHOOL_READERS = List.of("SCHOOL_ADMIN", "SCHOOL_LEADER", "PSYCH_TEACHER", "CRISIS_TEAM");

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final FieldProblems problems;

	RecordAccess(JdbcClient jdbc, CurrentUsers users, FieldProblems problems) {
		this.jdbc = jdbc;
		this.users = users;
		this.problems = problems;
	}

	CurrentUser caller() {
		return users.current();
	}

	/** Holds one of the roles at the school (or, with classRoles, in the class). */
	boolean holds(Long schoolId, List<String> schoolRoles, Long classId, List<String> classRoles) {
		return jdbc.sql("""
				select exists (select 1 from post p where p.user_id = :me
				   and ((p.school_id = :school and p.class_id is null and p.role in (:schoolRoles))
				     or (p.class_id = :class and p.role in (:classRoles))))""")
			.param("me", caller().id())
			.param("school", schoolId == null ? -1L : schoolId)
			.param("schoolRoles", schoolRoles.isEmpty() ? List.of("-") : schoolRoles)
			.param("class", classId == null ? -1L : classId)
			.param("classRoles", classRoles.isEmpty() ? List.of("-") : classRoles)
			.query(Boolean.class)
			.single();
	}

	boolean isDistrictOfficer(long districtId) {
		return jdbc.sql("""
				select exists (select 1 from post p where p.user_id = :me and p.role = 'DISTRICT_OFFICER'
				   and p.district_id = :d)""").param("me", caller().id()).param("d", districtId).query(Boolean.class).single();
	}

	/** Reads the school's ledgers: its readers, its district's and city's officers. False for an unknown school. */
	boolean readsSchool(long schoolId) {
		return jdbc.sql("""
				select exists (select 1 from post p, school s join district d on d.id = s.district_id
				 where s.id = :school and p.user_id = :me
				   and ((p.role in (:readers) and p.school_id = s.id)
				     or (p.role = 'DISTRICT_OFFICER' and p.district_id = s.district_id)
				     or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)))""")
			.param("school", schoolId).param("me", caller().id()).param("readers", SCHOOL_READERS)
			.query(Boolean.class).single();
	}

	/** Reads the class's ledgers: as the school's, and (headTeachers) the class's head teacher. False if unknown. */
	boolean readsClass(long classId, boolean headTeachers) {
		return jdbc.sql("""
				select exists (select 1 from post p, school_class c join school s on s.id = c.school_id
				       join district d on d.id = s.district_id
				 where c.id = :class and p.user_id = :me
				   and ((p.role in (:readers) and p.school_id = s.id)
				     or (p.role = 'DISTRICT_OFFICER' and p.district_id = s.district_id)
				     or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)
				     or (:heads and p.role = 'HEAD_TEACHER' and p.class_id = c.id)))""")
			.param("class", classId).param("me", caller().id()).param("readers", SCHOOL_READERS)
			.param("heads", headTeachers).query(Boolean.class).single();
	}

	/** Reads the district's ledgers: its officers and its city's. */
	boolean readsDistrict(long districtId) {
		return jdbc.sql("""
				select exists (select 1 from post p, district d where d.id = :d and p.user_id = :me
				   and ((p.role = 'DISTRICT_OFFICER' and p.district_id = d.id)
				     or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)))""")
			.param("d", districtId).param("me", caller().id()).query(Boolean.class).single();
	}

	/** Holds any post that reads some ledger of this kind at all. */
	boolean readsAny(boolean headTeachers, boolean schoolLevel) {
		List<String> roles = new java.util.ArrayList<>(List.of("DISTRICT_OFFICER", "CITY_OFFICER"));
		if (schoolLevel) {
			roles.addAll(SCHOOL_READERS);
		}
		if (headTeachers) {
			roles.add("HEAD_TEACHER");
		}
		return jdbc.sql("select exists (select 1 from post p where p.user_id = :me and p.role in (:roles))")
			.param("me", caller().id()).param("roles", roles).query(Boolean.class).single();
	}

	/**
	 * SQL predicate: the record {@code r} (with {@code r.school_id}, and {@code r.class_id} when headTeachers) is
	 * readable by the caller ({@code :me}).
	 */
	static String schoolReadable(boolean headTeachers) {
		return """
				exists (select 1 from post p, school s join district d on d.id = s.district_id
				 where s.id = r.school_id and p.user_id = :me
				   and ((p.role in ('SCHOOL_ADMIN', 'SCHOOL_LEADER', 'PSYCH_TEACHER', 'CRISIS_TEAM') and p.school_id = s.id)
				     or (p.role = 'DISTRICT_OFFICER' and p.district_id = s.district_id)
				     or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)"""
				+ (headTeachers ? "\n     or (p.role = 'HEAD_TEACHER' and p.class_id = r.class_id)" : "") + "))";
	}

	static String districtReadable() {
		return """
				exists (select 1 from post p, district d where d.id = r.district_id and p.user_id = :me
				   and ((p.role = 'DISTRICT_OFFICER' and p.district_id = d.id)
				     or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)))""";
	}

	/** A staff member of the school: a post there (not a student's). */
	boolean isStaffOf(long userId, long schoolId) {
		return jdbc.sql("""
				select exists (select 1 from post p where p.user_id = :u and p.school_id = :s
				   and p.role <> 'PSYCH_COMMITTEE')""").param("u", userId).param("s", schoolId).query(Boolean.class).single();
	}

	/** 403 in the caller's words. */
	ApiProblem forbidden() {
		return ApiProblem.forbidden("records.forbidden");
	}

	/** 400 naming the field ({@code errors.<field>}), as the project's validation problems. */
	ApiProblem field(String field, String key, Object... args) {
		return problems.field(field, key, args);
	}
}
