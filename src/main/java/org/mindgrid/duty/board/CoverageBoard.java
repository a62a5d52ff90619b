package org.mindgrid.duty.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage of the semester duties, counted in SQL over the current semester: a talk is done when the student's
 * {@code SEMESTER_TALK} duty is DONE, a mentor's visit when their {@code SEMESTER_HOME_VISIT} duty is DONE.
 */
@Service
public class CoverageBoard {

	/** Fragments filled into the queries with {@code formatted}: %1$s talk done, %2$s visit done, %3$s class. */
	private static final String TALK_DONE = """
			exists (select 1 from duty d join semester sem on sem.id = d.semester_id and sem.current
			         where d.kind = 'SEMESTER_TALK' and d.student_id = s.id and d.status = 'DONE')""";

	private static final String VISIT_DONE = """
			exists (select 1 from duty d join semester sem on sem.id = d.semester_id and sem.current
			         where d.kind = 'SEMESTER_HOME_VISIT' and d.assignee_user_id = p.user_id
			           and d.school_id = p.school_id and d.status = 'DONE')""";

	private static final String CLASS_LABEL = "g.name || '（' || replace(c.name, '班', '') || '）班'";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	CoverageBoard(JdbcClient jdbc, CurrentUsers users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	@Transactional(readOnly = true)
	public Coverage forCurrentUser() {
		CurrentUser user = users.current();
		List<Long> schools = user.posts().stream()
			.filter(p -> p.role() == Role.PSYCH_TEACHER || p.role() == Role.SCHOOL_LEADER)
			.map(Post::schoolId).filter(Objects::nonNull).distinct().toList();
		List<Long> headClasses = user.classIds(Role.HEAD_TEACHER);
		List<Long> mentorClasses = user.classIds(Role.MENTOR);
		List<Coverage.Line> school = schools.isEmpty() ? List.of() : schoolLines(schools);
		List<Coverage.Line> classes = schools.isEmpty() && headClasses.isEmpty() ? List.of()
				: classLines(schools, headClasses);
		List<Coverage.Line> mentors = new ArrayList<>();
		if (!headClasses.isEmpty()) {
			mentors.addAll(mentorLines(headClasses, null));
		}
		List<Long> ownOnly = mentorClasses.stream().filter(c -> !headClasses.contains(c)).toList();
		if (!ownOnly.isEmpty()) {
			mentors.addAll(mentorLines(ownOnly, user.id()));
		}
		String semester = user.schoolId() == null ? null
				: jdbc.sql("select name from semester where school_id = :s and current")
					.param("s", user.schoolId())
					.query(String.class)
					.optional()
					.orElse(null);
		return new Coverage(semester, school, classes, mentors);
	}

	private List<Coverage.Line> schoolLines(List<Long> schools) {
		return jdbc.sql("""
				select sch.id, sch.name,
				       (select count(*) from student s where s.school_id = sch.id and s.status = 'ENROLLED'
				           and %1$s) as talks,
				       (select count(*) from student s where s.school_id = sch.id and s.status = 'ENROLLED') as students,
				       (select count(distinct p.user_id) from post p where p.school_id = sch.id and p.role = 'MENTOR'
				           and %2$s) as visits,
				       (select count(distinct p.user_id) from post p where p.school_id = sch.id
				           and p.role = 'MENTOR') as mentors
				  from school sch where sch.id in (:schools) order by sch.id""".formatted(TALK_DONE, VISIT_DONE))
			.param("schools", schools)
			.query(CoverageBoard::line)
			.list();
	}

	private List<Coverage.Line> classLines(List<Long> schools, List<Long> classes) {
		return jdbc.sql("""
				select c.id, %3$s,
				       (select count(*) from student s where s.class_id = c.id and s.status = 'ENROLLED'
				           and %1$s) as talks,
				       (select count(*) from student s where s.class_id = c.id and s.status = 'ENROLLED') as students,
				       (select count(distinct p.user_id) from post p where p.class_id = c.id and p.role = 'MENTOR'
				           and %2$s) as visits,
				       (select count(distinct p.user_id) from post p where p.class_id = c.id
				           and p.role = 'MENTOR') as mentors
				  from school_class c join grade g on g.id = c.grade_id
				 where c.school_id in (:schools) or c.id in (:classes)
				 order by c.school_id, g.level, c.name""".formatted(TALK_DONE, VISIT_DONE, CLASS_LABEL))
			.param("schools", schools.isEmpty() ? List.of(-1L) : schools)
			.param("classes", classes.isEmpty() ? List.of(-1L) : classes)
			.query(CoverageBoard::line)
			.list();
	}

	/** One line per mentor post in these classes ({@code onlyUser} limits it to the caller's own lines). */
	private List<Coverage.Line> mentorLines(List<Long> classes, Long onlyUser) {
		return jdbc.sql("""
				select p.user_id, u.display_name || ' · ' || %3$s,
				       (select count(*) from mentor_assignment ma join student s on s.id = ma.student_id
				         where ma.mentor_user_id = p.user_id and ma.class_id = p.class_id and s.status = 'ENROLLED'
				           and %1$s) as talks,
				       (select count(*) from mentor_assignment ma join student s on s.id = ma.student_id
				         where ma.mentor_user_id = p.user_id and ma.class_id = p.class_id
				           and s.status = 'ENROLLED') as students,
				       case when %2$s then 1 else 0 end as visits,
				       1 as mentors
				  from post p join app_user u on u.id = p.user_id
				  join school_class c on c.id = p.class_id join grade g on g.id = c.grade_id
				 where p.role = 'MENTOR' and p.class_id in (:classes)
				   and (cast(:only as bigint) is null or p.user_id = :only)
				 order by g.level, c.name, u.display_name""".formatted(TALK_DONE, VISIT_DONE, CLASS_LABEL))
			.param("classes", classes)
			.param("only", onlyUser)
			.query(CoverageBoard::line)
			.list();
	}

	private static Coverage.Line line(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Coverage.Line(rs.getLong(1), rs.getString(2), rs.getLong("talks"), rs.getLong("students"),
				rs.getLong("visits"), rs.getLong("mentors"));
	}
}
