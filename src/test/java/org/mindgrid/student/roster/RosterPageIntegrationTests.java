package org.mindgrid.student.roster;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster page in a browser session: form login, CSRF, htmx upload answering the result fragment. */
@IntegrationTest
class RosterPageIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\"[^>]*name=\"_csrf\"|name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final class Browser {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String csrf;

		Browser login(String username) throws Exception {
			var page = get("/login");
			csrf = csrf(page.body());
			String form = "username=" + username + "&password=" + URLEncoder.encode(Api.PASSWORD, StandardCharsets.UTF_8)
					+ "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			var r = http.send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return this;
		}

		HttpResponse<String> get(String path) throws Exception {
			var r = http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = CSRF.matcher(r.body());
			if (m.find()) {
				csrf = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
			}
			return r;
		}

		HttpResponse<String> upload(long schoolId, String filename, byte[] content) throws Exception {
			String boundary = "----roster" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
					+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"schoolId\"\r\n\r\n" + schoolId
					+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(uri("/roster"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("HX-Request", "true")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("csrf token in page").isTrue();
		return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
	}

	@Test
	void schoolAdminSeesTheirSchoolAndGetsErrorsAsAFragment() throws Exception {
		Browser browser = new Browser().login("principal1");
		var page = browser.get("/roster");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("名册导入", "下载模板", "htmx-indicator", "/js/roster.js");
		long school1 = jdbc.sql("select p.school_id from post p join app_user u on u.id = p.user_id where u.username = 'principal1' and p.role = 'SCHOOL_ADMIN'")
			.query(Long.class).single();
		var result = browser.upload(school1, "bad.csv",
				RosterFixtures.csv(StandardCharsets.UTF_8, RosterFixtures.HEADER, "P1,张三,未知,2012-05-03,8,1,,,,,"));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("未导入任何数据", "性别", "无法识别").doesNotContain("<nav");
		// Issue 7, point 8: the error names the row's 学号 and 姓名, not just its number.
		assertThat(result.body()).contains("学号 · 姓名", "P1 张三");

		var template = browser.http.send(HttpRequest.newBuilder(uri("/roster/template.xlsx")).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		assertThat(RosterFiles.read("t.xlsx", template.body()).lines().get(0).cells()).startsWith("学号", "姓名");
	}

	@Test
	void systemAdminChoosesASchoolAndImports() throws Exception {
		long school = jdbc.sql("insert into school (district_id, name, stage) values ((select min(id) from district), :n, 'JUNIOR') returning id")
			.param("n", "名册页面测试学校" + System.nanoTime())
			.query(Long.class)
			.single();
		Browser browser = new Browser().login("admin");
		var page = browser.get("/roster?schoolId=" + school);
		assertThat(page.body()).contains("<select", "名册页面测试学校");
		var result = browser.upload(school, "ok.csv", RosterFixtures.csv(StandardCharsets.UTF_8, RosterFixtures.HEADER,
				"P1,张三,男,2012-05-03,8,1,,,,,"));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("导入完成", "新增 1 人");
		var notCsv = browser.upload(school, "x.csv", RosterTemplate.xlsx());
		assertThat(notCsv.body()).contains("alert-danger", "不是文本");
	}

	@Test
	void otherStaffAreRefused() throws Exception {
		assertThat(new Browser().login("mentor1").get("/roster").statusCode()).isEqualTo(403);
	}
}
