package org.mindgrid.warning;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Issue 7, point 14: a record saved without escalation whose text holds a risk phrase reaches the psychology
 * teacher's queue as 请复核 (not urgent), the phrase highlighted; idioms do not; scope holds; a later urgent sign
 * joins and raises it; the as-you-type check answers the banner; each school keeps its own additions.
 */
@IntegrationTest
class RiskPhraseReviewIntegrationTests {

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

	/** A new student of mentor1's class, assigned to mentor1, with no report yet. */
	private long newStudent() {
		long[] place = jdbc.sql("""
				select p.school_id, p.class_id, p.user_id from post p join app_user u on u.id = p.user_id
				 where u.username = 'mentor1' and p.role = 'MENTOR' limit 1""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		int n = SEQ.incrementAndGet();
		long id = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:school, :class, :no, :name, 'M', date '2012-03-04') returning id""")
			.param("school", place[0]).param("class", place[1])
			.param("no", "RP-" + System.nanoTime() % 1_000_000_000 + "-" + n).param("name", "复核测试" + n)
			.query(Long.class).single();
		jdbc.sql("""
				insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at)
				values (:class, :mentor, :student, now())""")
			.param("class", place[1]).param("mentor", place[2]).param("student", id).update();
		return id;
	}

	private static Map<String, Object> talk(long student, String state) {
		Map<String, Object> m = new HashMap<>();
		m.put("studentId", student);
		m.put("date", LocalDate.now().minusDays(1).toString());
		m.put("place", "心理辅导室");
		m.put("topics", "最近的学习和睡眠");
		m.put("state", state);
		m.put("escalate", "");
		return m;
	}

	private List<JsonNode> openReports(String user, long student) {
		List<JsonNode> out = new java.util.ArrayList<>();
		for (JsonNode item : api.get(user, "/api/v1/warning-reports?status=OPEN&size=100").json().get("items")) {
			if (item.get("studentId").asLong() == student) {
				out.add(item);
			}
		}
		return out;
	}

	private long reports(long student) {
		return jdbc.sql("select count(*) from warning_report where student_id = :s").param("s", student)
			.query(Long.class).single();
	}

	@Test
	void aTalkWithARiskPhraseSavedWithoutEscalationIsAReviewItemForThePsychologyTeacher() {
		long student = newStudent();
		var saved = api.post("mentor1", "/api/v1/talks", talk(student, "情绪低落，有时候想消失，<b>不愿多说</b>"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);

		List<JsonNode> queue = openReports("psych1", student);
		assertThat(queue).hasSize(1);
		JsonNode item = queue.get(0);
		assertThat(item.get("urgency").asString()).isEqualTo("REVIEW");
		long reportId = item.get("id").asLong();
		JsonNode report = api.get("psych1", "/api/v1/warning-reports/" + reportId).json();
		JsonNode source = report.get("sources").get(0);
		assertThat(source.get("kind").asString()).isEqualTo("TALK");
		assertThat(source.get("urgency").asString()).isEqualTo("REVIEW");
		assertThat(source.get("phrases").get(0).asString()).isEqualTo("想消失");
		assertThat(report.get("signs")).as("a phrase is not a ticked sign").isEmpty();
		// Not urgent: no assessment duty yet, and only the psychology teachers are told.
		assertThat(jdbc.sql("select count(*) from duty where source_kind = 'WARNING_REPORT' and source_id = :r")
			.param("r", reportId).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from notification n join app_user u on u.id = n.user_id
				 where n.link = :l and u.username = 'psych1'""").param("l", "/warnings/" + reportId)
			.query(Long.class).single()).isEqualTo(1);

		// The report page: the phrase marked, the writer's words escaped.
		PageClient psych = PageClient.login(port, "psych1");
		String page = psych.get("/warnings/" + reportId).body();
		assertThat(page).contains("请复核").contains("<mark class=\"mg-risk-phrase\">想消失</mark>")
			.contains("&lt;b&gt;不愿多说&lt;/b&gt;").doesNotContain("<b>不愿多说</b>");
		assertThat(psych.get("/warnings/" + reportId + "?lang=en").body()).contains("To review");

		// Scope: a psychology teacher of another school does not see it.
		assertThat(openReports("psych2", student)).isEmpty();
		assertThat(api.get("psych2", "/api/v1/warning-reports/" + reportId).status()).isEqualTo(404);

		// A later urgent sign joins the item and raises it: one item per student, now with its assessments.
		var urgent = api.post("mentor1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(1),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "说想跳楼"));
		assertThat(urgent.status()).as(urgent.body()).isEqualTo(201);
		assertThat(urgent.json().get("warningReport").get("id").asLong()).isEqualTo(reportId);
		assertThat(urgent.json().get("warningReport").get("urgency").asString()).isEqualTo("URGENT");
		assertThat(reports(student)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from duty where source_kind = 'WARNING_REPORT' and source_id = :r")
			.param("r", reportId).query(Long.class).single()).isPositive();
	}

	@Test
	void idiomsNegationsAndEscalatedRecordsMakeNoReviewItem() {
		long student = newStudent();
		assertThat(api.post("mentor1", "/api/v1/talks", talk(student, "讲了个笑话，大家都说笑死了")).status()).isEqualTo(201);
		assertThat(api.post("mentor1", "/api/v1/talks", talk(student, "明确表示从来没有想过自杀")).status()).isEqualTo(201);
		assertThat(api.post("mentor1", "/api/v1/contacts", Map.of("studentId", student, "channel", "PHONE",
				"content", "妈妈说孩子最近跑步累死了，饿死了")).status()).isEqualTo(201);
		assertThat(reports(student)).isZero();

		// Escalated by the writer: the ordinary report, no extra review source.
		Map<String, Object> escalated = talk(student, "说想死");
		escalated.put("escalate", "URGENT");
		assertThat(api.post("mentor1", "/api/v1/talks", escalated).status()).isEqualTo(201);
		assertThat(jdbc.sql("""
				select count(*) from warning_report_source s join warning_report w on w.id = s.report_id
				 where w.student_id = :s and s.urgency = 'REVIEW'""").param("s", student).query(Long.class).single())
			.isZero();
	}

	@Test
	void observationsContactsAndHomeVisitsAreCheckedOnSave() {
		long student = newStudent();
		assertThat(api.post("mentor1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "课间说自己是累赘")).status()).isEqualTo(201);
		assertThat(api.post("mentor1", "/api/v1/contacts", Map.of("studentId", student, "channel", "PHONE",
				"content", "家长说孩子把东西都送人了")).status()).isEqualTo(201);
		JsonNode item = openReports("psych1", student).get(0);
		JsonNode sources = api.get("psych1", "/api/v1/warning-reports/" + item.get("id").asLong()).json().get("sources");
		assertThat(sources).hasSize(2);
		assertThat(sources.get(0).get("kind").asString()).isEqualTo("OBSERVATION");
		assertThat(sources.get(0).get("phrases").get(0).asString()).isEqualTo("是累赘");
		assertThat(sources.get(1).get("kind").asString()).isEqualTo("CONTACT");
		assertThat(sources.get(1).get("phrases").get(0).asString()).isEqualTo("把东西都送人");
		assertThat(item.get("urgency").asString()).isEqualTo("REVIEW");
	}

	@Test
	void theAsYouTypeCheckAnswersTheBannerInBothLanguages() {
		long student = newStudent();
		var api1 = api.post("mentor1", "/api/v1/risk-phrases/check", Map.of("text", "有时候想消失", "studentId", student));
		assertThat(api1.status()).as(api1.body()).isEqualTo(200);
		JsonNode found = api1.json().get("found").get(0);
		assertThat(found.get("text").asString()).isEqualTo("想消失");
		assertThat(found.get("sign").asInt()).isEqualTo(1);
		assertThat(found.get("urgent").asBoolean()).isTrue();
		assertThat(found.get("message").asString()).isEqualTo("记录中出现“想消失”，建议紧急上报");
		assertThat(api.post("mentor1", "/api/v1/risk-phrases/check?lang=en", Map.of("text", "有时候想消失")).json()
			.get("found").get(0).get("message").asString()).contains("urgent escalation is advised");
		assertThat(api.post("mentor1", "/api/v1/risk-phrases/check", Map.of("text", "笑死了")).json().get("found"))
			.isEmpty();
		var tooLong = api.post("mentor1", "/api/v1/risk-phrases/check", Map.of("text", "想".repeat(4001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("text");

		PageClient mentor = PageClient.login(port, "mentor1");
		mentor.get("/students/" + student + "/talks/new");
		var banner = mentor.post("/risk-phrases/check", List.of(Map.entry("text", "今天<i>有时候想消失</i>"),
				Map.entry("studentId", String.valueOf(student))));
		assertThat(banner.status()).isEqualTo(200);
		assertThat(banner.body()).contains("记录中出现“想消失”，建议紧急上报").doesNotContain("<html");
		assertThat(mentor.post("/risk-phrases/check", List.of(Map.entry("text", "笑死了"))).body())
			.doesNotContain("建议");
	}

	@Test
	void eachSchoolKeepsItsOwnPhrasesAndOnlyItsManagersChangeThem() {
		PageClient psych = PageClient.login(port, "psych1");
		assertThat(psych.get("/risk-phrases").body()).contains("想消失").contains("笑死");
		String phrase = "不想上学" + SEQ.incrementAndGet();
		var added = psych.post("/risk-phrases", List.of(Map.entry("phrase", phrase), Map.entry("kind", "ADD"),
				Map.entry("sign", "3")));
		assertThat(added.status()).isEqualTo(302);
		assertThat(api.post("mentor1", "/api/v1/risk-phrases/check", Map.of("text", "他说" + phrase)).json().get("found"))
			.hasSize(1);
		assertThat(api.post("psych2", "/api/v1/risk-phrases/check", Map.of("text", "他说" + phrase)).json().get("found"))
			.as("another school's list is its own").isEmpty();
		long id = jdbc.sql("select id from risk_phrase_override where phrase = :p").param("p", phrase)
			.query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'RISK_PHRASE_ADD' and resource like :r")
			.param("r", "%/risk-phrases/" + id).query(Long.class).single()).isEqualTo(1);

		PageClient mentor = PageClient.login(port, "mentor1");
		mentor.get("/students");
		assertThat(mentor.get("/risk-phrases").status()).isEqualTo(403);
		assertThat(mentor.post("/risk-phrases/" + id + "/remove", List.of()).status()).isEqualTo(403);
		assertThat(psych.post("/risk-phrases", List.of(Map.entry("phrase", ""), Map.entry("kind", "ADD"))).status())
			.isEqualTo(302);
		assertThat(psych.get("/risk-phrases").body()).contains("词语：请填写 1–30 个字");

		assertThat(psych.post("/risk-phrases/" + id + "/remove", List.of()).status()).isEqualTo(302);
		assertThat(api.post("mentor1", "/api/v1/risk-phrases/check", Map.of("text", "他说" + phrase)).json().get("found"))
			.isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'RISK_PHRASE_REMOVE' and resource like :r")
			.param("r", "%/risk-phrases/" + id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select removed_at is not null from risk_phrase_override where id = :id").param("id", id)
			.query(Boolean.class).single()).as("kept, marked removed").isTrue();
	}
}
