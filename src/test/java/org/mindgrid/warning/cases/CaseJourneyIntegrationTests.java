package org.mindgrid.warning.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.duty.DutyEscalation;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the loop through the API, end to end — urgent observation → assessment → category 3 → notice →
 * meeting → referral → green channel → diagnosis → leave → contacts → return → watch → release — and the branch
 * where parents refuse referral. Each test makes its own student in head1's class with mentor1 as mentor.
 */
@IntegrationTest
class CaseJourneyIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DutyEscalation escalation;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long newStudent() {
		var place = jdbc.sql("""
				select p.school_id, p.class_id from post p join app_user u on u.id = p.user_id
				 where u.username = 'head1' and p.role = 'HEAD_TEACHER'""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		int n = SEQ.incrementAndGet();
		long id = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:school, :class, :no, :name, 'M', date '2011-05-06') returning id""")
			.param("school", place[0]).param("class", place[1]).param("no", "I8C-" + System.nanoTime() % 1_000_000_000 + "-" + n)
			.param("name", "个案测试" + n).query(Long.class).single();
		jdbc.sql("""
				insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at)
				select :class, u.id, :s, now() from app_user u where u.username = 'mentor1'""")
			.param("class", place[1]).param("s", id).update();
		return id;
	}

	private long hospital() {
		return jdbc.sql("""
				insert into hospital (name, departments, address, phone, green_channel)
				values ('个案测试医院', '儿童青少年心理门诊', '测试路1号', '0574-00000000', false) returning id""")
			.query(Long.class).single();
	}

	/** An urgent observation (sign 1) by the head teacher: the report opens the case. */
	private long urgentCase(long student) {
		var obs = api.post("head1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(1),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "说过想消失"));
		assertThat(obs.status()).as(obs.body()).isEqualTo(201);
		var list = api.get("psych1", "/api/v1/cases?studentId=" + student);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		JsonNode items = list.json().get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("state").asString()).isEqualTo("REPORTED");
		return items.get(0).get("id").asLong();
	}

	private JsonNode act(String user, long caseId, String action, Map<String, Object> details) {
		Map<String, Object> body = new HashMap<>(details);
		body.put("action", action);
		var r = api.post(user, "/api/v1/cases/" + caseId + "/actions", body);
		assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
		return r.json();
	}

	private long openDuties(long caseId, String kind) {
		return jdbc.sql("""
				select count(*) from duty where source_kind = 'WARNING_CASE' and source_id = :c and kind = :k
				   and status = 'OPEN'""")
			.param("c", caseId).param("k", kind).query(Long.class).single();
	}

	@Test
	void theWholeLoopRunsThroughTheApi() {
		long student = newStudent();
		long caseId = urgentCase(student);
		long hospital = hospital();
		long reports = jdbc.sql("select count(*) from warning_report where case_id = :c and status = 'OPEN'")
			.param("c", caseId).query(Long.class).single();
		assertThat(reports).isEqualTo(1);

		// a second sign joins the case, it does not open another
		api.post("principal1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(3),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "上课一直低头"));
		assertThat(api.get("psych1", "/api/v1/cases?studentId=" + student).json().get("total").asLong()).isEqualTo(1);

		JsonNode c = act("psych1", caseId, "assess", Map.of("summary", "有自杀意念，无具体计划", "proposedCategory", 3,
				"suicideThoughts", "yes", "suicidePlan", "no", "riskFactors", "父母离异，近期成绩下滑"));
		assertThat(c.get("state").asString()).isEqualTo("ASSESSING");
		// the assessment answers the report and closes the psychology teachers' assessment duties
		assertThat(jdbc.sql("select count(*) from warning_report where case_id = :c and status = 'OPEN'")
			.param("c", caseId).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from duty d join warning_report w on w.id = d.source_id and d.source_kind = 'WARNING_REPORT'
				 where w.case_id = :c and d.status = 'OPEN'""").param("c", caseId).query(Long.class).single()).isZero();

		c = act("psych1", caseId, "categorize", Map.of("category", 3, "members", "张校长、心理教师、班主任",
				"evidence", List.of("interview", "home-contact")));
		assertThat(c.get("state").asString()).isEqualTo("WATCH");
		assertThat(c.get("category").asInt()).isEqualTo(3);
		assertThat(c.get("inDatabase").asBoolean()).isTrue();
		assertThat(openDuties(caseId, "CASE_SESSION")).isPositive();
		assertThat(openDuties(caseId, "CASE_MONITORING")).isPositive();
		assertThat(openDuties(caseId, "CASE_HOME_VISIT")).isPositive();

		// the plan, with a measure of the mentor's
		var plan = api.put("psych1", "/api/v1/cases/" + caseId + "/plan", Map.of("version", 0,
				"situation", "三类危机，需转介", "goals", "稳定情绪，规范就医",
				"measures", List.of(Map.of("grid", "CLASS", "text", "每天课间留意情绪", "responsible", "MENTOR", "frequency", "每天"),
						Map.of("grid", "MEDICAL", "text", "协助预约绿色通道", "responsible", "PSYCH_TEACHER")),
				"contactFrequency", "每周", "reviewDate", "2026-12-20"));
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		assertThat(plan.json().get("version").asInt()).isEqualTo(1);
		// GET and PUT have one shape: what GET answers can be sent back
		var again = api.put("psych1", "/api/v1/cases/" + caseId + "/plan",
				Api.json().convertValue(api.get("psych1", "/api/v1/cases/" + caseId + "/plan").json(), Map.class));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("version").asInt()).isEqualTo(2);
		var stale = api.put("psych1", "/api/v1/cases/" + caseId + "/plan", Map.of("version", 1));
		assertThat(stale.status()).isEqualTo(409);
		String measure = plan.json().get("measures").get(0).get("id").asString();

		act("mentor1", caseId, "tick-measure", Map.of("measureId", measure));
		String other = plan.json().get("measures").get(1).get("id").asString();
		assertThat(api.post("mentor1", "/api/v1/cases/" + caseId + "/actions",
				Map.of("action", "tick-measure", "measureId", other)).status()).isIn(400, 403);

		act("psych1", caseId, "record-session", Map.of("summary", "情绪稍稳定", "riskChange", "same"));
		assertThat(openDuties(caseId, "CASE_SESSION")).isPositive();
		c = act("psych1", caseId, "notify-family", Map.of("guardianName", "家长甲", "behaviourObserved", "多次流露轻生念头",
				"guardianSigned", true));
		assertThat(c.get("state").asString()).isEqualTo("FAMILY");
		act("psych1", caseId, "hold-meeting", Map.of("minutes", "家长同意就医", "parentsSigned", true));
		c = act("psych1", caseId, "refer", Map.of("hospitalId", hospital, "department", "儿童青少年心理门诊"));
		assertThat(c.get("state").asString()).isEqualTo("REFERRED");
		act("psych1", caseId, "book-green-channel", Map.of("service", "clinic", "bookedFor", "2026-12-10", "status", "booked"));
		act("psych1", caseId, "record-diagnosis", Map.of("diagnosis", "抑郁发作（中度）"));
		c = act("psych1", caseId, "start-leave", Map.of("kind", "sick-leave", "from", "2026-12-11"));
		assertThat(c.get("state").asString()).isEqualTo("ON_LEAVE");
		assertThat(openDuties(caseId, "CASE_SESSION")).isZero();
		assertThat(openDuties(caseId, "CASE_LEAVE_CONTACT")).isPositive();
		act("head1", caseId, "record-contact", Map.of("with", "母亲", "summary", "在家休养，按时服药", "channel", "phone"));
		assertThat(openDuties(caseId, "CASE_LEAVE_CONTACT")).isPositive();
		c = act("psych1", caseId, "apply-return", Map.of("note", "家长提交复学申请和医院证明"));
		assertThat(c.get("state").asString()).isEqualTo("RETURN_REVIEW");
		c = act("psych1", caseId, "decide-return", Map.of("decision", "return", "returnOn", "2027-01-04"));
		assertThat(c.get("state").asString()).isEqualTo("WATCH");
		assertThat(openDuties(caseId, "CASE_LEAVE_CONTACT")).isZero();
		assertThat(openDuties(caseId, "CASE_SESSION")).isPositive();

		// an action the state does not allow: 409 with the allowed ones
		var refused = api.post("psych1", "/api/v1/cases/" + caseId + "/actions", Map.of("action", "apply-return"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("allowedActions").toString()).contains("release", "record-session")
			.doesNotContain("apply-return");

		// who sees what
		JsonNode head = api.get("head1", "/api/v1/cases/" + caseId).json();
		assertThat(head.get("category").asInt()).isEqualTo(3);
		assertThat(head.get("access").asString()).isEqualTo("HEAD_TEACHER");
		assertThat(head.get("history").toString()).doesNotContain("抑郁发作", "自杀意念", "record-diagnosis", "assess\"")
			.contains("notify-family");
		assertThat(head.get("plan").get("situation").asString()).isEqualTo("三类危机，需转介");
		JsonNode mentor = api.get("mentor1", "/api/v1/cases/" + caseId).json();
		assertThat(mentor.get("category").isNull()).isTrue();
		assertThat(mentor.get("history")).isEmpty();
		assertThat(mentor.get("plan").get("measures")).hasSize(1);
		assertThat(mentor.get("plan").get("situation").isNull()).isTrue();
		assertThat(mentor.toString()).doesNotContain("抑郁", "三类");
		JsonNode full = api.get("psych1", "/api/v1/cases/" + caseId).json();
		assertThat(full.get("history").toString()).contains("抑郁发作（中度）", "有自杀意念");
		assertThat(api.get("psych2", "/api/v1/cases/" + caseId).status()).isEqualTo(404);
		assertThat(api.get("staff1", "/api/v1/cases/" + caseId).status()).isEqualTo(404);
		assertThat(api.get("district", "/api/v1/cases/" + caseId).status()).isEqualTo(403);
		assertThat(api.get("district", "/api/v1/cases").status()).isEqualTo(403);
		assertThat(api.post("psych2", "/api/v1/cases/" + caseId + "/actions", Map.of("action", "release", "reason", "x"))
			.status()).isEqualTo(404);
		assertThat(api.post("head1", "/api/v1/cases/" + caseId + "/actions", Map.of("action", "release", "reason", "x"))
			.status()).isEqualTo(403);

		// the letters, filled from the case; the clinical team only
		for (String kind : List.of("notice", "referral", "contract", "commitment", "return-recommendation",
				"return-introduction")) {
			var pdf = api.get("psych1", "/api/v1/cases/" + caseId + "/documents/" + kind + ".pdf");
			assertThat(pdf.status()).as(kind + ": " + pdf.body()).isEqualTo(200);
			assertThat(pdf.contentType()).startsWith("application/pdf");
		}
		assertThat(api.get("head1", "/api/v1/cases/" + caseId + "/documents/referral.pdf").status()).isEqualTo(403);
		assertThat(api.get("psych2", "/api/v1/cases/" + caseId + "/documents/referral.pdf").status()).isEqualTo(404);
		assertThat(api.get("psych1", "/api/v1/cases/" + caseId + "/documents/nope.pdf").status()).isEqualTo(404);
		byte[] png = java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
		var up = api.upload("psych1", "/api/v1/cases/" + caseId + "/attachments?kind=SIGNED_REFERRAL", "回执.png", png);
		assertThat(up.status()).as(up.body()).isEqualTo(201);
		long fileId = up.json().get("id").asLong();
		assertThat(api.get("psych1", "/api/v1/cases/" + caseId + "/attachments").json().get("items")).hasSize(1);
		assertThat(api.get("psych1", "/api/v1/cases/" + caseId + "/attachments/" + fileId).status()).isEqualTo(200);
		assertThat(api.upload("psych1", "/api/v1/cases/" + caseId + "/attachments?kind=SIGNED_REFERRAL", "x.png",
				"not an image".getBytes()).status()).isEqualTo(415);
		assertThat(api.upload("head1", "/api/v1/cases/" + caseId + "/attachments?kind=OTHER", "x.png", png).status())
			.isEqualTo(403);

		c = act("psych1", caseId, "release", Map.of("reason", "复学后三个月情绪稳定，评估小组决定解除"));
		assertThat(c.get("state").asString()).isEqualTo("RELEASED");
		assertThat(c.get("inDatabase").asBoolean()).isFalse();
		assertThat(jdbc.sql("""
				select count(*) from duty where source_kind = 'WARNING_CASE' and source_id = :c and status = 'OPEN'""")
			.param("c", caseId).query(Long.class).single()).isZero();
		List<String> actions = new ArrayList<>();
		c.get("history").forEach(e -> actions.add(e.get("action").asString()));
		assertThat(actions).startsWith("open", "report-joined", "assess", "categorize").endsWith("release");
		// every read was audited
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_READ' and resource = :r")
			.param("r", "case/" + caseId).query(Long.class).single()).isGreaterThanOrEqualTo(3);
		// the released case stays readable; a new report opens a new case
		assertThat(api.get("psych1", "/api/v1/cases/" + caseId).status()).isEqualTo(200);
		urgentCaseAgain(student, caseId);
	}

	private void urgentCaseAgain(long student, long released) {
		api.post("head1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(1),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "又说想消失"));
		JsonNode items = api.get("psych1", "/api/v1/cases?studentId=" + student).json().get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("id").asLong()).isNotEqualTo(released);
		assertThat(items.get(0).get("state").asString()).isEqualTo("REPORTED");
	}

	@Test
	void parentsWhoRefuseReferralSignTheContractAndTheStudentStaysInWatch() {
		long student = newStudent();
		long caseId = urgentCase(student);
		act("psych1", caseId, "assess", Map.of("summary", "高风险", "proposedCategory", 2));
		act("psych1", caseId, "categorize", Map.of("category", 2));
		act("psych1", caseId, "notify-family", Map.of("guardianOpinion", "不同意转介"));
		JsonNode c = act("psych1", caseId, "sign-contract", Map.of("contacts",
				List.of(Map.of("name", "母亲", "relation", "母亲", "phone", "13800000000")), "contractSigned", true,
				"commitmentSigned", true));
		assertThat(c.get("state").asString()).isEqualTo("WATCH");
		assertThat(c.get("staysAgainstAdvice").asBoolean()).isTrue();
		// the head teacher now monitors daily
		var due = jdbc.sql("""
				select min(due_at) from duty where source_kind = 'WARNING_CASE' and source_id = :c
				   and kind = 'CASE_MONITORING' and status = 'OPEN'""")
			.param("c", caseId).query(java.sql.Timestamp.class).single().toInstant();
		assertThat(Duration.between(clock.instant(), due)).isLessThanOrEqualTo(Duration.ofDays(1));
	}

	@Test
	void aMissedWeeklySessionGoesOverdueAndEscalates() {
		long student = newStudent();
		long caseId = urgentCase(student);
		api.token("head1");
		act("psych1", caseId, "assess", Map.of("summary", "中等风险", "proposedCategory", 1));
		act("psych1", caseId, "categorize", Map.of("category", 1));
		clock.advance(Duration.ofDays(12));
		escalation.runEscalation();
		int level = jdbc.sql("""
				select max(escalation_level) from duty where source_kind = 'WARNING_CASE' and source_id = :c
				   and kind = 'CASE_SESSION'""").param("c", caseId).query(Integer.class).single();
		assertThat(level).isGreaterThanOrEqualTo(1);
		clock.reset();
		// no login while the clock is ahead: issuing a token then would expire every other test's tokens
		jdbc.sql("""
				update duty set due_at = now() - interval '1 day' where source_kind = 'WARNING_CASE'
				   and source_id = :c and kind = 'CASE_SESSION' and status = 'OPEN'""").param("c", caseId).update();
		JsonNode list = api.get("psych1", "/api/v1/cases?overdue=true&studentId=" + student).json();
		assertThat(list.get("total").asLong()).isEqualTo(1);
	}

	@Test
	void badDetailsAreRefusedNamingTheField() {
		long student = newStudent();
		long caseId = urgentCase(student);
		var r = api.post("psych1", "/api/v1/cases/" + caseId + "/actions", Map.of("action", "assess", "proposedCategory", 3));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("field").asString()).isEqualTo("summary");
		assertThat(r.json().get("detail").asString()).contains("摘要");
		r = api.post("psych1", "/api/v1/cases/" + caseId + "/actions?lang=en",
				Map.of("action", "assess", "summary", "x", "proposedCategory", 1.5));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("field").asString()).isEqualTo("proposedCategory");
		r = api.post("psych1", "/api/v1/cases/" + caseId + "/actions", Map.of("action", "fly"));
		assertThat(r.status()).isEqualTo(400);
		r = api.post("psych1", "/api/v1/cases/" + caseId + "/actions",
				Map.of("action", "assess", "summary", "x", "proposedCategory", 1, "surprise", "y"));
		assertThat(r.json().get("field").asString()).isEqualTo("surprise");
		assertThat(api.get("psych1", "/api/v1/cases?state=NOPE").status()).isEqualTo(400);
		assertThat(api.get("psych1", "/api/v1/cases/999999999").status()).isEqualTo(404);
	}

	@Test
	void theDemoGivesPsych1ACaseloadAcrossTheLoop() {
		JsonNode items = api.get("psych1", "/api/v1/cases?size=200").json().get("items");
		List<String> states = new ArrayList<>();
		items.forEach(i -> states.add(i.get("state").asString()));
		assertThat(states).contains("FAMILY", "REFERRED", "ON_LEAVE", "RETURN_REVIEW", "WATCH", "REPORTED");
		// head1 sees the two cases of their class with category, mentor1 without
		JsonNode head = api.get("head1", "/api/v1/cases?size=200").json().get("items");
		assertThat(head.size()).isGreaterThanOrEqualTo(2);
		JsonNode mentor = api.get("mentor1", "/api/v1/cases?size=200").json().get("items");
		assertThat(mentor.size()).isGreaterThanOrEqualTo(2);
		mentor.forEach(i -> assertThat(i.get("category").isNull()).isTrue());
		assertThat(api.get("psych2", "/api/v1/cases?size=200").json().get("items").toString()).doesNotContain("FAMILY");
	}

	@Test
	void aLeaveContactNotMadeInTimeGoesOverdueAndEscalates() {
		long student = newStudent();
		long caseId = urgentCase(student);
		long hospital = hospital();
		api.token("head1");
		act("psych1", caseId, "assess", Map.of("summary", "重度抑郁症状", "proposedCategory", 3));
		act("psych1", caseId, "categorize", Map.of("category", 3));
		act("psych1", caseId, "notify-family", Map.of());
		act("psych1", caseId, "refer", Map.of("hospitalId", hospital));
		act("psych1", caseId, "start-leave", Map.of("kind", "suspension", "contactEveryDays", 7));
		var due = jdbc.sql("""
				select min(due_at) from duty where source_kind = 'WARNING_CASE' and source_id = :c
				   and kind = 'CASE_LEAVE_CONTACT' and status = 'OPEN'""")
			.param("c", caseId).query(java.sql.Timestamp.class).single().toInstant();
		assertThat(Duration.between(clock.instant(), due)).isBetween(Duration.ofDays(6), Duration.ofDays(7));
		clock.advance(Duration.ofDays(9));
		escalation.runEscalation();
		clock.reset();
		int level = jdbc.sql("""
				select max(escalation_level) from duty where source_kind = 'WARNING_CASE' and source_id = :c
				   and kind = 'CASE_LEAVE_CONTACT'""").param("c", caseId).query(Integer.class).single();
		assertThat(level).isGreaterThanOrEqualTo(1);
		// the contact made: the overdue duty closes and the next one is due a week later
		act("head1", caseId, "record-contact", Map.of("summary", "电话联系家长，按时复诊"));
		assertThat(jdbc.sql("""
				select count(*) from duty where source_kind = 'WARNING_CASE' and source_id = :c
				   and kind = 'CASE_LEAVE_CONTACT' and status = 'OPEN' and escalation_level > 0""")
			.param("c", caseId).query(Long.class).single()).isZero();
		assertThat(openDuties(caseId, "CASE_LEAVE_CONTACT")).isPositive();
	}

	@Test
	void anUrgentCaseNotAssessedWithinTwoHoursEscalatesAndTheAssessmentClosesItsDuty() {
		long student = newStudent();
		long caseId = urgentCase(student);
		api.token("head1");
		clock.advance(Duration.ofHours(3));
		escalation.runEscalation();
		clock.reset();
		String duties = """
				select coalesce(max(d.escalation_level), -1) from duty d join warning_report w on w.id = d.source_id
				 where d.source_kind = 'WARNING_REPORT' and d.kind = 'ASSESSMENT' and w.case_id = :c and d.status = :s""";
		assertThat(jdbc.sql(duties).param("c", caseId).param("s", "OPEN").query(Integer.class).single())
			.isGreaterThanOrEqualTo(1);
		act("psych1", caseId, "assess", Map.of("summary", "评估完成", "proposedCategory", 1));
		assertThat(jdbc.sql(duties).param("c", caseId).param("s", "OPEN").query(Integer.class).single()).isEqualTo(-1);
	}
}
