package org.mindgrid.screening;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 through the API: create → consent → answer → score → flag → review, with the refusals on the way.
 * Each test makes its own class (grade 8, its own head teacher) and students before creating its campaign.
 */
@IntegrationTest
class ScreeningLoopIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		place = ScreeningFixture.newClass(jdbc, 8, 0);
		head = place.headTeacher();
	}

	/** A class of its own (head teacher {@link #head}) and one new student of it per call. */
	private ScreeningFixture.TestClass place;

	private String head;

	private long head1Class() {
		return place.classId();
	}

	private long newStudent() {
		int n = SEQ.incrementAndGet();
		return jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:school, :class, :no, :name, 'F', date '2012-03-04') returning id""")
			.param("school", place.schoolId()).param("class", place.classId())
			.param("no", "SCR-" + System.nanoTime() % 1_000_000_000 + "-" + n)
			.param("name", "普查测试" + n)
			.query(Long.class)
			.single();
	}

	private long campaign(String... scales) {
		Instant now = Instant.now();
		var created = api.post("psych1", "/api/v1/screening/campaigns", Map.of("name", "测试普查" + SEQ.incrementAndGet(),
				"scaleIds", List.of(scales), "classIds", List.of(head1Class()), "opensAt",
				now.minus(1, ChronoUnit.HOURS).toString(), "closesAt", now.plus(7, ChronoUnit.DAYS).toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String code(long campaign, long student, String column) {
		return jdbc.sql("select " + column + " from screening_invite where campaign_id = :c and student_id = :s")
			.param("c", campaign).param("s", student).query(String.class).single();
	}

	private Api.Response consent(String user, long campaign, long student, boolean yes) {
		return api.post(user, "/api/v1/screening/campaigns/" + campaign + "/consents",
				Map.of("studentId", student, "consent", yes));
	}

	private static Map<String, Integer> all(int items, int value) {
		Map<String, Integer> answers = new LinkedHashMap<>();
		for (int i = 1; i <= items; i++) {
			answers.put(String.valueOf(i), value);
		}
		return answers;
	}

	private Api.Response answer(String code, String scale, Map<String, Integer> answers) {
		return api.post(null, "/api/v1/screening/sessions/" + code + "/answers",
				Map.of("scaleId", scale, "answers", answers));
	}

	@Test
	void aCriticalItemRaisesAnUrgentReportInTheSubmission() {
		long student = newStudent();
		long campaign = campaign("phq9", "gad7");
		assertThat(consent(head, campaign, student, true).status()).isEqualTo(200);
		String code = code(campaign, student, "answer_code");
		var session = api.get(null, "/api/v1/screening/sessions/" + code);
		assertThat(session.status()).as(session.body()).isEqualTo(200);
		assertThat(session.json().get("scales")).hasSize(2);
		assertThat(session.json().get("scales").get(0).get("items")).hasSize(9);
		// PHQ-9: all 0 but item 9 = 1 → total 1 (minimal), critical item 9
		Map<String, Integer> phq = all(9, 0);
		phq.put("9", 1);
		assertThat(answer(code, "phq9", phq).status()).isEqualTo(200);
		assertThat(answer(code, "gad7", all(7, 0)).json().get("answered").asInt()).isEqualTo(7);
		var submitted = api.post(null, "/api/v1/screening/sessions/" + code + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		JsonNode phqScore = submitted.json().get("scores").get(0);
		assertThat(phqScore.get("scaleId").asString()).isEqualTo("phq9");
		assertThat(phqScore.get("total").asDouble()).isEqualTo(1.0);
		assertThat(phqScore.get("flags").toString()).contains("CRITICAL:9");
		var report = jdbc.sql("""
				select r.urgency, s.source_kind from warning_report r join warning_report_source s on s.report_id = r.id
				 where r.student_id = :s and r.status = 'OPEN'""")
			.param("s", student).query((rs, i) -> rs.getString(1) + "/" + rs.getString(2)).list();
		assertThat(report).containsExactly("URGENT/SCREENING");
		assertThat(jdbc.sql("""
				select count(*) from duty where student_id = :s and kind = 'ASSESSMENT' and status = 'OPEN'""")
			.param("s", student).query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select status from screening_flag where student_id = :s").param("s", student)
			.query(String.class).single()).isEqualTo("CONFIRMED");
		// psych1 is told (the report is raised by the system account, not by a psychology teacher)
		assertThat(jdbc.sql("""
				select count(*) from notification n join app_user u on u.id = n.user_id
				 where u.username = 'psych1' and n.link like '/warnings/%' and n.created_at > now() - interval '1 minute'""")
			.query(Long.class).single()).isPositive();
		assertThat(api.post(null, "/api/v1/screening/sessions/" + code + "/submit", Map.of()).status()).isEqualTo(409);
		assertThat(answer(code, "phq9", Map.of("1", 2)).status()).isEqualTo(409);

		var history = api.get("psych1", "/api/v1/students/" + student + "/screenings");
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.json()).hasSize(2);
		assertThat(history.json().toString()).contains("\"scaleId\":\"phq9\"").contains("\"factors\":{\"depression\":1.0}");
		assertThat(api.get(head, "/api/v1/students/" + student + "/screenings").status()).isEqualTo(200);
		assertThat(api.get("psych2", "/api/v1/students/" + student + "/screenings").status()).isEqualTo(404);
		assertThat(api.get("district", "/api/v1/students/" + student + "/screenings").status()).isEqualTo(403);
	}

	@Test
	void refusedOrMissingConsentNeverGetsAQuestionnaire() {
		long refused = newStudent();
		long waiting = newStudent();
		long campaign = campaign("phq9");
		assertThat(consent(head, campaign, refused, false).status()).isEqualTo(200);
		var r1 = api.get(null, "/api/v1/screening/sessions/" + code(campaign, refused, "answer_code"));
		assertThat(r1.status()).isEqualTo(403);
		assertThat(r1.json().get("code").asString()).isEqualTo("screening.session.refused");
		assertThat(api.get(null, "/api/v1/screening/sessions/" + code(campaign, waiting, "answer_code")).status())
			.isEqualTo(403);
		assertThat(answer(code(campaign, waiting, "answer_code"), "phq9", all(9, 0)).status()).isEqualTo(403);
		var codes = api.get("psych1", "/api/v1/screening/campaigns/" + campaign + "/codes");
		assertThat(codes.body()).doesNotContain("\"studentId\":" + refused + ",").doesNotContain("\"studentId\":" + waiting + ",");
		assertThat(jdbc.sql("select consent_at is not null from screening_invite where campaign_id = :c and student_id = :s")
			.param("c", campaign).param("s", refused).query(Boolean.class).single()).isTrue();
		// access to consent: another school's psychology teacher 404, a mentor of the school 403
		assertThat(consent("psych2", campaign, waiting, true).status()).isEqualTo(404);
		assertThat(consent("mentor1", campaign, waiting, true).status()).isIn(403);
		assertThat(consent(head, campaign, waiting, true).status()).isEqualTo(200);
		assertThat(api.get("psych1", "/api/v1/screening/campaigns/" + campaign + "/codes").body())
			.contains("\"studentId\":" + waiting + ",");
	}

	@Test
	void anInterruptedSessionResumesAndBadAnswersNameTheField() {
		long student = newStudent();
		long campaign = campaign("mssmhs");
		consent("psych1", campaign, student, true);
		String code = code(campaign, student, "answer_code");
		assertThat(answer(code, "mssmhs", Map.of("1", 3, "2", 4)).json().get("answered").asInt()).isEqualTo(2);
		// the tab was closed; reopened with the code typed in lower case with dashes
		String typed = (code.substring(0, 4) + "-" + code.substring(4)).toLowerCase();
		var again = api.get(null, "/api/v1/screening/sessions/" + typed);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("scales").get(0).get("answers").toString()).isEqualTo("{\"1\":3,\"2\":4}");
		// changed before submitting
		assertThat(answer(code, "mssmhs", Map.of("2", 1)).json().get("answered").asInt()).isEqualTo(2);
		var bad = answer(code, "mssmhs", Map.of("3", 6));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").has("answers.3")).isTrue();
		assertThat(answer(code, "mssmhs", Map.of("61", 1)).json().get("errors").has("answers.61")).isTrue();
		assertThat(answer(code, "phq9", Map.of("1", 1)).json().get("errors").has("scaleId")).isTrue();
		var incomplete = api.post(null, "/api/v1/screening/sessions/" + code + "/submit", Map.of());
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.json().get("errors").has("answers.mssmhs")).isTrue();
		assertThat(api.get(null, "/api/v1/screening/sessions/ZZZZZZZZZZ").status()).isEqualTo(404);
		// MSSMHS: every item 2 → every factor mean 2.0 (mild, under the moderate cut-off of 3): no CUTOFF, but item
		// 57 (suicidal thoughts) at 2 is the school's critical rule (≥ 2)
		assertThat(answer(code, "mssmhs", all(60, 2)).status()).isEqualTo(200);
		var scores = api.post(null, "/api/v1/screening/sessions/" + code + "/submit", Map.of()).json();
		assertThat(scores.get("scores").get(0).get("total").asDouble()).isEqualTo(2.0);
		assertThat(scores.get("scores").get(0).get("band").asString()).isEqualTo("mild");
		assertThat(scores.get("scores").get(0).get("flags").toString()).isEqualTo("[\"CRITICAL:57\"]");
	}

	@Test
	void aCutOffWaitsForReviewThenConfirmedOrDismissed() {
		long confirmed = newStudent();
		long dismissed = newStudent();
		long campaign = campaign("gad7");
		for (long s : List.of(confirmed, dismissed)) {
			consent(head, campaign, s, true);
			String code = code(campaign, s, "answer_code");
			answer(code, "gad7", all(7, 2)); // total 14: moderate, over the cut-off of 10
			assertThat(api.post(null, "/api/v1/screening/sessions/" + code + "/submit", Map.of()).status()).isEqualTo(200);
		}
		var flags = api.get("psych1", "/api/v1/screening/flags?campaignId=" + campaign);
		assertThat(flags.status()).isEqualTo(200);
		assertThat(flags.json().get("items")).hasSize(2);
		Map<Long, Long> flagOf = new HashMap<>();
		flags.json().get("items").forEach(f -> flagOf.put(f.get("studentId").asLong(), f.get("id").asLong()));
		assertThat(api.get("psych2", "/api/v1/screening/flags?campaignId=" + campaign).json().get("items")).isEmpty();
		assertThat(api.post("psych2", "/api/v1/screening/flags/" + flagOf.get(confirmed) + "/review",
				Map.of("decision", "CONFIRM")).status()).isEqualTo(404);
		assertThat(api.get(head, "/api/v1/screening/flags").status()).isEqualTo(403);
		var ok = api.post("psych1", "/api/v1/screening/flags/" + flagOf.get(confirmed) + "/review",
				Map.of("decision", "CONFIRM", "reason", "面谈后确认"));
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("warningReportId").asLong()).isPositive();
		assertThat(jdbc.sql("select urgency from warning_report where id = :id").param("id", ok.json().get("warningReportId").asLong())
			.query(String.class).single()).isEqualTo("HIGH");
		var noReason = api.post("psych1", "/api/v1/screening/flags/" + flagOf.get(dismissed) + "/review",
				Map.of("decision", "DISMISS"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").has("reason")).isTrue();
		assertThat(api.post("psych1", "/api/v1/screening/flags/" + flagOf.get(dismissed) + "/review",
				Map.of("decision", "DISMISS", "reason", "考试前一周，复测正常")).status()).isEqualTo(200);
		assertThat(api.post("psych1", "/api/v1/screening/flags/" + flagOf.get(dismissed) + "/review",
				Map.of("decision", "CONFIRM")).status()).isEqualTo(409);
		var progress = api.get("psych1", "/api/v1/screening/campaigns/" + campaign + "/progress").json();
		assertThat(progress.get("totals").get("flagged").asInt()).isEqualTo(2);
		assertThat(progress.get("totals").get("completed").asInt()).isEqualTo(2);
		assertThat(progress.get("classes").get(0).get("className").asString()).isNotBlank();
		assertThat(api.get(head, "/api/v1/screening/campaigns/" + campaign + "/progress").status()).isEqualTo(200);
		assertThat(api.get("psych2", "/api/v1/screening/campaigns/" + campaign + "/progress").status()).isEqualTo(404);
	}

	@Test
	void parentsAnswerOnceWithTheirCodeAndComputerRoomsUseTheClassCode() {
		long student = newStudent();
		long campaign = campaign("phq9");
		String parent = code(campaign, student, "parent_code");
		var form = api.get(null, "/api/v1/screening/consent/" + parent);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.json().get("consent").isNull()).isTrue();
		assertThat(form.json().get("student").get("maskedName").asString()).startsWith("普").contains("*");
		assertThat(api.post(null, "/api/v1/screening/consent/" + parent, Map.of("consent", true)).status()).isEqualTo(200);
		assertThat(api.post(null, "/api/v1/screening/consent/" + parent, Map.of("consent", false)).status()).isEqualTo(409);
		String sessionCode = jdbc.sql("select session_code from screening_campaign_class where campaign_id = :c")
			.param("c", campaign).query(String.class).single();
		String no = jdbc.sql("select student_no from student where id = :id").param("id", student).query(String.class).single();
		var resolved = api.post(null, "/api/v1/screening/sessions",
				Map.of("sessionCode", sessionCode, "studentNo", no, "birthDate", "2012-03-04"));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(resolved.json().get("code").asString()).isEqualTo(code(campaign, student, "answer_code"));
		assertThat(api.post(null, "/api/v1/screening/sessions",
				Map.of("sessionCode", sessionCode, "studentNo", no, "birthDate", "2012-03-05")).status()).isEqualTo(404);
	}

	@Test
	void campaignInputIsCheckedFieldByField() {
		var bad = api.post("psych1", "/api/v1/screening/campaigns", Map.of("name", "", "scaleIds", List.of("bdi"),
				"classIds", List.of(999_999_999L), "opensAt", "2026-12-10T00:00:00Z", "closesAt", "2026-12-01T00:00:00Z"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").propertyNames()).contains("name", "scaleIds", "classIds", "closesAt");
		assertThat(api.post("head1", "/api/v1/screening/campaigns", Map.of("name", "x", "scaleIds", List.of("phq9"),
				"classIds", List.of(head1Class()), "opensAt", "2026-12-01T00:00:00Z", "closesAt", "2026-12-09T00:00:00Z"))
			.status()).isEqualTo(403);
		long other = jdbc.sql("select c.id from school_class c join school s on s.id = c.school_id order by s.id desc limit 1")
			.query(Long.class).single();
		assertThat(api.post("psych1", "/api/v1/screening/campaigns", Map.of("name", "x", "scaleIds", List.of("phq9"),
				"classIds", List.of(other), "opensAt", "2026-12-01T00:00:00Z", "closesAt", "2026-12-09T00:00:00Z"))
			.status()).isEqualTo(400);
	}
}
