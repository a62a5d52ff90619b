package org.mindgrid.mentoring;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's pages with a session, as a phone would use them: forms keep what was typed when a save fails. */
@IntegrationTest
class LedgerPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	String base;

	long student;

	@BeforeEach
	void setUp() {
		base = new Api(port).base();
		student = jdbc.sql("""
				select sa.student_id from student_access sa join app_user u on u.id = sa.user_id
				 where u.username = 'mentor2' and sa.level = 2 order by sa.student_id limit 1""")
			.query(Long.class).single();
	}

	@Test
	void talkFormKeepsWhatWasTypedAndSavesToTheTimeline() throws Exception {
		HttpClient browser = login("mentor2");
		String form = base + "/students/" + student + "/talks/new";
		HttpResponse<String> page = get(browser, form);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("谈心谈话记录", "上报心理老师", "mentoring.js");
		String csrf = csrf(page.body());

		HttpResponse<String> invalid = post(browser, base + "/students/" + student + "/talks", List.of("_csrf", csrf,
				"date", LocalDate.now(clock).toString(), "place", "操场边的长椅", "topics", "", "state", "有些疲惫",
				"escalate", ""));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("未能保存", "请填写此项", "操场边的长椅", "有些疲惫");

		HttpResponse<String> future = post(browser, base + "/students/" + student + "/talks", List.of("_csrf", csrf,
				"date", LocalDate.now(clock).plusDays(1).toString(), "place", "操场边的长椅", "topics", "运动会", "state", "有些疲惫", "escalate", ""));
		assertThat(future.statusCode()).isEqualTo(200);
		assertThat(future.body()).contains("不能晚于今天", "运动会");

		HttpResponse<String> saved = post(browser, base + "/students/" + student + "/talks", List.of("_csrf", csrf,
				"date", LocalDate.now(clock).toString(), "place", "操场边的长椅", "topics", "运动会报名的犹豫",
				"state", "有些疲惫", "escalate", ""));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/students/" + student + "/timeline");
		HttpResponse<String> timeline = get(browser, base + "/students/" + student + "/timeline");
		assertThat(timeline.statusCode()).isEqualTo(200);
		assertThat(timeline.body()).contains("已保存", "运动会报名的犹豫", "导出 PDF", "谈心谈话");

		HttpResponse<byte[]> pdf = browser.send(HttpRequest.newBuilder(URI.create(base + "/students/" + student
				+ "/timeline.pdf?kind=TALK")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
	}

	@Test
	void homeVisitFollowsTheOutlineAndShowsOnItsRecordPage() throws Exception {
		HttpClient browser = login("mentor2");
		HttpResponse<String> page = get(browser, base + "/students/" + student + "/home-visits/new");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("第二部分", "睡眠无故减少或增加", "把重要的东西收拾起来或送给别人", "亲子关系不良的学生");
		String csrf = csrf(page.body());
		String at = LocalDateTime.now(clock).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
		HttpResponse<String> saved = post(browser, base + "/students/" + student + "/home-visits", List.of("_csrf",
				csrf, "visitedAt", at, "interviewee", "赵女士", "relation", "母亲", "durationMinutes", "40",
				"answers[a3].record", "寒假作业压力较大", "answers[a3].judgment", "PRESSURE_4",
				"answers[b2].record", "容易发脾气", "answers[b2].judgment", "S10", "answers[b2].judgment", "S11",
				"answers[c2].note", "希望更自信", "categories", "GRADUATING", "escalate", "HIGH"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		long id = jdbc.sql("select max(id) from home_visit where student_id = :s").param("s", student)
			.query(Long.class).single();
		HttpResponse<String> record = get(browser, base + "/students/" + student + "/home-visits/" + id);
		assertThat(record.statusCode()).isEqualTo(200);
		assertThat(record.body()).contains("赵女士", "寒假作业压力较大", "比较大", "易怒", "易冲动", "希望更自信",
				"初高中毕业班学生", "已上报心理老师");
	}

	@Test
	void pagesRefuseCallersWhoMayNotReadTheArchive() throws Exception {
		assertThat(get(login("staff1"), base + "/students/" + student + "/timeline").statusCode()).isEqualTo(403);
		assertThat(get(login("psych2"), base + "/students/" + student + "/talks/new").statusCode()).isEqualTo(404);
	}

	private HttpClient login(String user) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String csrf = csrf(get(browser, base + "/login").body());
		HttpResponse<String> r = post(browser, base + "/login",
				List.of("username", user, "password", Api.PASSWORD, "_csrf", csrf));
		assertThat(r.statusCode()).isEqualTo(302);
		return browser;
	}

	private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(HttpClient browser, String url, List<String> pairs) throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.size(); i += 2) {
			body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
				.append('=').append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
		}
		return browser.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("csrf field").isTrue();
		return m.group(1);
	}
}
