package org.mindgrid.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A class of its own for a screening test: in the demo's school 1 at the given grade, with its own head teacher
 * (password as the demo's) and students, so that no other test's class or counts change.
 */
public final class ScreeningFixture {

	private static final AtomicInteger SEQ = new AtomicInteger();

	public record TestClass(long classId, long schoolId, String headTeacher, List<Long> students) {
	}

	private ScreeningFixture() {
	}

	public static TestClass newClass(JdbcClient jdbc, int grade, int students) {
		int n = SEQ.incrementAndGet();
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + n;
		long school = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		long gradeId = jdbc.sql("select id from grade where school_id = :s and level = :l")
			.param("s", school).param("l", grade).query(Long.class).single();
		long classId = jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, :n) returning id")
			.param("s", school).param("g", gradeId).param("n", "普" + tag + "班").query(Long.class).single();
		String head = "scrhead" + tag;
		long headId = jdbc.sql("""
				insert into app_user (username, display_name, password_hash)
				select :u, '普查班主任', password_hash from app_user where username = 'head1' returning id""")
			.param("u", head).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, 'HEAD_TEACHER', :s, :c)")
			.param("u", headId).param("s", school).param("c", classId).update();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < students; i++) {
			ids.add(jdbc.sql("""
					insert into student (school_id, class_id, student_no, name, gender, birth_date)
					values (:s, :c, :no, :name, :g, date '2012-03-04') returning id""")
				.param("s", school).param("c", classId).param("no", "P" + tag + String.format("%02d", i))
				.param("name", "普查测试" + (char) ('甲' + i % 10) + i).param("g", i % 2 == 0 ? "F" : "M")
				.query(Long.class).single());
		}
		return new TestClass(classId, school, head, ids);
	}
}
