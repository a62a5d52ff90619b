package org.mindgrid.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Access must follow the current state of the school, not the state at login or at assignment time. */
@IntegrationTest
class AccessHardeningIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	Api api;

	long school1;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
	}

	private long classOf(int grade, String name) {
		return jdbc.sql("""
				select c.id from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :s and g.level = :l and c.name = :n""")
			.param("s", school1).param("l", grade).param("n", name).query(Long.class).single();
	}

	private long newUser(String role, Long classId) {
		String username = "h" + System.nanoTime();
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '测试', :h) returning id")
			.param("u", username).param("h", encoder.encode(Api.PASSWORD)).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, :r, :s, :c)")
			.param("u", id).param("r", role).param("s", school1).param("c", classId).update();
		return id;
	}

	private String username(long id) {
		return jdbc.sql("select username from app_user where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void aStudentWhoMovesClassLeavesTheOldMentorsScope() {
		long classA = classOf(6, "1班");
		long classB = classOf(6, "2班");
		long student = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:s, :c, :no, '转班学生', 'F', date '2014-03-01') returning id""")
			.param("s", school1).param("c", classA).param("no", "M" + System.nanoTime()).query(Long.class).single();
		long mentor = newUser("MENTOR", classA);
		jdbc.sql("insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at) values (:c, :m, :s, now())")
			.param("c", classA).param("m", mentor).param("s", student).update();
		String user = username(mentor);
		assertThat(api.get(user, "/api/v1/students/" + student + "/archive").status()).isEqualTo(200);

		jdbc.sql("update student set class_id = :c where id = :s").param("c", classB).param("s", student).update();
		assertThat(api.get(user, "/api/v1/students/" + student + "/archive").status()).isEqualTo(404);
		assertThat(api.get(user, "/api/v1/students?size=200").json().get("items").toString())
			.doesNotContain("\"id\":" + student + ",");
	}

	@Test
	void aDisabledAccountOrARemovedPostEndsAccessOnTheNextRequest() {
		long teacher = newUser("PSYCH_TEACHER", null);
		String user = username(teacher);
		PageClient page = PageClient.login(port, user);
		assertThat(page.get("/students").status()).isEqualTo(200);
		assertThat(api.get(user, "/api/v1/students?size=1").status()).isEqualTo(200);

		jdbc.sql("delete from post where user_id = :u").param("u", teacher).update();
		assertThat(page.get("/students").status()).isEqualTo(403);
		assertThat(api.get(user, "/api/v1/students?size=1").status()).isEqualTo(403);

		jdbc.sql("update app_user set enabled = false where id = :u").param("u", teacher).update();
		PageClient.Page after = page.get("/students");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.location()).contains("/login");
	}

	@Test
	void badInputOnPagesIsAClientErrorNeverA500() {
		PageClient page = PageClient.login(port, "psych1");
		assertThat(page.get("/students/abc").status()).isEqualTo(400);
		assertThat(page.get("/students?page=x").status()).isEqualTo(400);
		assertThat(page.get("/duties/abc").status()).isEqualTo(400);
		long student = jdbc.sql("select id from student where school_id = :s order by id limit 1").param("s", school1)
			.query(Long.class).single();
		page.get("/observations/new?studentId=" + student);
		PageClient.Page blankSigns = page.post("/observations",
				List.of(Map.entry("studentId", Long.toString(student)), Map.entry("signs", ""), Map.entry("notes", "测试")));
		assertThat(blankSigns.status()).isLessThan(500);
		assertThat(blankSigns.body()).doesNotContain("Exception");
		var nullCategory = api.post("mentor1", "/api/v1/contacts", java.util.Collections.singletonMap("studentId", null));
		assertThat(nullCategory.status()).isEqualTo(400);
	}

	@Test
	void aPsychCommitteeMemberGetsNoWarningDetailsBack() {
		long classmate = jdbc.sql("""
				select s.id from student s join app_user u on u.username = 'committee1'
				 join post p on p.user_id = u.id and p.role = 'PSYCH_COMMITTEE'
				 where s.class_id = p.class_id and s.id <> u.student_id order by s.id desc limit 1""").query(Long.class).single();
		var r = api.post("committee1", "/api/v1/concern-reports",
				Map.of("studentId", classmate, "signs", List.of(1), "description", "他说不想活了"));
		assertThat(r.status()).isEqualTo(201);
		assertThat(r.json().has("warningReport")).isFalse();
		assertThat(r.json().get("id").asLong()).isPositive();
	}
}
