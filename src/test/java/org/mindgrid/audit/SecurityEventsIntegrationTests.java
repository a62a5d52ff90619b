package org.mindgrid.audit;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused read of a student is a security event: who, what, when and from where, kept in the audit log even though
 * the refused request rolls back, shown to the school's leaders and psychology teachers, and a burst of refusals
 * notifies them once.
 */
@IntegrationTest
class SecurityEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.mindgrid.notification.NoticeTexts texts;

	@Autowired
	PasswordEncoder encoder;

	Api api;

	long school1;

	long school2;

	long school2Student;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		school2 = jdbc.sql("select id from school where name = '江北区育才初级中学'").query(Long.class).single();
		school2Student = jdbc.sql("select id from student where school_id = :s order by id desc limit 1")
			.param("s", school2).query(Long.class).single();
	}

	/** A new teacher of 八年级（1）班 of school 1, so that counting their refusals is not disturbed by other tests. */
	private String newTeacher() {
		String username = "probe" + System.nanoTime();
		long classId = jdbc.sql("""
				select c.id from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :s and g.level = 8 and c.name = '1班'""").param("s", school1).query(Long.class).single();
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '好奇的老师', :h) returning id")
			.param("u", username).param("h", encoder.encode(Api.PASSWORD)).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, 'SUBJECT_TEACHER', :s, :c)")
			.param("u", id).param("s", school1).param("c", classId).update();
		return username;
	}

	private long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private long refusals(String username) {
		return jdbc.sql("select count(*) from audit_event where action = 'ACCESS_REFUSED' and username = :u")
			.param("u", username).query(Long.class).single();
	}

	@Test
	void aRefusedReadOfAnotherSchoolsStudentIsRecordedWithWhoWhatWhenAndWhere() {
		String teacher = newTeacher();
		assertThat(api.get(teacher, "/api/v1/students/" + school2Student).status()).isEqualTo(404);
		var row = jdbc.sql("""
				select user_id, resource, student_id, detail, remote_addr, occurred_at from audit_event
				 where action = 'ACCESS_REFUSED' and username = :u""")
			.param("u", teacher)
			.query((rs, i) -> Map.of("user", rs.getLong(1), "resource", rs.getString(2), "student", rs.getLong(3),
					"detail", rs.getString(4), "addr", rs.getString(5), "at", rs.getTimestamp(6)))
			.single();
		assertThat(row.get("user")).isEqualTo(userId(teacher));
		assertThat(row.get("resource")).isEqualTo("/api/v1/students/" + school2Student);
		assertThat(row.get("student")).isEqualTo(school2Student);
		assertThat(row.get("detail")).isEqualTo("GET 404");
		assertThat((String) row.get("addr")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

		// A refused write rolls back, its refusal stays; so does a refused page.
		var talk = api.post(teacher, "/api/v1/talks", Map.of("studentId", school2Student, "date", "2026-11-30",
				"place", "教室", "topics", "越权写入", "state", "平稳"));
		assertThat(talk.status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from talk where topics = '越权写入'").query(Long.class).single()).isZero();
		PageClient web = PageClient.login(port, teacher);
		assertThat(web.get("/students/" + school2Student + "/timeline").status()).isEqualTo(404);
		assertThat(web.get("/students/" + school2Student + "/talks/new").status()).isEqualTo(404);
		assertThat(refusals(teacher)).isEqualTo(4);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'ACCESS_REFUSED' and username = :u
				   and resource = :r and detail = 'GET 404' and student_id = :s""")
			.param("u", teacher).param("r", "/students/" + school2Student + "/timeline").param("s", school2Student)
			.query(Long.class).single()).isEqualTo(1);

		// What is allowed leaves no security event; a refusal on something that names no student has no student.
		long ownStudent = jdbc.sql("""
				select sa.student_id from student_access sa where sa.user_id = :u order by sa.student_id limit 1""")
			.param("u", userId(teacher)).query(Long.class).single();
		assertThat(api.get(teacher, "/api/v1/students/" + ownStudent).status()).isEqualTo(200);
		assertThat(api.get(teacher, "/api/v1/students/" + ownStudent + "/archive").status()).isEqualTo(403);
		assertThat(refusals(teacher)).isEqualTo(5);
		assertThat(api.get("district", "/api/v1/students").status()).isEqualTo(403);
		assertThat(jdbc.sql("""
				select student_id is null from audit_event where action = 'ACCESS_REFUSED' and username = 'district'
				   and resource = '/api/v1/students' order by id desc limit 1""").query(Boolean.class).single()).isTrue();
	}

	@Test
	void leadersSeeTheirSchoolsRefusalsAndNobodyElseDoes() {
		String teacher = newTeacher();
		assertThat(api.get(teacher, "/api/v1/students/" + school2Student + "/archive").status()).isEqualTo(404);

		// School 1 sees it: its own teacher. School 2 sees it: its own student.
		JsonNode school1Events = api.get("principal1", "/api/v1/schools/" + school1 + "/security-events?size=200").json();
		assertThat(school1Events.get("total").asLong()).isPositive();
		assertThat(school1Events.get("page").asInt()).isZero();
		assertThat(school1Events.get("size").asInt()).isEqualTo(200);
		JsonNode event = find(school1Events, teacher);
		assertThat(event).isNotNull();
		assertThat(event.get("method").asString()).isEqualTo("GET");
		assertThat(event.get("status").asInt()).isEqualTo(404);
		assertThat(event.get("path").asString()).isEqualTo("/api/v1/students/" + school2Student + "/archive");
		assertThat(event.get("studentId").asLong()).isEqualTo(school2Student);
		assertThat(event.get("userId").asLong()).isEqualTo(userId(teacher));
		assertThat(event.has("occurredAt")).isTrue();
		assertThat(event.has("remoteAddr")).isTrue();
		assertThat(find(api.get("psych1", "/api/v1/schools/" + school1 + "/security-events?size=200").json(), teacher))
			.isNotNull();
		assertThat(find(api.get("psych2", "/api/v1/schools/" + school2 + "/security-events?size=200").json(), teacher))
			.isNotNull();

		// A refusal inside school 1 on a school 1 student is school 1's business only.
		String other = newTeacher();
		long school1Student = jdbc.sql("""
				select s.id from student s where s.school_id = :s
				   and not exists (select 1 from student_access sa join app_user u on u.id = sa.user_id
				                    where u.username = :u and sa.student_id = s.id) order by s.id limit 1""")
			.param("s", school1).param("u", other).query(Long.class).single();
		assertThat(api.get(other, "/api/v1/students/" + school1Student).status()).isEqualTo(404);
		assertThat(find(api.get("principal1", "/api/v1/schools/" + school1 + "/security-events?size=200&user="
				+ userId(other)).json(), other)).isNotNull();
		assertThat(find(api.get("psych2", "/api/v1/schools/" + school2 + "/security-events?size=200").json(), other))
			.isNull();

		assertThat(api.get("psych2", "/api/v1/schools/" + school1 + "/security-events").status()).isEqualTo(404);
		assertThat(api.get("head1", "/api/v1/schools/" + school1 + "/security-events").status()).isEqualTo(403);
		assertThat(api.get("city", "/api/v1/schools/" + school1 + "/security-events").status()).isEqualTo(403);
		assertThat(api.get("principal1", "/api/v1/schools/99999999/security-events").status()).isEqualTo(404);

		PageClient leader = PageClient.login(port, "principal1");
		PageClient.Page page = leader.get("/schools/" + school1 + "/security-events");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(teacher, "/api/v1/students/" + school2Student + "/archive", "404");
		assertThat(leader.get("/security-events").location()).endsWith("/schools/" + school1 + "/security-events");
		assertThat(leader.get("/schools/" + school1 + "/security-events?lang=en").body()).contains("Security events");
		assertThat(PageClient.login(port, "head1").get("/schools/" + school1 + "/security-events").status())
			.isEqualTo(403);
	}

	@Test
	void aBurstOfRefusalsNotifiesTheSchoolLeaderOnce() {
		String teacher = newTeacher();
		long teacherId = userId(teacher);
		long principal = userId("principal1");
		String link = "/schools/" + school1 + "/security-events?user=" + teacherId;
		for (int i = 0; i < 15; i++) {
			assertThat(api.get(teacher, "/api/v1/students/" + (school2Student - i)).status()).isEqualTo(404);
		}
		assertThat(refusals(teacher)).isEqualTo(15);
		long notices = jdbc.sql("select count(*) from notification where user_id = :u and link = :l and kind = 'ACCESS_REFUSALS'")
			.param("u", principal).param("l", link).query(Long.class).single();
		assertThat(notices).isEqualTo(1);
		String title = texts.titleOf(jdbc.sql("select id from notification where user_id = :u and link = :l")
			.param("u", principal).param("l", link).query(Long.class).single(), java.util.Locale.SIMPLIFIED_CHINESE);
		assertThat(title).contains(teacher, "11");
		String studentName = jdbc.sql("select name from student where id = :id").param("id", school2Student)
			.query(String.class).single();
		assertThat(title).doesNotContain(studentName);
		assertThat(api.get("principal1", "/api/v1/notifications?size=200").json().get("items").toString()).contains(link);
		assertThat(jdbc.sql("select count(*) from notification where user_id = :u and link = :l")
			.param("u", teacherId).param("l", link).query(Long.class).single()).isZero();

		// More refusals within the same minute do not notify again.
		for (int i = 0; i < 5; i++) {
			api.get(teacher, "/api/v1/students/" + school2Student + "/archive");
		}
		assertThat(jdbc.sql("select count(*) from notification where link = :l and user_id = :u")
			.param("l", link).param("u", principal).query(Long.class).single()).isEqualTo(1);
		// Ten refusals are not yet a burst.
		String calm = newTeacher();
		for (int i = 0; i < 10; i++) {
			api.get(calm, "/api/v1/students/" + school2Student);
		}
		assertThat(jdbc.sql("select count(*) from notification where link like :l")
			.param("l", "%user=" + userId(calm)).query(Long.class).single()).isZero();
	}

	private static JsonNode find(JsonNode page, String username) {
		for (JsonNode item : page.get("items")) {
			if (username.equals(item.get("username").asString())) {
				return item;
			}
		}
		return null;
	}
}
