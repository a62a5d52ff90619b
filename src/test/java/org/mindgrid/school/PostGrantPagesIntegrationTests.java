package org.mindgrid.school;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff pages of issue 6: leaders grant posts and see the post events; no page offers what is refused. */
@IntegrationTest
class PostGrantPagesIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long school1;

	final List<Long> created = new ArrayList<>();

	@BeforeEach
	void setUp() {
		school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
	}

	@Test
	void principalSeesGrantsOnTheStaffPageAndTheStudentAccountIsMarked() {
		long teacher = account("pg");
		var granted = new Api(port).post("principal1", "/api/v1/staff/" + teacher + "/posts", Map.of("role", "CRISIS_TEAM"));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		var principal = PageClient.login(port, "principal1");
		String page = principal.get("/admin/schools/" + school1 + "/staff").body();
		assertThat(page).contains("岗位授予与移除记录", "授予岗位", "心理危机评估小组", "授权页面测试", "学生账号");
		// the student account's page offers no post, and a forged form post is answered with the message
		long committee1 = userId("committee1");
		String committeePage = principal.get("/admin/schools/" + school1 + "/staff/" + committee1).body();
		assertThat(committeePage).contains("不能担任任何教职工岗位").doesNotContain("id=\"post-role\"");
		var forged = principal.post("/admin/schools/" + school1 + "/staff/" + committee1 + "/posts",
				Map.of("role", "PSYCH_TEACHER"));
		assertThat(forged.status()).isEqualTo(200);
		assertThat(forged.body()).contains("学生账号不能担任任何教职工岗位", "alert-danger");
		// their own page offers no post to themselves, and a forged one is refused
		long self = userId("principal1");
		assertThat(principal.get("/admin/schools/" + school1 + "/staff/" + self).body())
			.contains("不能授予自己").doesNotContain("id=\"post-role\"");
		assertThat(principal.post("/admin/schools/" + school1 + "/staff/" + self + "/posts", Map.of("role", "PSYCH_TEACHER"))
			.status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from post where user_id = :u and role = 'PSYCH_TEACHER'").param("u", self)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aLeaderWhoIsNotAnAdministratorGrantsPostsOnThePages() {
		long leader = account("pl");
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, 'SCHOOL_LEADER', :s)").param("u", leader)
			.param("s", school1).update();
		long teacher = account("pt");
		var page = PageClient.login(port, username(leader));
		var landing = page.get("/admin");
		assertThat(landing.status()).isEqualTo(302);
		assertThat(landing.location()).endsWith("/admin/schools/" + school1 + "/staff");
		String list = page.get("/admin/schools/" + school1 + "/staff").body();
		assertThat(list).contains("岗位授予与移除记录").doesNotContain("id=\"new-staff-title\"", "年级班级与学期");
		String member = page.get("/admin/schools/" + school1 + "/staff/" + teacher).body();
		assertThat(member).contains("id=\"post-role\"").doesNotContain("重置密码");
		var added = page.post("/admin/schools/" + school1 + "/staff/" + teacher + "/posts", Map.of("role", "PSYCH_TEACHER"));
		assertThat(added.status()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from post where user_id = :u and role = 'PSYCH_TEACHER'").param("u", teacher)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(page.get("/admin/schools/" + school1 + "/staff").body()).contains("授予岗位", "心理教师");
		// account management stays with administrators
		assertThat(page.post("/admin/schools/" + school1 + "/staff/" + teacher + "/reset-password", Map.of()).status())
			.isEqualTo(403);
		assertThat(page.get("/admin/schools/" + school1).status()).isEqualTo(403);
	}

	@Test
	void theSystemAdministratorIsOfferedOnlyTheSchoolAdministratorPost() {
		long teacher = account("ps");
		var admin = PageClient.login(port, "admin");
		String member = admin.get("/admin/schools/" + school1 + "/staff/" + teacher).body();
		assertThat(member).contains("value=\"SCHOOL_ADMIN\"").doesNotContain("value=\"PSYCH_TEACHER\"", "value=\"MENTOR\"");
		assertThat(admin.get("/admin/schools/" + school1 + "/staff").body()).doesNotContain("岗位授予与移除记录");
		assertThat(admin.post("/admin/schools/" + school1 + "/staff/" + teacher + "/posts", Map.of("role", "PSYCH_TEACHER"))
			.status()).isEqualTo(403);
	}

	/** Other tests count the school's leaders and psychology teachers: what was made here ends without posts. */
	@AfterEach
	void tearDown() {
		if (!created.isEmpty()) {
			jdbc.sql("delete from post where user_id in (:ids)").param("ids", created).update();
			jdbc.sql("update app_user set enabled = false where id in (:ids)").param("ids", created).update();
			created.clear();
		}
	}

	private long account(String prefix) {
		String username = prefix + System.nanoTime() % 1_000_000_000L + "x" + SEQ.incrementAndGet();
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash, school_id)
				select :u, '授权页面测试', password_hash, :s from app_user where username = 'head1' returning id""")
			.param("u", username).param("s", school1).query(Long.class).single();
		created.add(id);
		return id;
	}

	private long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private String username(long userId) {
		return jdbc.sql("select username from app_user where id = :u").param("u", userId).query(String.class).single();
	}
}
