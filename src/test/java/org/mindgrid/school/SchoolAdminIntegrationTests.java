package org.mindgrid.school;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** School structure and staff administration over real HTTP, with the demo accounts. */
@IntegrationTest
class SchoolAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	long school(String user) {
		var r = api.get(user, "/api/v1/schools");
		assertThat(r.status()).isEqualTo(200);
		return r.json().get(0).get("id").asLong();
	}

	long otherSchool(long school) {
		var all = api.get("admin", "/api/v1/schools").json();
		for (JsonNode s : all) {
			if (s.get("id").asLong() != school && s.get("name").asString().equals("江北区育才初级中学")) {
				return s.get("id").asLong();
			}
		}
		throw new IllegalStateException("school 2 not found");
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	@Test
	void adminCreatesDistrictAndSchool() {
		String district = unique("测试区");
		var d = api.post("admin", "/api/v1/districts", Map.of("name", district));
		assertThat(d.status()).as(d.body()).isEqualTo(201);
		long districtId = d.json().get("id").asLong();
		String name = unique("测试学校");
		var s = api.post("admin", "/api/v1/schools", Map.of("districtId", districtId, "name", name, "stage", "PRIMARY"));
		assertThat(s.status()).as(s.body()).isEqualTo(201);
		assertThat(s.json().get("stage").asString()).isEqualTo("PRIMARY");
		assertThat(api.get("admin", "/api/v1/schools").body()).contains(name);
		var again = api.post("admin", "/api/v1/schools", Map.of("districtId", districtId, "name", name, "stage", "PRIMARY"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("errors").get("name").asString()).contains("已存在");
		// a school admin creates neither districts nor schools
		assertThat(api.post("principal1", "/api/v1/districts", Map.of("name", unique("区"))).status()).isEqualTo(403);
		assertThat(api.post("principal1", "/api/v1/schools", Map.of("districtId", districtId, "name", unique("校"),
				"stage", "JUNIOR")).status()).isEqualTo(403);
	}

	@Test
	void schoolListFollowsScope() {
		long school1 = school("principal1");
		assertThat(api.get("principal1", "/api/v1/schools").json().size()).isEqualTo(1);
		assertThat(api.get("psych1", "/api/v1/schools").json().get(0).get("id").asLong()).isEqualTo(school1);
		long school2 = otherSchool(school1);
		String district = api.get("district", "/api/v1/schools").body();
		assertThat(district).contains("海曙区实验学校").doesNotContain("江北区育才初级中学");
		assertThat(api.get("city", "/api/v1/schools").body()).contains("海曙区实验学校", "江北区育才初级中学");
		assertThat(api.get("district", "/api/v1/schools/" + school2 + "/classes").status()).isEqualTo(404);
		assertThat(api.get("city", "/api/v1/schools/" + school2 + "/classes").status()).isEqualTo(200);
	}

	@Test
	void principalCreatesClassWithStudentCounts() {
		long school1 = school("principal1");
		String name = unique("T");
		var created = api.post("principal1", "/api/v1/schools/" + school1 + "/classes", Map.of("gradeLevel", 2, "name", name));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("gradeName").asString()).isEqualTo("二年级");
		var classes = api.get("principal1", "/api/v1/schools/" + school1 + "/classes").json();
		boolean found = false;
		int enrolled = 0;
		for (JsonNode c : classes) {
			found |= c.get("name").asString().equals(name);
			enrolled += c.get("studentCount").asInt();
		}
		assertThat(found).isTrue();
		assertThat(enrolled).isGreaterThan(0);
		var duplicate = api.post("principal1", "/api/v1/schools/" + school1 + "/classes", Map.of("gradeLevel", 2, "name", name));
		assertThat(duplicate.status()).isEqualTo(400);
		// school 2 is a junior high: grade 2 is outside its stage (checked as admin, who may manage it)
		long school2 = otherSchool(school1);
		var outside = api.post("admin", "/api/v1/schools/" + school2 + "/classes", Map.of("gradeLevel", 2, "name", name));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.json().get("errors").get("gradeLevel").asString()).contains("学段");
	}

	@Test
	void settingACurrentSemesterUnsetsThePreviousOne() {
		long school1 = school("principal1");
		long previous = currentSemester(school1);
		String name = unique("测试学期");
		var created = api.post("principal1", "/api/v1/schools/" + school1 + "/semesters",
				Map.of("name", name, "startsOn", "2031-02-17", "endsOn", "2031-07-04", "current", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(currentSemester(school1)).isEqualTo(id);
		int currents = 0;
		for (JsonNode s : api.get("principal1", "/api/v1/schools/" + school1 + "/semesters").json()) {
			currents += s.get("current").asBoolean() ? 1 : 0;
		}
		assertThat(currents).isEqualTo(1);
		// put the demo's current semester back for other tests
		var restore = api.post("principal1", "/api/v1/schools/" + school1 + "/semesters/" + previous + "/current", Map.of());
		assertThat(restore.status()).isEqualTo(204);
		assertThat(currentSemester(school1)).isEqualTo(previous);
	}

	long currentSemester(long school) {
		for (JsonNode s : api.get("principal1", "/api/v1/schools/" + school + "/semesters").json()) {
			if (s.get("current").asBoolean()) {
				return s.get("id").asLong();
			}
		}
		return -1;
	}

	@Test
	void badInputGivesFieldErrorsInChinese() {
		long school1 = school("principal1");
		var blank = api.post("principal1", "/api/v1/schools/" + school1 + "/classes", Map.of("gradeLevel", 3, "name", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.contentType()).startsWith("application/problem+json");
		assertThat(blank.json().get("errors").get("name").asString()).isEqualTo("请填写班级名称，例如“1班”。");
		var dates = api.post("principal1", "/api/v1/schools/" + school1 + "/semesters",
				Map.of("name", unique("学期"), "startsOn", "2031-09-01", "endsOn", "2031-08-01"));
		assertThat(dates.status()).isEqualTo(400);
		assertThat(dates.contentType()).startsWith("application/problem+json");
		assertThat(dates.json().get("errors").get("endsOn").asString()).isEqualTo("结束日期必须晚于开始日期。");
		var missing = api.post("principal1", "/api/v1/schools/" + school1 + "/semesters", Map.of("name", ""));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").properties().stream().map(Map.Entry::getKey).toList())
			.contains("name", "startsOn", "endsOn");
		var badUser = api.post("principal1", "/api/v1/schools/" + school1 + "/staff", Map.of("username", "a b", "displayName", "某"));
		assertThat(badUser.status()).isEqualTo(400);
		assertThat(badUser.json().get("errors").get("username").asString()).contains("用户名");
		var weak = api.post("principal1", "/api/v1/schools/" + school1 + "/staff",
				Map.of("username", unique("weak"), "displayName", "某", "password", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").get("password").asString()).contains("10");
	}

	@Test
	void principalCreatesStaffAndGivesAMentorPost() {
		long school1 = school("principal1");
		String username = unique("t");
		var created = api.post("principal1", "/api/v1/schools/" + school1 + "/staff",
				Map.of("username", username, "displayName", "测试教师"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long userId = created.json().get("id").asLong();
		String initial = created.json().get("initialPassword").asString();
		assertThat(initial).hasSize(12);
		// demo mode: no forced change (outside demo the flag is set, see UserManagementTests)
		assertThat(created.json().get("mustChangePassword").asBoolean()).isFalse();
		assertThat(jdbc.sql("select must_change_password from app_user where id = :id").param("id", userId)
			.query(Boolean.class).single()).isFalse();
		String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", userId).query(String.class).single();
		assertThat(hash).doesNotContain(initial).startsWith("{");
		// the new account can log in with the shown password
		var token = api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", initial));
		assertThat(token.status()).isEqualTo(200);

		long classId = classOf(school1, 8);
		var post = api.post("principal1", "/api/v1/staff/" + userId + "/posts", Map.of("role", "MENTOR", "classId", classId));
		assertThat(post.status()).as(post.body()).isEqualTo(201);
		long postId = post.json().get("id").asLong();
		assertThat(post.json().get("className").asString()).startsWith("八年级");
		assertThat(api.post("principal1", "/api/v1/staff/" + userId + "/posts", Map.of("role", "MENTOR", "classId", classId))
			.status()).isEqualTo(409);
		var psych = api.post("principal1", "/api/v1/staff/" + userId + "/posts", Map.of("role", "PSYCH_TEACHER", "partTime", true));
		assertThat(psych.status()).as(psych.body()).isEqualTo(201);
		assertThat(psych.json().get("partTime").asBoolean()).isTrue();

		String staff = api.get("principal1", "/api/v1/schools/" + school1 + "/staff").body();
		assertThat(staff).contains(username, "MENTOR", "PSYCH_TEACHER");
		assertThat(auditCount("STAFF_POST_ADD", userId)).isEqualTo(2);

		assertThat(api.delete("principal1", "/api/v1/posts/" + postId).status()).isEqualTo(204);
		assertThat(api.delete("principal1", "/api/v1/posts/" + postId).status()).isEqualTo(404);
		assertThat(auditCount("STAFF_POST_REMOVE", userId)).isEqualTo(1);
	}

	@Test
	void principalStaysInsideItsSchool() {
		long school1 = school("principal1");
		long school2 = otherSchool(school1);
		assertThat(api.get("principal1", "/api/v1/schools/" + school2 + "/staff").status()).isEqualTo(404);
		assertThat(api.get("principal1", "/api/v1/schools/" + school2 + "/classes").status()).isEqualTo(404);
		assertThat(api.post("principal1", "/api/v1/schools/" + school2 + "/classes", Map.of("gradeLevel", 7, "name", "99班"))
			.status()).isEqualTo(404);
		assertThat(api.post("principal1", "/api/v1/schools/" + school2 + "/staff",
				Map.of("username", unique("x"), "displayName", "某")).status()).isEqualTo(404);
		long psych2 = userId("psych2");
		assertThat(api.post("principal1", "/api/v1/staff/" + psych2 + "/posts", Map.of("role", "CRISIS_TEAM"))
			.status()).isEqualTo(404);
		assertThat(api.post("principal1", "/api/v1/staff/" + psych2 + "/posts",
				Map.of("role", "MENTOR", "classId", classOf(school2, 8))).status()).isEqualTo(404);
		long psych2Post = jdbc.sql("select min(id) from post where user_id = :u").param("u", psych2).query(Long.class).single();
		assertThat(api.delete("principal1", "/api/v1/posts/" + psych2Post).status()).isEqualTo(404);
		// never a system or bureau post, not even for its own staff
		long mentor1 = userId("mentor1");
		assertThat(api.post("principal1", "/api/v1/staff/" + mentor1 + "/posts", Map.of("role", "SYSTEM_ADMIN"))
			.status()).isEqualTo(403);
		assertThat(api.post("principal1", "/api/v1/staff/" + mentor1 + "/posts", Map.of("role", "DISTRICT_OFFICER"))
			.status()).isEqualTo(403);
		// nor its own administrator post
		long own = jdbc.sql("select id from post where user_id = :u and role = 'SCHOOL_ADMIN'")
			.param("u", userId("principal1")).query(Long.class).single();
		assertThat(api.delete("principal1", "/api/v1/posts/" + own).status()).isEqualTo(409);
	}

	@Test
	void teachersGet403OnAdminEndpoints() {
		long school1 = school("psych1");
		long classId = classOf(school1, 8);
		for (String user : new String[] { "psych1", "mentor1" }) {
			assertThat(api.get(user, "/api/v1/schools/" + school1 + "/staff").status()).as(user).isEqualTo(403);
			assertThat(api.post(user, "/api/v1/schools/" + school1 + "/classes", Map.of("gradeLevel", 3, "name", "9班"))
				.status()).as(user).isEqualTo(403);
			assertThat(api.post(user, "/api/v1/schools/" + school1 + "/semesters",
					Map.of("name", unique("s"), "startsOn", "2032-02-01", "endsOn", "2032-07-01")).status()).as(user).isEqualTo(403);
			assertThat(api.post(user, "/api/v1/schools/" + school1 + "/staff", Map.of("username", unique("y"), "displayName", "某"))
				.status()).as(user).isEqualTo(403);
			assertThat(api.post(user, "/api/v1/staff/" + userId("mentor2") + "/posts", Map.of("role", "MENTOR", "classId", classId))
				.status()).as(user).isEqualTo(403);
			assertThat(api.delete(user, "/api/v1/posts/1").status()).as(user).isEqualTo(403);
		}
		assertThat(api.get("district", "/api/v1/schools/" + school1 + "/staff").status()).isEqualTo(403);
		// reading the structure is fine for the school's own staff
		assertThat(api.get("mentor1", "/api/v1/schools/" + school1 + "/classes").status()).isEqualTo(200);
	}

	@Test
	void schoolAdminDisablesAndUnlocksOnlyItsOwnStaff() {
		long school1 = school("principal1");
		long school2 = otherSchool(school1);
		String username = unique("lock");
		String password = "Lehrer#2026x";
		var created = api.post("principal1", "/api/v1/schools/" + school1 + "/staff",
				Map.of("username", username, "displayName", "锁定测试", "password", password));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("initialPassword").isNull()).isTrue();
		long userId = created.json().get("id").asLong();
		String base = "/api/v1/schools/" + school1 + "/staff/" + userId;
		jdbc.sql("""
				insert into login_throttle (username, client, failures, window_started_at, next_allowed_at, locked_until)
				values (:u, 'ip:127.0.0.1', 5, now(), now() + interval '10 minutes', now() + interval '10 minutes')""")
			.param("u", username.toLowerCase()).update();
		assertThat(api.get("principal1", "/api/v1/schools/" + school1 + "/staff").body()).contains("\"locked\":true");
		assertThat(login(username, password)).isEqualTo(429);
		// another school's administrator cannot reach this account, not even with its own school in the path
		assertThat(api.post("principal2", "/api/v1/schools/" + school2 + "/staff/" + userId + "/unlock", Map.of()).status())
			.isEqualTo(404);
		assertThat(api.post("principal1", base + "/unlock", Map.of()).status()).isEqualTo(204);
		assertThat(login(username, password)).isEqualTo(200);
		assertThat(api.post("principal2", "/api/v1/schools/" + school2 + "/staff/" + userId + "/disable", Map.of()).status())
			.isEqualTo(404);
		assertThat(api.post("principal1", base + "/disable", Map.of()).status()).isEqualTo(204);
		assertThat(login(username, password)).isEqualTo(401);
		assertThat(api.post("principal1", base + "/enable", Map.of()).status()).isEqualTo(204);
		assertThat(login(username, password)).isEqualTo(200);
		// psych1 has a post at school 1 but is not its administrator
		assertThat(api.post("psych1", base + "/disable", Map.of()).status()).isEqualTo(403);
		assertThat(api.post("principal1", "/api/v1/schools/" + school1 + "/staff/" + userId("admin") + "/disable", Map.of())
			.status()).isEqualTo(404);
		assertThat(auditCount("STAFF_UNLOCK", userId)).isEqualTo(1);
	}

	int login(String username, String password) {
		return api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", password)).status();
	}

	/** The last class of the grade: the demo's 八年级（1）班 stays untouched, other tests count its mentors. */
	long classOf(long school, int level) {
		Long last = null;
		for (JsonNode c : api.get("admin", "/api/v1/schools/" + school + "/classes").json()) {
			if (c.get("gradeLevel").asInt() == level) {
				last = c.get("id").asLong();
			}
		}
		if (last != null) {
			return last;
		}
		throw new IllegalStateException("no class of grade " + level);
	}

	long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	long auditCount(String action, long userId) {
		return jdbc.sql("select count(*) from audit_event where action = :a and resource = :r")
			.param("a", action).param("r", "user/" + userId).query(Long.class).single();
	}
}
