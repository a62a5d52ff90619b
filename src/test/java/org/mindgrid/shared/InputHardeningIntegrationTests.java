package org.mindgrid.shared;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each attack an outside review sent against a running jar (issue 6, point 5 and 6), sent again: every one must
 * be a 400/413/415 problem (or a form message) that names the field, never a 500.
 */
@IntegrationTest
class InputHardeningIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	/** A student of 八年级（1）班 near the end of the roster, which other tests leave alone. */
	long student;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset 43 limit 1""")
			.query(Long.class).single();
	}

	@Test
	void nulInJsonTextIsRefusedNamingTheField() {
		var r = raw("psych1", "POST", "/api/v1/observations",
				"{\"studentId\":" + student + ",\"notes\":\"a\\u0000b\"}");
		assertFieldProblem(r, 400, "notes");
		var en = raw("psych1", "POST", "/api/v1/observations?lang=en",
				"{\"studentId\":" + student + ",\"notes\":\"a\\u0000b\"}");
		assertThat(en.json().get("errors").get("notes").asString()).contains("not allowed");
		// Unauthenticated: the token endpoint reads the body too.
		assertFieldProblem(raw(null, "POST", "/api/v1/auth/token", "{\"username\":\"psych1\\u0000\",\"password\":\"x\"}"),
				400, "username");
		assertThat(rowsFor("observation")).isZero();
	}

	@Test
	void loneSurrogateInJsonTextIsRefusedNamingTheField() {
		assertFieldProblem(raw("psych1", "POST", "/api/v1/observations",
				"{\"studentId\":" + student + ",\"otherClues\":\"x\\ud800y\"}"), 400, "otherClues");
		// In a map key of a home visit (stored as jsonb, which refuses both): NUL is named at the map; a lone
		// surrogate in a key the JSON parser itself refuses.
		String visit = "{\"studentId\":" + student + ",\"visitedAt\":\"" + clock.instant()
				+ "\",\"interviewee\":\"李女士\",\"relation\":\"母亲\",\"answers\":{\"a%s1\":{\"record\":\"x\"}}}";
		assertFieldProblem(raw("psych1", "POST", "/api/v1/home-visits", visit.formatted("\\u0000")), 400, "answers");
		var surrogateKey = raw("psych1", "POST", "/api/v1/home-visits", visit.formatted("\\udc00"));
		assertThat(surrogateKey.status()).isEqualTo(400);
		assertThat(surrogateKey.contentType()).startsWith("application/problem+json");
		assertFieldProblem(raw("psych1", "POST", "/api/v1/home-visits",
				visit.formatted("").replace("\"record\":\"x\"", "\"record\":\"x\\ud800\"")), 400, "answers.a1.record");
		// Untyped values (escalate accepts strings and booleans) are checked as well.
		var talk = raw("psych1", "POST", "/api/v1/talks", "{\"studentId\":" + student + ",\"date\":\""
				+ LocalDate.now(clock) + "\",\"place\":\"p\",\"topics\":\"t\",\"state\":\"s\",\"escalate\":\"\\ud800\"}");
		assertFieldProblem(talk, 400, "escalate");
		assertThat(rowsFor("observation")).isZero();
	}

	@Test
	void nulInQueryParameterIsRefusedNamingIt() {
		var r = api.get("psych1", "/api/v1/students?q=a%00b");
		assertFieldProblem(r, 400, "q");
		var page = PageClient.login(port, "psych1").get("/students?q=%00");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("q", "不允许的字符").doesNotContain("Exception");
		assertThat(PageClient.login(port, "psych1").get("/observations/students?q=%00").status()).isEqualTo(400);
	}

	@Test
	void nulInPageFormIsRefusedNamingTheField() {
		var page = PageClient.login(port, "psych1");
		page.get("/observations/new");
		var r = page.post("/observations", Map.of("studentId", String.valueOf(student), "notes", "a\u0000b"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body()).contains("notes", "不允许的字符").doesNotContain("系统错误");
		// The login form too, before any account is looked up.
		var anonymous = new PageClient(port);
		anonymous.get("/login");
		var login = anonymous.post("/login", Map.of("username", "psych1\u0000", "password", "x"));
		assertThat(login.status()).isEqualTo(400);
		assertThat(login.body()).contains("username").doesNotContain("系统错误");
		assertThat(rowsFor("observation")).isZero();
	}

	@Test
	void datesOutsidePostgresRangeAreRefusedNamingTheField() {
		for (String date : List.of("-999999999-01-01", "+5881580-01-01", "+999999999-12-31")) {
			var r = raw("psych1", "POST", "/api/v1/observations",
					"{\"studentId\":" + student + ",\"notes\":\"n\",\"observedOn\":\"" + date + "\"}");
			assertFieldProblem(r, 400, "observedOn");
		}
		assertFieldProblem(api.get("psych1", "/api/v1/students/" + student + "/timeline?from=-999999999-01-01"), 400,
				"from");
		assertFieldProblem(api.get("psych1", "/api/v1/students/" + student + "/timeline.pdf?to=%2B999999999-01-01"),
				400, "to");
		var visit = raw("psych1", "POST", "/api/v1/home-visits", "{\"studentId\":" + student
				+ ",\"visitedAt\":\"+999999999-01-01T00:00:00Z\",\"interviewee\":\"李女士\",\"relation\":\"母亲\"}");
		assertFieldProblem(visit, 400, "visitedAt");

		var page = PageClient.login(port, "psych1");
		assertThat(page.get("/students/" + student + "/timeline.pdf?from=-999999999-01-01").status()).isEqualTo(400);
		page.get("/students/" + student + "/home-visits/new");
		var form = page.post("/students/" + student + "/home-visits", Map.of("visitedAt", "+999999999-01-01T10:00",
				"interviewee", "李女士保留", "relation", "母亲"));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("1900-01-01", "李女士保留");
		assertThat(rowsFor("observation")).isZero();
		assertThat(rowsFor("home_visit")).isZero();
	}

	@Test
	void absurdDatesAreRefusedWithTheAllowedRange() {
		var r = raw("psych1", "POST", "/api/v1/observations",
				"{\"studentId\":" + student + ",\"notes\":\"n\",\"observedOn\":\"0001-01-01\"}");
		assertFieldProblem(r, 400, "observedOn");
		assertThat(r.json().get("errors").get("observedOn").asString()).contains("1900-01-01",
				LocalDate.now(clock).plusYears(5).toString());
		var trigger = raw("head1", "POST", "/api/v1/triggers",
				"{\"studentId\":" + student + ",\"kind\":\"ABSENCE\",\"occurredOn\":\"1899-12-31\"}");
		assertFieldProblem(trigger, 400, "occurredOn");

		// A page keeps what was typed and says what is wrong.
		var page = PageClient.login(port, "head1");
		page.get("/students/" + student + "/triggers/new");
		var form = page.post("/students/" + student + "/triggers",
				Map.of("kind", "ABSENCE", "occurredOn", "0001-01-01", "note", "连续三天未到校备注"));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("1900-01-01", "连续三天未到校备注");
		assertThat(rowsFor("observation")).isZero();
		assertThat(rowsFor("trigger_event")).isZero();
	}

	@Test
	void semesterDatesOutsideTheRangeAreFieldErrorsNotCrashes() {
		long school = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		var api400 = api.post("principal1", "/api/v1/schools/" + school + "/semesters",
				Map.of("name", "越界学期", "startsOn", "-999999999-01-01", "endsOn", "2027-01-01"));
		assertFieldProblem(api400, 400, "startsOn");
		var page = PageClient.login(port, "principal1");
		page.get("/admin/schools/" + school);
		var form = page.post("/admin/schools/" + school + "/semesters",
				Map.of("name", "越界学期", "startsOn", "-999999999-01-01", "endsOn", "2027-01-01"));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("1900-01-01");
		assertThat(jdbc.sql("select count(*) from semester where name = '越界学期'").query(Long.class).single()).isZero();
	}

	@Test
	void likeWildcardsInSearchesMatchLiterally() {
		for (String q : List.of("%25", "_", "%25%25", "%5C")) {
			var r = api.get("psych1", "/api/v1/students?q=" + q);
			assertThat(r.status()).as(q).isEqualTo(200);
			assertThat(r.json().get("total").asLong()).as(q).isZero();
		}
		var page = PageClient.login(port, "psych1");
		assertThat(page.get("/students?q=%25").status()).isEqualTo(200);
		var matches = page.htmx("/observations/students?q=%25");
		assertThat(matches.status()).isEqualTo(200);
		assertThat(matches.body()).doesNotContain("/observations/new?studentId=");
	}

	@Test
	void nullAmongConcernSignsIsRefusedNamingTheField() {
		var r = raw("committee1", "POST", "/api/v1/concern-reports",
				"{\"studentId\":" + student + ",\"signs\":[null],\"description\":\"上课一直趴着\"}");
		assertFieldProblem(r, 400, "signs[0]");
		var page = PageClient.login(port, "committee1");
		page.get("/concerns/new");
		var form = page.post("/concerns", List.of(Map.entry("studentId", String.valueOf(student)), Map.entry("signs", ""),
				Map.entry("signs", "1.5"), Map.entry("description", "页面描述保留")));
		assertThat(form.status()).isLessThan(500);
		assertThat(rowsFor("concern_report")).isZero();
	}

	@Test
	void fractionalSignsAreRefusedAndRaiseNothing() {
		var r = raw("committee1", "POST", "/api/v1/concern-reports",
				"{\"studentId\":" + student + ",\"signs\":[1.9],\"description\":\"上课一直趴着\"}");
		assertFieldProblem(r, 400, "signs[0]");
		assertThat(r.json().get("errors").get("signs[0]").asString()).contains("整数");
		var observation = raw("psych1", "POST", "/api/v1/observations",
				"{\"studentId\":" + student + ",\"signs\":[6.5]}");
		assertFieldProblem(observation, 400, "signs[0]");
		var id = raw("psych1", "POST", "/api/v1/observations", "{\"studentId\":" + student + ".7,\"notes\":\"n\"}");
		assertFieldProblem(id, 400, "studentId");
		assertThat(rowsFor("concern_report")).isZero();
		assertThat(rowsFor("warning_report")).isZero();
	}

	@Test
	void hugeFormIndexesAreRefusedNamingTheField() {
		var page = PageClient.login(port, "psych1");
		page.get("/students/" + student + "/archive/edit");
		var archive = page.post("/students/" + student + "/archive",
				List.of(Map.entry("version", "0"), Map.entry("familyMembers[9999].name", "x")));
		assertThat(archive.status()).isEqualTo(400);
		assertThat(archive.body()).contains("familyMembers[9999]").doesNotContain("系统错误");
		page.get("/observations/new");
		var observation = page.post("/observations", List.of(Map.entry("studentId", String.valueOf(student)),
				Map.entry("notes", "n"), Map.entry("signs[100000]", "1")));
		assertThat(observation.status()).isEqualTo(400);
		assertThat(observation.body()).contains("signs[100000]");
		page.get("/students/" + student + "/home-visits/new");
		var visit = page.post("/students/" + student + "/home-visits", List.of(Map.entry("visitedAt", "2026-01-01T10:00"),
				Map.entry("interviewee", "x"), Map.entry("relation", "y"), Map.entry("categories[65]", "A")));
		assertThat(visit.status()).isEqualTo(400);
		// An index inside the limit still works as before: the form comes back, nothing crashes.
		var within = page.post("/students/" + student + "/archive",
				List.of(Map.entry("version", "0"), Map.entry("familyMembers[3].name", "")));
		assertThat(within.status()).isLessThan(500);
	}

	@Test
	void wrongMediaTypeOnUploadSaysWhatIsExpected() {
		long school = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		var r = raw("admin", "POST", "/api/v1/schools/" + school + "/roster", "{}");
		assertThat(r.status()).isEqualTo(415);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("code").asString()).isEqualTo("problem.media-type.expected");
		assertThat(r.json().get("detail").asString()).contains("multipart/form-data").doesNotContain("系统");
		var en = raw("admin", "POST", "/api/v1/observations?lang=en", "x=1", "text/plain");
		assertThat(en.status()).isEqualTo(415);
		assertThat(en.json().get("detail").asString()).contains("application/json");
	}

	@Test
	void tooLargeUploadIsA413ProblemWithABody() {
		long school = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		var r = api.upload("admin", "/api/v1/schools/" + school + "/roster", "roster.csv", new byte[21 * 1024 * 1024]);
		assertThat(r.status()).isEqualTo(413);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("code").asString()).isEqualTo("problem.upload-too-large");
		assertThat(r.json().get("detail").asString()).contains("20 MB");
	}

	/** Found by the fuzz test: uploads Tomcat cannot parse were 500s. */
	@Test
	void malformedAndChunkedOversizedUploadsAreProblems() {
		long school = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		String path = "/api/v1/schools/" + school + "/roster";
		String nulName = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\u0000.csv\"\r\n\r\na\r\n--b--\r\n";
		var r = raw("admin", "POST", path, nulName, "multipart/form-data; boundary=b");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("code").asString()).isEqualTo("problem.bad-upload");
		var noBoundary = raw("admin", "POST", path, "x", "multipart/form-data");
		assertThat(noBoundary.status()).isEqualTo(400);
		assertThat(noBoundary.contentType()).startsWith("application/problem+json");
		// 21 MB without a Content-Length: counted by the multipart parser, still a 413 with a body.
		byte[] head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\r\n"
			.getBytes(StandardCharsets.UTF_8);
		byte[] body = java.util.Arrays.copyOf(head, head.length + 21 * 1024 * 1024);
		java.util.Arrays.fill(body, head.length, body.length, (byte) 'x');
		var chunked = api.send("admin", HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Content-Type", "multipart/form-data; boundary=b")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.contentType()).startsWith("application/problem+json");
		assertThat(chunked.json().get("detail").asString()).contains("20 MB");
	}

	@Test
	void jsonBodiesOverOneMegabyteAreRefusedBeforeParsing() {
		String huge = "{\"username\":\"" + "x".repeat(3 * 1024 * 1024) + "\",\"password\":\"y\"}";
		long start = System.nanoTime();
		var r = raw(null, "POST", "/api/v1/auth/token", huge);
		assertThat(r.status()).isEqualTo(413);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("code").asString()).isEqualTo("problem.body-too-large");
		assertThat(r.json().get("detail").asString()).contains("1 MB");
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
		// Without a Content-Length (chunked) the body is counted while it is read.
		byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
		var chunked = api.send(null, HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.json().get("code").asString()).isEqualTo("problem.body-too-large");
		// A page form without a Content-Length is bounded too (by Tomcat's form size, answered by the filter).
		byte[] form = ("username=fuzz&password=" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
		var chunkedForm = api.send(null, HttpRequest.newBuilder(URI.create(api.base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
		assertThat(chunkedForm.status()).isEqualTo(413);
		assertThat(chunkedForm.body()).contains("1 MB").doesNotContain("系统错误");
		// A normal body still gets through.
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", "nobody-" + System.nanoTime(),
				"password", "y")).status()).isEqualTo(401);
	}

	@Test
	void unknownUsernameIsAWrongLoginNotACrash() {
		var r = api.post(null, "/api/v1/auth/token", Map.of("username", "no-such-user-" + System.nanoTime(),
				"password", "whatever1"));
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.json().get("code").asString()).isEqualTo("login.bad-credentials");
		var anonymous = new PageClient(port);
		anonymous.get("/login");
		// another unknown name: the same one again within a second would be slowed down (429-like redirect)
		var login = anonymous.post("/login", Map.of("username", "no-such-user-" + System.nanoTime(), "password", "whatever1"));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).contains("/login?error");
	}

	private long rowsFor(String table) {
		return jdbc.sql("select count(*) from " + table + " where student_id = :s").param("s", student)
			.query(Long.class).single();
	}

	private Api.Response raw(String user, String method, String path, String body) {
		return raw(user, method, path, body, "application/json");
	}

	private Api.Response raw(String user, String method, String path, String body, String contentType) {
		return api.send(user, HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	static void assertFieldProblem(Api.Response r, int status, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
		JsonNode errors = r.json().get("errors");
		assertThat(errors).as(r.body()).isNotNull();
		assertThat(errors.has(field)).as(r.body()).isTrue();
		assertThat(errors.get(field).asString()).isNotBlank();
		assertThat(r.body()).doesNotContain("Exception", "at org.", "系统错误");
	}

	static Map<String, Object> map(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}
}
