package org.mindgrid.screening.reports;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 point 6: class and school reports, their access (psychology teacher, head teacher of the class only,
 * leaders aggregates only, psych2 404, district 403), quartiles and bands computed by hand, and the district
 * aggregates with cells under five suppressed. Results are inserted by SQL (the core services write the same rows).
 */
@IntegrationTest
class ScreeningReportIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	record Setup(long campaign, long headClass, long otherClass, List<Long> headStudents, List<Long> otherStudents) {
	}

	/** The head teacher of the setup's class: a class of its own, so no demo class changes (ScreeningFixture). */
	private String headUser;

	private long[] headPlace() {
		var tc = org.mindgrid.screening.ScreeningFixture.newClass(jdbc, 8, 0);
		headUser = tc.headTeacher();
		return new long[] { tc.schoolId(), tc.classId() };
	}

	private long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private long student(long school, long cls, String name) {
		int n = SEQ.incrementAndGet();
		return jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:s, :c, :no, :name, 'M', date '2012-05-06') returning id""")
			.param("s", school).param("c", cls).param("no", "R9-" + System.nanoTime() % 1_000_000_000 + "-" + n)
			.param("name", name + n).query(Long.class).single();
	}

	private long campaign(long school, String name, String opensAgo) {
		return jdbc.sql("""
				insert into screening_campaign (school_id, name, opens_at, closes_at, created_by, created_at)
				values (:s, :n, now() - cast(:ago as interval), now() - cast(:ago as interval) + interval '14 days', :u, now())
				returning id""")
			.param("s", school).param("n", name).param("ago", opensAgo).param("u", userId("psych1"))
			.query(Long.class).single();
	}

	private void addClass(long campaign, long cls) {
		jdbc.sql("insert into screening_campaign_class (campaign_id, class_id, session_code) values (:c, :k, :code)")
			.param("c", campaign).param("k", cls).param("code", UUID.randomUUID().toString()).update();
	}

	private void invite(long campaign, long school, long cls, long student, Boolean consent) {
		jdbc.sql("""
				insert into screening_invite (campaign_id, student_id, school_id, class_id, grade_level, parent_code,
				                              answer_code, consent, consent_at, consent_via)
				values (:c, :s, :school, :k, 8, :p, :a, :consent, case when :consent is null then null else now() end,
				        case when :consent is null then null else 'API' end)""")
			.param("c", campaign).param("s", student).param("school", school).param("k", cls)
			.param("p", UUID.randomUUID().toString()).param("a", UUID.randomUUID().toString())
			.param("consent", consent).update();
	}

	private static String phqBand(int total) {
		return total < 5 ? "none" : total < 10 ? "mild" : total < 15 ? "moderate" : total < 20 ? "moderately_severe" : "severe";
	}

	private void phq9(long campaign, long school, long cls, long student, int total) {
		long response = jdbc.sql("""
				insert into screening_response (campaign_id, student_id, scale_id, school_id, class_id, answers,
				                                started_at, updated_at, submitted_at)
				values (:c, :s, 'phq9', :school, :k, '{}'::jsonb, now(), now(), now()) returning id""")
			.param("c", campaign).param("s", student).param("school", school).param("k", cls)
			.query(Long.class).single();
		String band = phqBand(total);
		jdbc.sql("""
				insert into screening_result (response_id, campaign_id, student_id, school_id, class_id, scale_id, total,
				                              band, factors, factor_bands, flags, scored_at)
				values (:r, :c, :s, :school, :k, 'phq9', :t, :b, cast(:f as jsonb), cast(:fb as jsonb),
				        cast(:flags as text[]), now())""")
			.param("r", response).param("c", campaign).param("s", student).param("school", school).param("k", cls)
			.param("t", (double) total).param("b", band)
			.param("f", "{\"depression\": " + total + "}").param("fb", "{\"depression\": \"" + band + "\"}")
			.param("flags", total >= 10 ? "{CUTOFF}" : "{}").update();
	}

	/**
	 * The setup's class (its own head teacher): five invited, one refused, four answered PHQ-9 with totals 3, 8, 12, 20; another class of the
	 * school: three answered 1, 2, 15. Last year's campaign (a year ago) has two of its students at 5 and 9.
	 */
	private Setup setup() {
		long[] place = headPlace();
		long school = place[0];
		long headClass = place[1];
		long grade = jdbc.sql("select grade_id from school_class where id = :k").param("k", headClass)
			.query(Long.class).single();
		// a class with its own head teacher: every student has someone to talk to them (the semester's duties)
		long otherClass = org.mindgrid.screening.ScreeningFixture.newClass(jdbc, 8, 0).classId();
		long campaign = campaign(school, "报告测试普查" + SEQ.incrementAndGet(), "3 days");
		jdbc.sql("insert into screening_campaign_scale (campaign_id, scale_id, grade_from, grade_to, position) values (:c, 'phq9', 7, 9, 1)")
			.param("c", campaign).update();
		addClass(campaign, headClass);
		addClass(campaign, otherClass);
		List<Long> heads = new ArrayList<>();
		int[] totals = { 3, 8, 12, 20 };
		for (int t : totals) {
			long s = student(school, headClass, "报告学生");
			heads.add(s);
			invite(campaign, school, headClass, s, true);
			phq9(campaign, school, headClass, s, t);
		}
		invite(campaign, school, headClass, student(school, headClass, "拒绝学生"), false);
		List<Long> others = new ArrayList<>();
		for (int t : new int[] { 1, 2, 15 }) {
			long s = student(school, otherClass, "他班学生");
			others.add(s);
			invite(campaign, school, otherClass, s, true);
			phq9(campaign, school, otherClass, s, t);
		}
		long last = campaign(school, "去年报告测试" + SEQ.incrementAndGet(), "1 year 3 days");
		jdbc.sql("insert into screening_campaign_scale (campaign_id, scale_id, grade_from, grade_to, position) values (:c, 'phq9', 7, 9, 1)")
			.param("c", last).update();
		addClass(last, headClass);
		invite(last, school, headClass, heads.get(0), true);
		phq9(last, school, headClass, heads.get(0), 5);
		invite(last, school, headClass, heads.get(1), true);
		phq9(last, school, headClass, heads.get(1), 9);
		return new Setup(campaign, headClass, otherClass, heads, others);
	}

	private static JsonNode factor(JsonNode group, String id) {
		for (JsonNode f : group.get("factors")) {
			if (f.get("factorId").asString().equals(id)) {
				return f;
			}
		}
		throw new AssertionError("no factor " + id + " in " + group);
	}

	@Test
	void classReportHasQuartilesAndBandsComputedByHandAgainstTheSchoolAndLastYear() {
		Setup s = setup();
		var r = api.get("psych1", "/api/v1/screening/campaigns/" + s.campaign() + "/report?classId=" + s.headClass());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode json = r.json();
		JsonNode completion = json.get("completion");
		assertThat(completion.get("invited").asLong()).isEqualTo(5);
		assertThat(completion.get("consented").asLong()).isEqualTo(4);
		assertThat(completion.get("refused").asLong()).isEqualTo(1);
		assertThat(completion.get("completed").asLong()).isEqualTo(4);
		assertThat(completion.get("percentOfConsented").asDouble()).isEqualTo(100.0);
		assertThat(completion.get("percentOfInvited").asDouble()).isEqualTo(80.0);
		assertThat(json.get("scales")).hasSize(1);
		JsonNode phq = json.get("scales").get(0);
		assertThat(phq.get("scaleId").asString()).isEqualTo("phq9");
		// 3 8 12 20: Q1 h=0.75 → 3+0.75·5 = 6.75; median h=1.5 → 8+0.5·4 = 10; Q3 h=2.25 → 12+0.25·8 = 14
		JsonNode dep = factor(phq.get("group"), "depression");
		assertThat(dep.get("n").asInt()).isEqualTo(4);
		assertThat(dep.get("min").asDouble()).isEqualTo(3);
		assertThat(dep.get("q1").asDouble()).isEqualTo(6.75);
		assertThat(dep.get("median").asDouble()).isEqualTo(10);
		assertThat(dep.get("q3").asDouble()).isEqualTo(14);
		assertThat(dep.get("max").asDouble()).isEqualTo(20);
		assertThat(dep.get("mean").asDouble()).isEqualTo(10.75);
		JsonNode bands = dep.get("bands");
		assertThat(bands.get("none").asLong()).isEqualTo(1);
		assertThat(bands.get("mild").asLong()).isEqualTo(1);
		assertThat(bands.get("moderate").asLong()).isEqualTo(1);
		assertThat(bands.get("moderately_severe").asLong()).isEqualTo(0);
		assertThat(bands.get("severe").asLong()).isEqualTo(1);
		// the school: 1 2 3 8 12 15 20 → median 8, Q1 h=1.5 → 2.5, Q3 h=4.5 → 13.5
		assertThat(phq.get("referenceKind").asString()).isEqualTo("SCHOOL");
		JsonNode school = factor(phq.get("reference"), "depression");
		assertThat(school.get("n").asInt()).isEqualTo(7);
		assertThat(school.get("q1").asDouble()).isEqualTo(2.5);
		assertThat(school.get("median").asDouble()).isEqualTo(8);
		assertThat(school.get("q3").asDouble()).isEqualTo(13.5);
		// the same students a year earlier: 5 and 9
		JsonNode last = factor(phq.get("lastYear"), "depression");
		assertThat(last.get("n").asInt()).isEqualTo(2);
		assertThat(last.get("median").asDouble()).isEqualTo(7);
		assertThat(last.get("bands").get("mild").asLong()).isEqualTo(2);
		assertThat(json.get("lastYear").get("name").asString()).startsWith("去年报告测试");
		assertThat(r.body()).doesNotContain("报告学生");

		// the page: charts as inline SVG, no script of its own, the individual results with names, audited per student
		PageClient psych = PageClient.login(port, "psych1");
		var page = psych.get("/screening/campaigns/" + s.campaign() + "/report?classId=" + s.headClass());
		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("<svg", "class=\"mg-chart\"", "id=\"individuals\"", "报告学生", "id=\"no-norms\"",
				"data-student-id=\"" + s.headStudents().get(3) + "\"", "达到界值")
			.doesNotContain("他班学生", "??", "CUTOFF");
		String withoutLayoutScripts = body.replaceAll("<script[^>]*src=\"[^\"]+\"[^>]*></script>", "");
		assertThat(withoutLayoutScripts).doesNotContain("<script");
		long audited = jdbc.sql("""
				select count(*) from audit_event where action = 'SCREENING_RESULT_READ' and student_id = :s""")
			.param("s", s.headStudents().get(0)).query(Long.class).single();
		assertThat(audited).isGreaterThanOrEqualTo(1);
		var trail = psych.get("/students/" + s.headStudents().get(0) + "/audit");
		assertThat(trail.body()).contains("在普查报告中查看个人结果", "普查报告中的个人结果").doesNotContain("??");

		// the school report lists every class with a link to its report, compared with the district
		var schoolPage = psych.get("/screening/campaigns/" + s.campaign() + "/report");
		assertThat(schoolPage.status()).isEqualTo(200);
		assertThat(schoolPage.body()).contains("classId=" + s.otherClass(), "全区").doesNotContain("id=\"individuals\"");

		var en = psych.get("/screening/campaigns/" + s.campaign() + "/report?classId=" + s.headClass() + "&lang=en");
		assertThat(en.body()).contains("Individual results", "No published norms", "Lower quartile");
	}

	@Test
	void xlsxHasASheetPerScaleAndIndividualsOnlyForThoseWhoMayReadThem() throws Exception {
		Setup s = setup();
		PageClient psych = PageClient.login(port, "psych1");
		psych.get("/");
		byte[] psychFile = download("psych1", "/screening/campaigns/" + s.campaign() + "/report.xlsx?classId=" + s.headClass());
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(psychFile))) {
			assertThat(wb.getSheet("PHQ9")).isNotNull();
			var individuals = wb.getSheet("PHQ9 个人结果");
			assertThat(individuals).isNotNull();
			assertThat(individuals.getLastRowNum()).isEqualTo(4);
			assertThat(individuals.getRow(1).getCell(0).getStringCellValue()).startsWith("报告学生");
		}
		byte[] leaderFile = download("principal1", "/screening/campaigns/" + s.campaign() + "/report.xlsx?classId=" + s.headClass());
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(leaderFile))) {
			assertThat(wb.getSheet("PHQ9")).isNotNull();
			assertThat(wb.getSheet("PHQ9 个人结果")).isNull();
			StringBuilder all = new StringBuilder();
			wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|'))));
			assertThat(all.toString()).doesNotContain("报告学生");
		}
	}

	private byte[] download(String user, String path) throws Exception {
		PageClient pages = PageClient.login(port, user);
		var r = pages.get(path);
		assertThat(r.status()).as(path + " → " + r.location()).isEqualTo(200);
		assertThat(r.header("Content-Type")).contains("spreadsheetml");
		// PageClient keeps bodies as text: the bytes through a session of our own
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"").matcher(login);
		assertThat(m.find()).isTrue();
		String form = "username=" + user + "&password=" + java.net.URLEncoder.encode(Api.PASSWORD, "UTF-8") + "&_csrf="
				+ m.group(1);
		http.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
		HttpResponse<byte[]> bytes = http.send(HttpRequest.newBuilder(URI.create(api.base() + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(bytes.statusCode()).isEqualTo(200);
		return bytes.body();
	}

	@Test
	void headTeacherSeesOnlyTheirClassLeadersAggregatesOthersAreRefused() {
		Setup s = setup();
		String report = "/screening/campaigns/" + s.campaign() + "/report";
		PageClient head = PageClient.login(port, headUser);
		var toOwn = head.get(report);
		assertThat(toOwn.status()).isEqualTo(302);
		assertThat(toOwn.location()).endsWith(report + "?classId=" + s.headClass());
		var own = head.get(report + "?classId=" + s.headClass());
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("id=\"individuals\"", "报告学生").doesNotContain("他班学生", "id=\"class-completion\"");
		assertThat(head.get(report + "?classId=" + s.otherClass()).status()).isEqualTo(404);
		assertThat(api.get(headUser, "/api/v1" + report.replace("/screening", "/screening") + "?classId=" + s.otherClass())
			.status()).isEqualTo(404);

		PageClient leader = PageClient.login(port, "principal1");
		var agg = leader.get(report + "?classId=" + s.headClass());
		assertThat(agg.status()).isEqualTo(200);
		assertThat(agg.body()).contains("<svg").doesNotContain("id=\"individuals\"", "报告学生");

		assertThat(api.get("psych2", "/api/v1" + report).status()).isEqualTo(404);
		assertThat(PageClient.login(port, "psych2").get(report).status()).isEqualTo(404);
		assertThat(api.get("district", "/api/v1" + report).status()).isEqualTo(403);
		assertThat(PageClient.login(port, "district").get(report + "?classId=" + s.headClass()).status()).isEqualTo(403);
		assertThat(api.get("mentor1", "/api/v1" + report).status()).isEqualTo(403);
		assertThat(api.get("psych1", "/api/v1/screening/campaigns/99999999/report").status()).isEqualTo(404);
	}

	@Test
	void districtAggregatesSuppressCellsUnderFiveAndNameNobody() {
		long district = jdbc.sql("select s.district_id from school s join student st on st.school_id = s.id limit 1")
			.query(Long.class).single();
		int n = SEQ.incrementAndGet();
		long school = jdbc.sql("insert into school (district_id, name, stage) values (:d, :n, 'JUNIOR') returning id")
			.param("d", district).param("n", "汇总测试学校" + n + UUID.randomUUID().toString().substring(0, 6))
			.query(Long.class).single();
		long grade = jdbc.sql("insert into grade (school_id, level, name) values (:s, 8, '八年级') returning id")
			.param("s", school).query(Long.class).single();
		long cls = jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, '1班') returning id")
			.param("s", school).param("g", grade).query(Long.class).single();
		long campaign = campaign(school, "汇总测试普查", "10 days");
		addClass(campaign, cls);
		jdbc.sql("insert into screening_campaign_scale (campaign_id, scale_id, grade_from, grade_to, position) values (:c, 'phq9', 7, 9, 1)")
			.param("c", campaign).update();
		// seven results: five minimal, two mild (one at the cut-off is not: 9 < 10)
		int[] totals = { 0, 1, 2, 3, 4, 6, 9 };
		for (int t : totals) {
			long st = student(school, cls, "汇总学生");
			invite(campaign, school, cls, st, true);
			phq9(campaign, school, cls, st, t);
		}
		var r = api.get("district", "/api/v1/screening/aggregates");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.body()).doesNotContain("汇总学生");
		JsonNode row = null;
		for (JsonNode x : r.json().get("rows")) {
			if (!x.get("total").asBoolean() && x.get("id").asLong() == school) {
				row = x;
			}
			// no visible count under five anywhere
			x.get("invited");
			for (JsonNode cell : List.of(x.get("invited"), x.get("completed"), x.get("flagged"))) {
				assertVisibleAtLeastFive(cell);
			}
			for (JsonNode sc : x.get("scales")) {
				assertVisibleAtLeastFive(sc.get("results"));
				sc.get("bands").properties().forEach(e -> assertVisibleAtLeastFive(e.getValue()));
			}
		}
		assertThat(row).as(r.body()).isNotNull();
		// seven invited: shown, unless hidden because another school of the column is under five (school 2 has none)
		JsonNode invited = row.get("invited");
		assertThat(invited.get("suppressed").asBoolean() || invited.get("count").asLong() == 7).as(invited.toString()).isTrue();
		assertThat(row.get("flagged").get("suppressed").asBoolean()).isTrue();
		JsonNode phq = null;
		for (JsonNode sc : row.get("scales")) {
			if (sc.get("scaleId").asString().equals("phq9")) {
				phq = sc;
			}
		}
		assertThat(phq).as(row.toString()).isNotNull();
		JsonNode mild = phq.get("bands").get("mild");
		assertThat(mild.get("suppressed").asBoolean()).isTrue();
		assertThat(mild.get("count").isNull()).isTrue();
		// two mild and three zeros hide together only 2: the five minimal go too, else 7 - 5 would tell
		assertThat(phq.get("bands").get("none").get("suppressed").asBoolean()).isTrue();

		PageClient officer = PageClient.login(port, "district");
		var page = officer.get("/screening/district");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("汇总测试学校", "&lt;5", "id=\"suppression-note\"").doesNotContain("汇总学生");
		assertThat(officer.get("/screening/district?lang=en").body()).contains("Screening aggregates", "fewer than 5");
		assertThat(officer.get("/screening/district.xlsx").status()).isEqualTo(200);
		assertThat(officer.get("/screening/city").status()).isEqualTo(403);
		assertThat(PageClient.login(port, "city").get("/screening/city").status()).isEqualTo(200);
		assertThat(api.get("city", "/api/v1/screening/aggregates").json().get("level").asString()).isEqualTo("CITY");
		assertThat(api.get("city", "/api/v1/screening/aggregates?districtId=" + district).json().get("level")
			.asString()).isEqualTo("DISTRICT");
		assertThat(api.get("psych1", "/api/v1/screening/aggregates").status()).isEqualTo(403);
		assertThat(api.get("district", "/api/v1/screening/aggregates?from=2026-12-01&to=2026-01-01").status())
			.isEqualTo(400);
	}

	private static void assertVisibleAtLeastFive(JsonNode cell) {
		if (!cell.get("suppressed").asBoolean()) {
			assertThat(cell.get("count").asLong()).as(cell.toString()).isGreaterThanOrEqualTo(5);
		}
	}

	private static final java.util.regex.Pattern RAW_CODE = java.util.regex.Pattern
		.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\[\\d+(, \\d+)*\\]");

	private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile(
			"<(title|th|button|legend)\\b[^>]*>\\s*([^<]*?)\\s*</\\1>", java.util.regex.Pattern.CASE_INSENSITIVE);

	/** As the page-words crawl (ADR 0020), on the report pages the crawl reaches only through the lead's links. */
	@Test
	void reportPagesShowWordsNotCodesInBothLanguages() {
		Setup s = setup();
		String report = "/screening/campaigns/" + s.campaign() + "/report";
		List<String[]> visits = List.of(new String[] { "psych1", "/screening/reports" },
				new String[] { "psych1", report }, new String[] { "psych1", report + "?classId=" + s.headClass() },
				new String[] { "principal1", report + "?classId=" + s.otherClass() },
				new String[] { headUser, report + "?classId=" + s.headClass() }, new String[] { headUser, "/screening/reports" },
				new String[] { "district", "/screening/district" }, new String[] { "city", "/screening/city" });
		List<String> problems = new ArrayList<>();
		for (boolean english : List.of(false, true)) {
			for (String[] v : visits) {
				PageClient pages = PageClient.login(port, v[0]);
				if (english) {
					pages.get("/?lang=en");
				}
				var page = pages.get(v[1]);
				if (page.status() != 200) {
					problems.add(v[0] + " " + v[1] + " → " + page.status());
					continue;
				}
				String body = page.body();
				if (body.contains("??")) {
					problems.add(v[0] + " " + v[1] + " unresolved key");
				}
				String text = body.replaceAll("(?s)<(script|style|svg)\\b.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
				var raw = RAW_CODE.matcher(text);
				while (raw.find()) {
					problems.add(v[0] + " " + v[1] + " code " + raw.group());
				}
				if (english) {
					var label = LABEL.matcher(body);
					while (label.find()) {
						String words = label.group(2);
						if (words.matches(".*\\p{IsHan}.*") && !words.matches(".*[A-Za-z].*")) {
							problems.add(v[0] + " " + v[1] + " <" + label.group(1) + "> " + words);
						}
					}
					if (text.matches("(?s).*[一二三四五六七八九]年级（\\d+）班.*")) {
						problems.add(v[0] + " " + v[1] + " Chinese class label");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
		// the city's page links each district to its own table
		var city = PageClient.login(port, "city").get("/screening/city");
		assertThat(city.body()).contains("/screening/district?districtId=");
	}

	private static java.util.Map<String, Integer> phqAnswers(int value) {
		java.util.Map<String, Integer> answers = new java.util.LinkedHashMap<>();
		for (int i = 1; i <= 9; i++) {
			answers.put(String.valueOf(i), i == 9 ? 0 : value);
		}
		return answers;
	}

	/** The loop through the core: campaign, consent (one refused), answers, submit; then the class report. */
	@Test
	void aCampaignRunThroughTheCoreShowsInItsClassReport() {
		var tc = org.mindgrid.screening.ScreeningFixture.newClass(jdbc, 8, 3);
		java.time.Instant now = java.time.Instant.now();
		var created = api.post("psych1", "/api/v1/screening/campaigns", java.util.Map.of("name", "核心报告普查" + SEQ.incrementAndGet(),
				"scaleIds", List.of("phq9"), "classIds", List.of(tc.classId()), "opensAt",
				now.minusSeconds(3600).toString(), "closesAt", now.plusSeconds(7 * 86400).toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long campaign = created.json().get("id").asLong();
		int[] values = { 1, 2 };
		for (int i = 0; i < 3; i++) {
			long student = tc.students().get(i);
			var consent = api.post("psych1", "/api/v1/screening/campaigns/" + campaign + "/consents",
					java.util.Map.of("studentId", student, "consent", i < 2));
			assertThat(consent.status()).as(consent.body()).isEqualTo(200);
			if (i < 2) {
				String code = jdbc.sql("select answer_code from screening_invite where campaign_id = :c and student_id = :s")
					.param("c", campaign).param("s", student).query(String.class).single();
				var saved = api.post(null, "/api/v1/screening/sessions/" + code + "/answers",
						java.util.Map.of("scaleId", "phq9", "answers", phqAnswers(values[i])));
				assertThat(saved.status()).as(saved.body()).isEqualTo(200);
				var submitted = api.post(null, "/api/v1/screening/sessions/" + code + "/submit", java.util.Map.of());
				assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
			}
		}
		// totals 8 (all 1 but item 9) and 16 (all 2 but item 9): Q1 = 8 + 0.25·8 = 10, median 12, Q3 14
		var r = api.get("psych1", "/api/v1/screening/campaigns/" + campaign + "/report?classId=" + tc.classId());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode c = r.json().get("completion");
		assertThat(List.of(c.get("invited").asLong(), c.get("consented").asLong(), c.get("refused").asLong(),
				c.get("completed").asLong())).containsExactly(3L, 2L, 1L, 2L);
		JsonNode dep = factor(r.json().get("scales").get(0).get("group"), "depression");
		assertThat(List.of(dep.get("min").asDouble(), dep.get("q1").asDouble(), dep.get("median").asDouble(),
				dep.get("q3").asDouble(), dep.get("max").asDouble())).containsExactly(8.0, 10.0, 12.0, 14.0, 16.0);
		assertThat(dep.get("bands").get("mild").asLong()).isEqualTo(1);
		assertThat(dep.get("bands").get("moderately_severe").asLong()).isEqualTo(1);
		// the class's own head teacher sees its named results; head1 does not find it
		var own = PageClient.login(port, tc.headTeacher()).get("/screening/campaigns/" + campaign + "/report");
		assertThat(own.status()).isEqualTo(302);
		assertThat(PageClient.login(port, tc.headTeacher()).get(own.location().replaceFirst("^https?://[^/]+", ""))
			.body()).contains(name(tc.students().get(0)), name(tc.students().get(1))).doesNotContain(name(tc.students().get(2)));
		assertThat(api.get("head1", "/api/v1/screening/campaigns/" + campaign + "/report?classId=" + tc.classId())
			.status()).isIn(403, 404);
	}

	private String name(long student) {
		return jdbc.sql("select name from student where id = :s").param("s", student).query(String.class).single();
	}
}
