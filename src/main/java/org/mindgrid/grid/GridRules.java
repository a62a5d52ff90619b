package org.mindgrid.grid;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the grid rules of DOMAIN.md in one SQL query for a whole school (or one class of it), never per student.
 * Mentors of a class are the holders of a MENTOR post in it plus anyone still assigned students there; a mentor's
 * load counts their enrolled students in all classes, because the limit is on the person.
 */
@Component
class GridRules {

	/** The class name as Chinese schools write it: 八年级（1）班. */
	static final String CLASS_NAME = "g.name || '（' || replace(c.name, '班', '') || '）班'";

	private static final String WARNINGS = """
			with cls as (
			    select c.id as class_id, %s as class_name, g.level, c.name as short_name
			      from school_class c join grade g on g.id = c.grade_id
			     where c.school_id = :school and (cast(:class as bigint) is null or c.id = :class)
			), mentor as (
			    select p.class_id, p.user_id from post p join cls on cls.class_id = p.class_id where p.role = 'MENTOR'
			    union
			    select ma.class_id, ma.mentor_user_id from mentor_assignment ma join cls on cls.class_id = ma.class_id
			      join student s on s.id = ma.student_id and s.class_id = ma.class_id and s.status = 'ENROLLED'
			), load as (
			    select ma.mentor_user_id, count(distinct ma.student_id) as n
			      from mentor_assignment ma
			      join student s on s.id = ma.student_id and s.class_id = ma.class_id and s.status = 'ENROLLED'
			     where ma.mentor_user_id in (select user_id from mentor)
			     group by ma.mentor_user_id
			), warning as (
			    select cls.class_id, cls.class_name, cls.level, cls.short_name, 1 as rank, 'FEWER_THAN_3_MENTORS' as code,
			           cast(null as bigint) as mentor_id, cast(null as text) as mentor_name,
			           cast(null as bigint) as student_id, cast(null as text) as student_name,
			           cast(null as text) as student_no, count(m.user_id) as n
			      from cls left join mentor m on m.class_id = cls.class_id
			     where cls.level >= :fromGrade
			     group by cls.class_id, cls.class_name, cls.level, cls.short_name
			    having count(m.user_id) < :minMentors
			    union all
			    select cls.class_id, cls.class_name, cls.level, cls.short_name, 2, 'MENTOR_OVER_15',
			           u.id, u.display_name, null, null, null, l.n
			      from cls join mentor m on m.class_id = cls.class_id join load l on l.mentor_user_id = m.user_id
			      join app_user u on u.id = m.user_id
			     where l.n > :maxStudents
			    union all
			    select cls.class_id, cls.class_name, cls.level, cls.short_name, 3, 'STUDENT_WITHOUT_MENTOR',
			           null, null, s.id, s.name, s.student_no, 0
			      from cls join student s on s.class_id = cls.class_id and s.status = 'ENROLLED'
			     where not exists (select 1 from mentor_assignment ma where ma.student_id = s.id and ma.class_id = s.class_id)
			)
			select class_id, class_name, code, mentor_id, mentor_name, student_id, student_name, student_no, n
			  from warning
			 order by level, length(short_name), short_name, class_id, rank, mentor_name, student_no""".formatted(CLASS_NAME);

	/** A broken rule as the query finds it; {@code count} is the mentor count or the mentor's load. */
	record Finding(long classId, String className, WarningCode code, Long mentorUserId, String mentorName,
			Long studentId, String studentName, String studentNo, long count) {
	}

	private final JdbcClient jdbc;

	private final GridProperties properties;

	private final MessageSource messages;

	GridRules(JdbcClient jdbc, GridProperties properties, MessageSource messages) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.messages = messages;
	}

	/** Broken rules of a school, or of one class of it when {@code classId} is set, in class order. */
	List<GridWarning> warnings(long schoolId, Long classId, Locale locale) {
		return find(schoolId, classId).stream().map(f -> describe(f, properties, messages, locale)).toList();
	}

	List<Finding> find(long schoolId, Long classId) {
		return jdbc.sql(WARNINGS)
			.param("school", schoolId)
			.param("class", classId)
			.param("fromGrade", properties.minMentorsFromGrade())
			.param("minMentors", properties.minMentorsPerClass())
			.param("maxStudents", properties.maxStudentsPerMentor())
			.query((rs, i) -> new Finding(rs.getLong(1), rs.getString(2), WarningCode.valueOf(rs.getString(3)),
					(Long) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8),
					rs.getLong(9)))
			.list();
	}

	/** The warning with its message in {@code locale}, naming the student or mentor and the threshold. */
	static GridWarning describe(Finding f, GridProperties properties, MessageSource messages, Locale locale) {
		Object[] args = switch (f.code()) {
			case STUDENT_WITHOUT_MENTOR -> new Object[] { f.studentName(), f.studentNo() };
			case MENTOR_OVER_15 -> new Object[] { f.mentorName(), f.count(), properties.maxStudentsPerMentor() };
			case FEWER_THAN_3_MENTORS -> new Object[] { f.count(), properties.minMentorsFromGrade(),
					properties.minMentorsPerClass() };
		};
		String message = messages.getMessage("grid.warning." + f.code().name(), args, locale);
		return new GridWarning(f.classId(), f.className(), f.code(),
				message, f.code() == WarningCode.MENTOR_OVER_15 ? f.mentorUserId() : null,
				f.code() == WarningCode.STUDENT_WITHOUT_MENTOR ? f.studentId() : null);
	}
}
