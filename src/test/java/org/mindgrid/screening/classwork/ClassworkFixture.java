package org.mindgrid.screening.classwork;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.mindgrid.support.Api;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data of its own: a class of school 1 in a grade MHRSP is given to, its students, a head teacher account, a
 * campaign created by psych1 through the API, consents through the API.
 */
final class ClassworkFixture {

	private static final AtomicInteger SEQ = new AtomicInteger();

	final JdbcClient jdbc;

	final Api api;

	final long schoolId;

	final long classId;

	final String className;

	final String head;

	final List<Long> students = new ArrayList<>();

	final List<String> studentNos = new ArrayList<>();

	final List<String> names = new ArrayList<>();

	long campaignId;

	ClassworkFixture(JdbcClient jdbc, Api api, int level, int studentCount) {
		this.jdbc = jdbc;
		this.api = api;
		this.schoolId = jdbc.sql("""
				select p.school_id from post p join app_user u on u.id = p.user_id
				 where u.username = 'psych1' and p.role = 'PSYCH_TEACHER'""").query(Long.class).single();
		int n = SEQ.incrementAndGet();
		String tag = Long.toString(System.nanoTime() % 1_000_000L) + n;
		this.classId = newClass(level, "评" + tag + "班");
		this.className = jdbc.sql("select g.name || '（' || replace(c.name, '班', '') || '）班' from school_class c "
				+ "join grade g on g.id = c.grade_id where c.id = :c").param("c", classId).query(String.class).single();
		this.head = account("cwhead" + tag, "HEAD_TEACHER", classId);
		for (int i = 0; i < studentCount; i++) {
			String no = "cw" + tag + String.format("%02d", i + 1);
			String name = "评定生" + (char) ('甲' + i);
			long id = jdbc.sql("""
					insert into student (school_id, class_id, student_no, name, gender, birth_date)
					values (:s, :c, :no, :name, 'F', date '2016-03-01') returning id""")
				.param("s", schoolId).param("c", classId).param("no", no).param("name", name)
				.query(Long.class).single();
			students.add(id);
			studentNos.add(no);
			names.add(name);
		}
	}

	long newClass(int level, String name) {
		long grade = jdbc.sql("select id from grade where school_id = :s and level = :l").param("s", schoolId)
			.param("l", level).query(Long.class).single();
		return jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, :n) returning id")
			.param("s", schoolId).param("g", grade).param("n", name).query(Long.class).single();
	}

	/** A staff account with the demo password and one post. */
	String account(String username, String role, Long classIdOfPost) {
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash, school_id)
				select :u, '普查测试', password_hash, :s from app_user where username = 'head1' returning id""")
			.param("u", username).param("s", schoolId).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, :r, :s, :c)")
			.param("u", id).param("r", role).param("s", schoolId).param("c", classIdOfPost).update();
		return username;
	}

	ClassworkFixture campaign(Clock clock, String... scaleIds) {
		var now = clock.instant();
		Api.Response r = api.post("psych1", "/api/v1/screening/campaigns", Map.of("name", "班级评定测试 " + className,
				"scaleIds", List.of(scaleIds), "classIds", List.of(classId), "opensAt",
				now.minus(Duration.ofHours(1)).toString(), "closesAt", now.plus(Duration.ofDays(14)).toString()));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		campaignId = r.json().get("id").asLong();
		return this;
	}

	void consent(int index, boolean consent) {
		Api.Response r = api.post(head, "/api/v1/screening/campaigns/" + campaignId + "/consents",
				Map.of("studentId", students.get(index), "consent", consent));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	String pagePath() {
		return "/screening/campaigns/" + campaignId + "/classes/" + classId;
	}
}
