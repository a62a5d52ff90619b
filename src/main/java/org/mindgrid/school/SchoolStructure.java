package org.mindgrid.school;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The school module's API: look up schools and classes, and create a missing class on roster import. */
@Service
public class SchoolStructure {

	private static final String CLASS_SELECT = """
			select c.id, c.school_id, c.grade_id, g.level, g.name, c.name
			  from school_class c join grade g on g.id = c.grade_id""";

	private final JdbcClient jdbc;

	SchoolStructure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SchoolInfo> school(long schoolId) {
		return jdbc.sql("""
				select s.id, s.district_id, d.name, s.name, s.stage
				  from school s join district d on d.id = s.district_id where s.id = :id""")
			.param("id", schoolId)
			.query((rs, i) -> new SchoolInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					Stage.valueOf(rs.getString(5))))
			.optional();
	}

	public Optional<ClassInfo> findClass(long classId) {
		return jdbc.sql(CLASS_SELECT + " where c.id = :id").param("id", classId).query(this::mapClass).optional();
	}

	public List<ClassInfo> classesOf(long schoolId) {
		return jdbc.sql(CLASS_SELECT + " where c.school_id = :school order by g.level, length(c.name), c.name")
			.param("school", schoolId)
			.query(this::mapClass)
			.list();
	}

	public Optional<ClassInfo> findClass(long schoolId, int gradeLevel, String className) {
		return jdbc.sql(CLASS_SELECT + " where c.school_id = :school and g.level = :level and c.name = :name")
			.param("school", schoolId)
			.param("level", gradeLevel)
			.param("name", className)
			.query(this::mapClass)
			.optional();
	}

	/** Finds or creates the grade and class (roster import creates missing classes). */
	@Transactional
	public ClassInfo ensureClass(long schoolId, int gradeLevel, String className) {
		jdbc.sql("""
				insert into grade (school_id, level, name) values (:school, :level, :name)
				on conflict (school_id, level) do nothing""")
			.param("school", schoolId)
			.param("level", gradeLevel)
			.param("name", GradeNames.nameOf(gradeLevel))
			.update();
		jdbc.sql("""
				insert into school_class (school_id, grade_id, name)
				select :school, g.id, :name from grade g where g.school_id = :school and g.level = :level
				on conflict (grade_id, name) do nothing""")
			.param("school", schoolId)
			.param("level", gradeLevel)
			.param("name", className)
			.update();
		return findClass(schoolId, gradeLevel, className).orElseThrow();
	}

	private ClassInfo mapClass(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new ClassInfo(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6));
	}
}
