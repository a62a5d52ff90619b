package org.mindgrid.screening.answer;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mindgrid.support.Api;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class of its own in psych1's school (grade 8) with a head teacher of its own and three students, and a PHQ-9
 * campaign over it created through the API: the first student consented, the second refused, the third not yet.
 */
final class AnswerFixture {

	final long schoolId;

	final long classId;

	final String className;

	final String headTeacher;

	final long campaignId;

	final long[] students = new long[3];

	final String[] names = new String[3];

	final String[] studentNos = new String[3];

	final Map<Long, String> answerCodes = new HashMap<>();

	final Map<Long, String> parentCodes = new HashMap<>();

	String sessionCode;

	private AnswerFixture(JdbcClient jdbc, Api api, Clock clock, String tag) {
		schoolId = jdbc.sql("select min(p.school_id) from post p join app_user u on u.id = p.user_id"
				+ " where u.username = 'psych1' and p.role = 'PSYCH_TEACHER'").query(Long.class).single();
		long grade = jdbc.sql("select id from grade where school_id = :s and level = 8").param("s", schoolId)
			.query(Long.class).single();
		String classTag = tag.substring(tag.length() - 6);
		classId = jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, :n) returning id")
			.param("s", schoolId).param("g", grade).param("n", classTag + "班").query(Long.class).single();
		className = jdbc.sql("select g.name from grade g where g.id = :g").param("g", grade).query(String.class)
			.single() + "（" + classTag + "）班";
		String[] given = { "测评甲", "测评乙", "测评丙" };
		for (int i = 0; i < 3; i++) {
			names[i] = given[i] + tag.substring(tag.length() - 3);
			studentNos[i] = tag + i;
			students[i] = jdbc.sql("""
					insert into student (school_id, class_id, student_no, name, gender, birth_date)
					values (:s, :c, :no, :name, 'F', :d) returning id""")
				.param("s", schoolId).param("c", classId).param("no", studentNos[i]).param("name", names[i])
				.param("d", java.time.LocalDate.of(2012, 3, i + 1)).query(Long.class).single();
		}
		headTeacher = tag + "h";
		long head = jdbc.sql("""
				insert into app_user (username, display_name, password_hash)
				select :u, '测评班主任', password_hash from app_user where username = 'head1' returning id""")
			.param("u", headTeacher).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, 'HEAD_TEACHER', :s, :c)")
			.param("u", head).param("s", schoolId).param("c", classId).update();

		Instant now = clock.instant();
		var created = api.post("psych1", "/api/v1/screening/campaigns", Map.of("name", "秋季心理普查 " + tag,
				"scaleIds", List.of("phq9"), "classIds", List.of(classId), "opensAt", now.minus(Duration.ofHours(1))
					.toString(), "closesAt", now.plus(Duration.ofDays(14)).toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		campaignId = created.json().get("id").asLong();
		var yes = api.post(headTeacher, "/api/v1/screening/campaigns/" + campaignId + "/consents",
				Map.of("studentId", students[0], "consent", true));
		assertThat(yes.status()).as(yes.body()).isBetween(200, 204);
		var no = api.post(headTeacher, "/api/v1/screening/campaigns/" + campaignId + "/consents",
				Map.of("studentId", students[1], "consent", false));
		assertThat(no.status()).as(no.body()).isBetween(200, 204);
		jdbc.sql("select student_id, answer_code, parent_code from screening_invite where campaign_id = :c")
			.param("c", campaignId)
			.query(rs -> {
				answerCodes.put(rs.getLong(1), rs.getString(2));
				parentCodes.put(rs.getLong(1), rs.getString(3));
			});
		sessionCode = jdbc.sql("select session_code from screening_campaign_class where campaign_id = :c")
			.param("c", campaignId).query(String.class).single();
	}

	static AnswerFixture create(JdbcClient jdbc, Api api, Clock clock) {
		return new AnswerFixture(jdbc, api, clock, "sa" + System.nanoTime() % 1_000_000_000L);
	}

	String pdfPath(String kind) {
		return "/screening/campaigns/" + campaignId + "/classes/" + classId + "/" + kind + ".pdf";
	}

	/** A staff page session that fetches bytes (the PDFs). */
	static final class Staff {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();

		private final String base;

		Staff(int port, String username) throws Exception {
			base = "http://localhost:" + port;
			String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher m = CSRF.matcher(login);
			assertThat(m.find()).isTrue();
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(Api.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
			var r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		}

		HttpResponse<byte[]> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
	}

	/** The text of a PDF by pdftotext (poppler-utils), or null when it is not installed. */
	static String pdfToText(byte[] pdf) throws Exception {
		if (!Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
			return null;
		}
		Path in = Files.createTempFile("screening", ".pdf");
		Path out = Files.createTempFile("screening", ".txt");
		try {
			Files.write(in, pdf);
			Process p = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", in.toString(), out.toString())
				.redirectErrorStream(true).start();
			assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
			return Files.readString(out, StandardCharsets.UTF_8);
		}
		finally {
			Files.deleteIfExists(in);
			Files.deleteIfExists(out);
		}
	}
}
