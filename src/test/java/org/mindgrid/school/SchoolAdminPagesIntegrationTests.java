package org.mindgrid.school;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration pages over real HTTP with form login, CSRF and redirects. */
@IntegrationTest
class SchoolAdminPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long school1() {
		return jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
	}

	@Test
	void systemAdminSeesCityDistrictsAndSchools() {
		var admin = PageClient.login(port, "admin");
		var page = admin.get("/admin");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("宁波市", "海曙区", "海曙区实验学校", "九年一贯制", "mg-stack-sm");
		var blank = admin.post("/admin/districts", Map.of("name", " "));
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("请填写区县名称。", "is-invalid");
		String name = "页面测试区" + System.nanoTime() % 100000;
		var created = admin.post("/admin/districts", Map.of("name", name));
		assertThat(created.status()).isEqualTo(302);
		assertThat(admin.get("/admin").body()).contains(name, "已保存");
	}

	@Test
	void principalManagesItsSchoolWithFieldErrors() {
		var principal = PageClient.login(port, "principal1");
		var redirect = principal.get("/admin");
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.location()).endsWith("/admin/schools/" + school1());
		var page = principal.get("/admin/schools/" + school1());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("八年级（1）班", "当前学期", "九年级");
		var blankClass = principal.post("/admin/schools/" + school1() + "/classes", Map.of("gradeLevel", "3", "name", ""));
		assertThat(blankClass.body()).contains("请填写班级名称");
		var dates = principal.post("/admin/schools/" + school1() + "/semesters",
				Map.of("name", "页面学期" + System.nanoTime(), "startsOn", "2033-09-01", "endsOn", "2033-01-01"));
		assertThat(dates.status()).isEqualTo(200);
		assertThat(dates.body()).contains("结束日期必须晚于开始日期。");
		var badDate = principal.post("/admin/schools/" + school1() + "/semesters",
				Map.of("name", "x", "startsOn", "not-a-date", "endsOn", ""));
		assertThat(badDate.status()).isEqualTo(200);
		assertThat(badDate.body()).contains("请按“年-月-日”填写日期");
	}

	@Test
	void principalCreatesAStaffAccountAndSeesThePasswordOnce() {
		var principal = PageClient.login(port, "principal1");
		var staff = principal.get("/admin/schools/" + school1() + "/staff");
		assertThat(staff.status()).isEqualTo(200);
		assertThat(staff.body()).contains("mentor1", "心导师", "八年级（1）班");
		String username = "page" + System.nanoTime() % 1_000_000;
		var created = principal.post("/admin/schools/" + school1() + "/staff",
				Map.of("username", username, "displayName", "页面教师", "password", ""));
		assertThat(created.status()).isEqualTo(302);
		var member = principal.get(created.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(member.status()).isEqualTo(200);
		assertThat(member.body()).contains("页面教师", "离开此页后将不再显示");
		assertThat(principal.get(created.location().replaceFirst("^https?://[^/]+", "")).body())
			.doesNotContain("离开此页后将不再显示");
		long userId = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
		long classId = jdbc.sql("""
				select c.id from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :s and g.level = 8 order by c.id desc limit 1""").param("s", school1()).query(Long.class).single();
		var noClass = principal.post("/admin/schools/" + school1() + "/staff/" + userId + "/posts", Map.of("role", "MENTOR"));
		assertThat(noClass.body()).contains("该岗位需要选择班级。");
		var post = principal.post("/admin/schools/" + school1() + "/staff/" + userId + "/posts",
				Map.of("role", "MENTOR", "classId", Long.toString(classId)));
		assertThat(post.status()).isEqualTo(302);
		assertThat(principal.get("/admin/schools/" + school1() + "/staff/" + userId).body()).contains("心导师", "八年级");
	}

	@Test
	void teachersCannotOpenTheAdminPages() {
		var mentor = PageClient.login(port, "mentor1");
		assertThat(mentor.get("/admin").status()).isEqualTo(403);
		assertThat(mentor.get("/admin/schools/" + school1()).status()).isEqualTo(403);
		var psych2 = PageClient.login(port, "psych2");
		assertThat(psych2.get("/admin/schools/" + school1() + "/staff").status()).isEqualTo(404);
	}
}
