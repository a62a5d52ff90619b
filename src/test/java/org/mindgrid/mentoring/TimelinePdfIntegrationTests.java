package org.mindgrid.mentoring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline exported as a PDF ledger with the CJK font inside: the student's Chinese name is in the text. */
@IntegrationTest
class TimelinePdfIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void timelinePdfCarriesTheStudentsChineseName() throws Exception {
		Api api = new Api(port);
		long mentor1 = jdbc.sql("select id from app_user where username = 'mentor1'").query(Long.class).single();
		long student = jdbc.sql("""
				select student_id from student_access where user_id = :user and level = 2
				 order by student_id desc limit 1""").param("user", mentor1).query(Long.class).single();
		String name = jdbc.sql("select name from student where id = :id").param("id", student)
			.query(String.class).single();
		var talk = api.post("mentor1", "/api/v1/talks", Map.of("studentId", student, "date",
				LocalDate.now(clock).toString(), "place", "教室", "topics", "期中考试后的心情", "state", "平稳"));
		assertThat(talk.status()).as(talk.body()).isEqualTo(201);

		HttpResponse<byte[]> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/students/" + student + "/timeline.pdf"))
				.header("Authorization", "Bearer " + api.token("mentor1"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TIMELINE_EXPORT' and student_id = :s")
			.param("s", student).query(Long.class).single()).isPositive();

		var staff = api.get("staff1", "/api/v1/students/" + student + "/timeline.pdf");
		assertThat(staff.status()).isEqualTo(403);

		String text = pdfToText(r.body());
		Assumptions.assumeTrue(text != null, "pdftotext (poppler-utils) is not installed: text of the PDF not checked");
		assertThat(text).contains(name, "期中考试后的心情", "谈心谈话");
	}

	/** Issue 7, point 8: with {@code ?lang=en} the PDF is in English (the request's locale), user text as typed. */
	@Test
	void timelinePdfFollowsTheRequestsLanguage() throws Exception {
		Api api = new Api(port);
		long mentor1 = jdbc.sql("select id from app_user where username = 'mentor1'").query(Long.class).single();
		long student = jdbc.sql("""
				select student_id from student_access where user_id = :user and level = 2
				 order by student_id desc offset 1 limit 1""").param("user", mentor1).query(Long.class).single();
		var talk = api.post("mentor1", "/api/v1/talks", Map.of("studentId", student, "date",
				LocalDate.now(clock).toString(), "place", "教室", "topics", "周末的安排", "state", "平稳"));
		assertThat(talk.status()).as(talk.body()).isEqualTo(201);
		HttpResponse<byte[]> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/students/" + student + "/timeline.pdf?lang=en"))
				.header("Authorization", "Bearer " + api.token("mentor1"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		String text = pdfToText(r.body());
		Assumptions.assumeTrue(text != null, "pdftotext (poppler-utils) is not installed: text of the PDF not checked");
		assertThat(text).contains("Talk", "周末的安排", "Student timeline");
		assertThat(text).doesNotContain("谈心谈话", "时间范围", "记录人", "：", "学号");
	}

	/** Issue 7, point 8: the timeline page's entries, dates and class label are in English with {@code ?lang=en}. */
	@Test
	void timelinePageFollowsTheRequestsLanguage() {
		Api api = new Api(port);
		long mentor1 = jdbc.sql("select id from app_user where username = 'mentor1'").query(Long.class).single();
		long student = jdbc.sql("""
				select student_id from student_access where user_id = :user and level = 2
				 order by student_id desc offset 2 limit 1""").param("user", mentor1).query(Long.class).single();
		var talk = api.post("mentor1", "/api/v1/talks", Map.of("studentId", student, "date",
				LocalDate.now(clock).toString(), "place", "教室", "topics", "同桌关系", "state", "平稳"));
		assertThat(talk.status()).as(talk.body()).isEqualTo(201);
		var pages = org.mindgrid.support.PageClient.login(port, "mentor1");
		String en = pages.get("/students/" + student + "/timeline?lang=en").body();
		assertThat(en).contains("Talk", "同桌关系", "Grade ");
		assertThat(en).doesNotContain("谈心谈话", "年级（", "〔");
		String zh = pages.get("/students/" + student + "/timeline?lang=zh_CN").body();
		assertThat(zh).contains("谈心谈话", "同桌关系", "年级（");
	}

	private static String pdfToText(byte[] pdf) throws Exception {
		Path file = Files.createTempFile("timeline", ".pdf");
		try {
			Files.write(file, pdf);
			Process p;
			try {
				p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true)
					.start();
			}
			catch (java.io.IOException e) {
				return null;
			}
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor(30, TimeUnit.SECONDS);
			return out;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
