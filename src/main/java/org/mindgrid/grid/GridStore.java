package org.mindgrid.grid;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mindgrid.grid.ClassGrid.GridStudent;
import org.mindgrid.identity.StudentAccounts;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grid's SQL: mentors (MENTOR posts plus anyone still assigned students), assignments and school figures. */
@Component
class GridStore {

	/** Mentors of a class: holders of a MENTOR post in it, and anyone still assigned students in it. */
	private static final String MENTORS_OF_CLASS = """
			select p.user_id from post p where p.class_id = :class and p.role = 'MENTOR'
			union
			select ma.mentor_user_id from mentor_assignment ma join student s on s.id = ma.student_id
			 where ma.class_id = :class and s.class_id = :class and s.status = 'ENROLLED'""";

	private static final String ENROLLED = " s.class_id = :class and s.status = 'ENROLLED'";

	private final JdbcClient jdbc;

	GridStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StaffMember> mentors(long classId) {
		return jdbc.sql("select u.id, u.display_name, u.username from app_user u where u.id in (" + MENTORS_OF_CLASS
				+ ") order by u.display_name collate \"zh-x-icu\", u.id")
			.param("class", classId)
			.query((rs, i) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<GridStudent> students(long classId) {
		return jdbc.sql("select s.id, s.student_no, s.name from student s where " + ENROLLED + " order by s.student_no")
			.param("class", classId)
			.query((rs, i) -> new GridStudent(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Each mentor's students of this class, in 学号 order. */
	Map<Long, List<GridStudent>> assignments(long classId) {
		Map<Long, List<GridStudent>> byMentor = new LinkedHashMap<>();
		jdbc.sql("""
				select ma.mentor_user_id, s.id, s.student_no, s.name
				  from mentor_assignment ma join student s on s.id = ma.student_id
				 where ma.class_id = :class and """ + ENROLLED + " order by ma.mentor_user_id, s.student_no")
			.param("class", classId)
			.query(rs -> {
				byMentor.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
					.add(new GridStudent(rs.getLong(2), rs.getString(3), rs.getString(4)));
			});
		return byMentor;
	}

	/** Every class of the school with its figures, in grade and class order; one query for the whole school. */
	List<SchoolGrid.ClassRow> classRows(long schoolId) {
		return jdbc.sql("""
				select c.id, %s, g.level,
				       (select count(*) from student s where s.class_id = c.id and s.status = 'ENROLLED'),
				       (select count(*) from (select p.user_id from post p where p.class_id = c.id and p.role = 'MENTOR'
				                              union
				                              select ma.mentor_user_id from mentor_assignment ma
				                                join student s on s.id = ma.student_id and s.class_id = ma.class_id
				                               where ma.class_id = c.id and s.status = 'ENROLLED') m),
				       (select count(*) from student s where s.class_id = c.id and s.status = 'ENROLLED'
				           and not exists (select 1 from mentor_assignment ma
				                            where ma.student_id = s.id and ma.class_id = s.class_id))
				  from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :school
				 order by g.level, length(c.name), c.name, c.id""".formatted(GridRules.CLASS_NAME))
			.param("school", schoolId)
			.query((rs, i) -> new SchoolGrid.ClassRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
					rs.getInt(5), rs.getInt(6), 0))
			.list();
	}

	/** Staff: enabled accounts with a staff post at the school, never a student account (ADR 0015). */
	private static final String STAFF_OF_SCHOOL = """
			u.enabled and u.student_id is null
			and exists (select 1 from post p where p.user_id = u.id and p.school_id = :school
			             and p.role <> 'PSYCH_COMMITTEE')""";

	/** Staff of the school who are not yet mentors of the class. */
	List<StaffMember> mentorCandidates(long schoolId, long classId) {
		return jdbc.sql("""
				select u.id, u.display_name, u.username from app_user u
				 where""" + " " + STAFF_OF_SCHOOL + " and u.id not in (" + MENTORS_OF_CLASS
				+ ") order by u.display_name collate \"zh-x-icu\", u.id")
			.param("school", schoolId)
			.param("class", classId)
			.query((rs, i) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	boolean isStaff(long userId, long schoolId) {
		return jdbc.sql("select exists (select 1 from app_user u where u.id = :user and " + STAFF_OF_SCHOOL + ")")
			.param("user", userId)
			.param("school", schoolId)
			.query(Boolean.class)
			.single();
	}

	boolean isStudentAccount(long userId) {
		return jdbc.sql("select exists (select 1 from app_user where id = :user and student_id is not null)")
			.param("user", userId)
			.query(Boolean.class)
			.single();
	}

	boolean isMentor(long classId, long userId) {
		return jdbc.sql("select exists (select 1 from (" + MENTORS_OF_CLASS + ") m where m.user_id = :user)")
			.param("class", classId)
			.param("user", userId)
			.query(Boolean.class)
			.single();
	}

	/** The database refuses a student account even if one was linked after the service's check (409). */
	boolean addMentorPost(long userId, long schoolId, long classId) {
		try {
			return jdbc.sql("""
					insert into post (user_id, role, school_id, class_id) values (:user, 'MENTOR', :school, :class)
					on conflict do nothing""")
				.param("user", userId)
				.param("school", schoolId)
				.param("class", classId)
				.update() > 0;
		}
		catch (DataIntegrityViolationException e) {
			throw studentAccountOr(e);
		}
	}

	private static RuntimeException studentAccountOr(DataIntegrityViolationException e) {
		return StudentAccounts.isViolation(e) ? ApiProblem.conflict("grid.student-account") : e;
	}

	void removeMentorPost(long userId, long classId) {
		jdbc.sql("delete from post where user_id = :user and class_id = :class and role = 'MENTOR'")
			.param("user", userId)
			.param("class", classId)
			.update();
	}

	/** The mentor's enrolled students in the class (rows of students who left stay as history, untouched). */
	Set<Long> studentIdsOf(long classId, long mentorUserId) {
		return new TreeSet<>(jdbc.sql("select ma.student_id from mentor_assignment ma join student s on s.id = ma.student_id"
				+ " where ma.class_id = :class and ma.mentor_user_id = :mentor and " + ENROLLED)
			.param("class", classId)
			.param("mentor", mentorUserId)
			.query(Long.class)
			.list());
	}

	/** Of the given ids, those that are enrolled students of the class. */
	Set<Long> enrolledAmong(long classId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new TreeSet<>(jdbc.sql("select s.id from student s where s.id in (:ids) and " + ENROLLED)
			.param("ids", ids)
			.param("class", classId)
			.query(Long.class)
			.list());
	}

	void assign(long classId, long mentorUserId, long studentId, long by, Instant at) {
		try {
			jdbc.sql("""
					insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_by, assigned_at)
					values (:class, :mentor, :student, :by, :at) on conflict (mentor_user_id, student_id) do nothing""")
				.param("class", classId)
				.param("mentor", mentorUserId)
				.param("student", studentId)
				.param("by", by)
				.param("at", Timestamp.from(at))
				.update();
		}
		catch (DataIntegrityViolationException e) {
			throw studentAccountOr(e);
		}
	}

	void unassign(long classId, long mentorUserId, long studentId) {
		jdbc.sql("delete from mentor_assignment where class_id = :class and mentor_user_id = :mentor and student_id = :student")
			.param("class", classId)
			.param("mentor", mentorUserId)
			.param("student", studentId)
			.update();
	}

	/** The mentor's own enrolled students, per class. */
	List<MentorStudents> studentsOfMentor(long mentorUserId) {
		Map<Long, String> classNames = new LinkedHashMap<>();
		Map<Long, List<GridStudent>> byClass = new LinkedHashMap<>();
		jdbc.sql("""
				select c.id, %s, s.id, s.student_no, s.name
				  from mentor_assignment ma join student s on s.id = ma.student_id and s.class_id = ma.class_id
				  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 where ma.mentor_user_id = :mentor and s.status = 'ENROLLED'
				 order by g.level, length(c.name), c.name, s.student_no""".formatted(GridRules.CLASS_NAME))
			.param("mentor", mentorUserId)
			.query(rs -> {
				classNames.putIfAbsent(rs.getLong(1), rs.getString(2));
				byClass.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
					.add(new GridStudent(rs.getLong(3), rs.getString(4), rs.getString(5)));
			});
		return byClass.entrySet().stream()
			.map(e -> new MentorStudents(e.getKey(), classNames.get(e.getKey()), e.getValue()))
			.toList();
	}
}
