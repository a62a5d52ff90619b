package org.mindgrid.grid;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid pages in a real session (form login, CSRF), as a phone browser would use them. */
@IntegrationTest
class GridPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void psychologyTeacherSeesTheSchoolGridWithItsWarnings() {
		Browser browser = Browser.login(port, "psych1");
		HttpResponse<String> page = browser.get("/grid");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("心网格", "七年级（2）班", "八年级（1）班", "还没有心导师", "mg-warning");
	}

	@Test
	void headTeacherLandsOnTheClassPageWithItsMentors() {
		Browser browser = Browser.login(port, "head1");
		HttpResponse<String> landing = browser.get("/grid");
		assertThat(landing.statusCode()).isEqualTo(302);
		String location = landing.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/grid/classes/");
		HttpResponse<String> page = browser.get(URI.create(location).getPath());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("八年级（1）班", "李思远", "张雅琪", "王建华", "15/15", "分配学生", "添加心导师")
			.doesNotContain("本班还没有心导师");
		assertThat(browser.get(URI.create(location).getPath() + "?lang=en").body()).contains("Assign students");
	}

	@Test
	void theMakeMentorListOffersStaffOnlyNeverAStudentAccount() {
		Browser browser = Browser.login(port, "head1");
		long classId = jdbc.sql("""
				select p.class_id from post p join app_user u on u.id = p.user_id
				 where u.username = 'head1' and p.role = 'HEAD_TEACHER'""").query(Long.class).single();
		String body = browser.get("/grid/classes/" + classId).body();
		Matcher select = Pattern.compile("<select[^>]*id=\"add-mentor-user\"[^>]*>(.*?)</select>", Pattern.DOTALL)
			.matcher(body);
		assertThat(select.find()).as("the make-mentor list is on the page").isTrue();
		var offered = Pattern.compile("value=\"(\\d+)\"").matcher(select.group(1)).results()
			.map(m -> Long.parseLong(m.group(1))).toList();
		assertThat(offered).isNotEmpty();
		assertThat(select.group(1)).contains("(staff1)").doesNotContain("(committee1)");
		long students = jdbc.sql("select count(*) from app_user where student_id is not null and id in (:ids)")
			.param("ids", offered).query(Long.class).single();
		assertThat(students).isZero();
	}

	@Test
	void mentorSeesTheirOwnStudentsAndAReadOnlyClassPage() {
		Browser browser = Browser.login(port, "mentor1");
		HttpResponse<String> mine = browser.get("/grid?lang=zh_CN");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("我的学生", "八年级（1）班");
		assertThat(Pattern.compile("href=\"/students/\\d+\"").matcher(mine.body()).results().count()).isEqualTo(15);
		String classPath = Pattern.compile("href=\"(/grid/classes/\\d+)\"").matcher(mine.body()).results()
			.findFirst().orElseThrow().group(1);
		HttpResponse<String> classPage = browser.get(classPath);
		assertThat(classPage.statusCode()).isEqualTo(200);
		assertThat(classPage.body()).contains("李思远", "本班心导师").doesNotContain("分配学生", "添加心导师");
		assertThat(browser.post(classPath + "/mentors", Map.of("userId", "1"), false).statusCode()).isEqualTo(403);
	}

	@Test
	void emptyClassInvitesToAssignAndHtmxRefreshesTheGrid() {
		long school = jdbc.sql("select min(p.school_id) from post p join app_user u on u.id = p.user_id"
				+ " where u.username = 'psych1'").query(Long.class).single();
		String tag = "p" + System.nanoTime() % 1_000_000_000L;
		long grade = jdbc.sql("select id from grade where school_id = :s and level = 6").param("s", school)
			.query(Long.class).single();
		long classId = jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, :n) returning id")
			.param("s", school).param("g", grade).param("n", tag + "班").query(Long.class).single();
		long student = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:s, :c, :no, '页面测试生', 'M', date '2014-05-01') returning id""")
			.param("s", school).param("c", classId).param("no", tag).query(Long.class).single();
		// a teacher of its own, so that no demo account gains a student even if the test fails half-way
		long teacher = jdbc.sql("""
				insert into app_user (username, display_name, password_hash)
				select :u, '页面测试教师', password_hash from app_user where username = 'head1' returning id""")
			.param("u", tag + "t").query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, 'SUBJECT_TEACHER', :s, :c)")
			.param("u", teacher).param("s", school).param("c", classId).update();

		Browser browser = Browser.login(port, "psych1");
		String path = "/grid/classes/" + classId;
		assertThat(browser.get(path).body()).contains("本班还没有心导师，点击分配", "页面测试生");

		HttpResponse<String> added = browser.post(path + "/mentors", Map.of("userId", String.valueOf(teacher)), true);
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).startsWith("<div id=\"grid-body\"").contains("页面测试教师", "0/15");

		HttpResponse<String> none = browser.post(path + "/assign", Map.of("mentorUserId", String.valueOf(teacher)), true);
		assertThat(none.body()).contains("请至少勾选一名学生");

		HttpResponse<String> assigned = browser.post(path + "/assign",
				Map.of("mentorUserId", String.valueOf(teacher), "studentIds", String.valueOf(student)), true);
		assertThat(assigned.body()).contains("1/15").doesNotContain("未分配心导师的学生");

		HttpResponse<String> blocked = browser.post(path + "/mentors/" + teacher + "/remove", Map.of(), true);
		assertThat(blocked.body()).contains("请先把学生移出");

		HttpResponse<String> plain = browser.post(path + "/mentors/" + teacher + "/students/" + student + "/remove",
				Map.of(), false);
		assertThat(plain.statusCode()).isEqualTo(302);
		HttpResponse<String> removed = browser.post(path + "/mentors/" + teacher + "/remove", Map.of(), true);
		assertThat(removed.body()).contains("本班还没有心导师，点击分配");
	}

	@Test
	void bureauGetsTheErrorPage() {
		Browser browser = Browser.login(port, "city");
		assertThat(browser.get("/grid/classes/1").statusCode()).isEqualTo(403);
		assertThat(browser.get("/grid").statusCode()).isEqualTo(403);
	}

	/** A cookie-keeping client that logs in through the login form and sends the CSRF token with every post. */
	record Browser(HttpClient http, String base) {

		private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

		static Browser login(int port, String username) {
			Browser b = new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build(), "http://localhost:" + port);
			String csrf = find(CSRF_INPUT, b.get("/login").body());
			HttpResponse<String> r = b.send(HttpRequest.newBuilder(URI.create(b.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(
						form(Map.of("username", username, "password", Api.PASSWORD, "_csrf", csrf)))));
			assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return b;
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
		}

		HttpResponse<String> post(String path, Map<String, String> fields, boolean htmx) {
			String csrf = find(CSRF_META, get("/grid").body());
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", csrf);
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(all)));
			if (htmx) {
				builder.header("HX-Request", "true");
			}
			return send(builder);
		}

		HttpResponse<String> send(HttpRequest.Builder builder) {
			try {
				return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		static String form(Map<String, String> fields) {
			return fields.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		}

		static String find(Pattern pattern, String html) {
			Matcher m = pattern.matcher(html);
			assertThat(m.find()).as("CSRF token in page").isTrue();
			return m.group(1);
		}
	}
}
