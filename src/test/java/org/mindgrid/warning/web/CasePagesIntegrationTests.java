package org.mindgrid.warning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Issue 8 point 10: the case pages over real HTTP with a session — the loop run through the forms built from
 * CaseFields, a refused field that keeps what was typed, what a mentor sees, another school's psychology teacher.
 */
@IntegrationTest
class CasePagesIntegrationTests {

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

	/** A student of head1's class with mentor1, and an urgent observation that opens their case. */
	private long[] studentWithCase() {
		var place = jdbc.sql("""
				select p.school_id, p.class_id from post p join app_user u on u.id = p.user_id
				 where u.username = 'head1' and p.role = 'HEAD_TEACHER'""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		int n = SEQ.incrementAndGet();
		long student = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:school, :class, :no, :name, 'F', date '2011-03-04') returning id""")
			.param("school", place[0]).param("class", place[1]).param("no", "I8P-" + System.nanoTime() % 1_000_000_000 + "-" + n)
			.param("name", "页面个案" + n).query(Long.class).single();
		jdbc.sql("""
				insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at)
				select :class, u.id, :s, now() from app_user u where u.username = 'mentor1'""")
			.param("class", place[1]).param("s", student).update();
		var obs = api.post("head1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(1),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "说过想消失"));
		assertThat(obs.status()).as(obs.body()).isEqualTo(201);
		long caseId = jdbc.sql("select id from warning_case where student_id = :s").param("s", student)
			.query(Long.class).single();
		return new long[] { student, caseId };
	}

	private static List<Map.Entry<String, String>> fields(String... pairs) {
		List<Map.Entry<String, String>> out = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			out.add(Map.entry(pairs[i], pairs[i + 1]));
		}
		return out;
	}

	private PageClient.Page act(PageClient page, long caseId, String code, String... pairs) {
		page.get("/cases/" + caseId);
		var r = page.post("/cases/" + caseId + "/actions/" + code, fields(pairs));
		assertThat(r.status()).as(code + ": " + r.body()).isEqualTo(302);
		assertThat(r.location()).endsWith("/cases/" + caseId + "?done=" + code);
		return page.get("/cases/" + caseId + "?done=" + code);
	}

	private String state(long caseId) {
		return jdbc.sql("select state from warning_case where id = :c").param("c", caseId).query(String.class).single();
	}

	@Test
	void psychologyTeacherRunsAssessCategorizeNoticeAndContractThroughTheForms() {
		long[] sc = studentWithCase();
		long caseId = sc[1];
		PageClient psych = PageClient.login(port, "psych1");

		var list = psych.get("/cases");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("href=\"/cases/" + caseId + "\"", "页面个案", "已上报");
		assertThat(psych.get("/").body()).contains("href=\"/cases\"");
		assertThat(psych.get("/cases?state=REPORTED").body()).contains("href=\"/cases/" + caseId + "\"");
		assertThat(psych.get("/cases?state=WATCH").body()).doesNotContain("href=\"/cases/" + caseId + "\"");

		var page = psych.get("/cases/" + caseId);
		assertThat(page.status()).isEqualTo(200);
		// the forms are generated from CaseFields: a radio per category, a select of words for yes/no/unknown
		assertThat(page.body()).contains("id=\"action-assess\"", "id=\"action-dismiss\"", "name=\"proposedCategory\"",
				"value=\"unknown\"", "不清楚", "name=\"_csrf\"").doesNotContain("id=\"action-categorize\"");

		page = act(psych, caseId, "assess", "summary", "有自杀意念，无具体计划", "proposedCategory", "3",
				"suicideThoughts", "yes", "suicidePlan", "no", "riskFactors", "父母离异", "assessedOn", "2026-11-30");
		assertThat(state(caseId)).isEqualTo("ASSESSING");
		assertThat(page.body()).contains("已记录：一对一评估", "有自杀意念，无具体计划", "自杀意念", "父母离异",
				"建议危机类别", "三类").doesNotContain("yes<", "??");

		page = act(psych, caseId, "categorize", "category", "3", "members", "张校长、心理教师、班主任",
				"evidence", "interview", "evidence", "home-contact", "enterDatabase", "true", "_enterDatabase", "on");
		assertThat(state(caseId)).isEqualTo("WATCH");
		assertThat(page.body()).contains("cat-3", "预警库跟踪", "评估访谈、家校联系", "已纳入重点学生预警库");

		page = act(psych, caseId, "notify-family", "guardianName", "家长甲", "behaviourObserved", "多次流露轻生念头",
				"_guardianSigned", "on", "guardianSigned", "true", "notifiedOn", "2026-12-01");
		assertThat(state(caseId)).isEqualTo("FAMILY");

		page = act(psych, caseId, "sign-contract", "contacts.0.name", "母亲", "contacts.0.relation", "母女",
				"contacts.0.phone", "13800000000", "contacts.1.name", "", "contacts.1.relation", "", "contacts.1.phone", "",
				"contractSigned", "true", "_contractSigned", "on", "_commitmentSigned", "on", "commitmentSigned", "true");
		assertThat(state(caseId)).isEqualTo("WATCH");
		assertThat(page.body()).contains("id=\"case-against-advice\"", "母亲（母女 13800000000）");
		var contacts = jdbc.sql("""
				select details::text from warning_case_event where case_id = :c and action = 'SIGN_CONTRACT'""")
			.param("c", caseId).query(String.class).single();
		assertThat(contacts).contains("13800000000").doesNotContain("\"name\": \"\"");

		// an addendum, then voided with a reason: struck through, the reason beside it
		page = act(psych, caseId, "add-note", "note", "补充：家长同意每周电话联系");
		long note = jdbc.sql("select id from warning_case_event where case_id = :c and action = 'ADD_NOTE'")
			.param("c", caseId).query(Long.class).single();
		assertThat(page.body()).contains("id=\"entry-" + note + "\"");
		page = act(psych, caseId, "void-entry", "eventId", String.valueOf(note), "reason", "记错了学生");
		assertThat(page.body()).contains("mg-voided", "记错了学生");

		// the plan through its form; a stale version keeps what was typed
		psych.get("/cases/" + caseId);
		var saved = psych.post("/cases/" + caseId + "/plan", fields("version", "0", "rows", "2", "situation", "三类，家长拒绝转介",
				"goals", "稳定情绪", "measures.0.grid", "CLASS", "measures.0.responsible", "MENTOR",
				"measures.0.text", "每天课间留意情绪", "measures.0.frequency", "每天", "measures.1.text", "",
				"contactFrequency", "每周", "reviewDate", "2026-12-20"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		page = psych.get("/cases/" + caseId);
		assertThat(page.body()).contains("三类，家长拒绝转介", "每天课间留意情绪", "班级网格", "心导师");
		var stale = psych.post("/cases/" + caseId + "/plan", fields("version", "0", "rows", "1", "situation", "过时的修改",
				"measures.0.grid", "SCHOOL", "measures.0.responsible", "PSYCH_TEACHER", "measures.0.text", "每周约谈"));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("一生一策刚被他人修改", "过时的修改", "每周约谈", "id=\"plan-edit\" open");

		// letters for the clinical team, the report's page, the student's 个案 tab, English
		// the letters open with the page's session (the API's links would need a token), for the clinical team only
		assertThat(page.body()).contains("href=\"/cases/" + caseId + "/documents/referral.pdf\"",
				"href=\"/cases/" + caseId + "/documents/return-introduction.pdf\"", "id=\"case-files\"")
			.doesNotContain("/api/v1/cases/" + caseId + "/documents/");
		var pdf = psych.get("/cases/" + caseId + "/documents/referral.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
		assertThat(PageClient.login(port, "head1").get("/cases/" + caseId + "/documents/referral.pdf").status())
			.isEqualTo(403);
		long report = jdbc.sql("select id from warning_report where case_id = :c").param("c", caseId)
			.query(Long.class).single();
		var reportPage = psych.get("/warnings/" + report);
		assertThat(reportPage.body()).contains("href=\"/cases/" + caseId + "\"", "已在个案中完成评估")
			.doesNotContain("CASE_ASSESSED:");
		var tab = psych.get("/students/" + sc[0] + "/cases");
		assertThat(tab.status()).isEqualTo(200);
		assertThat(tab.body()).contains("href=\"/cases/" + caseId + "\"", "nav-link active");
		assertThat(psych.get("/students/" + sc[0]).body()).contains("href=\"/students/" + sc[0] + "/cases\"");
		assertThat(psych.get("/cases/" + caseId + "?lang=en").body()).contains("Category 3", "Assessment interview",
				"Support plan");
	}

	@Test
	void aRefusedFieldIsNamedAndEverythingTypedIsKept() {
		long caseId = studentWithCase()[1];
		PageClient psych = PageClient.login(port, "psych1");
		psych.get("/cases/" + caseId);
		var r = psych.post("/cases/" + caseId + "/actions/assess", fields("presentingProblem", "失眠 <b>两周</b>",
				"proposedCategory", "2", "suicideThoughts", "unknown", "interviewed", "学生本人、班主任"));
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("摘要：必填", "id=\"action-assess\" open", "失眠 &lt;b&gt;两周&lt;/b&gt;",
				"value=\"学生本人、班主任\"", "is-invalid").doesNotContain("<b>两周</b>");
		assertThat(r.body()).containsPattern("value=\"2\"[^>]*checked");
		assertThat(r.body()).containsPattern("value=\"unknown\"[^>]*selected");
		assertThat(state(caseId)).isEqualTo("REPORTED");

		r = psych.post("/cases/" + caseId + "/actions/assess", fields("summary", "x", "proposedCategory", "1",
				"assessedOn", "2026-13-45"));
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("评估日期：应为");
		r = psych.post("/cases/" + caseId + "/actions/assess?lang=en", fields("summary", "x", "proposedCategory", "7"));
		assertThat(r.body()).contains("Proposed category");
		assertThat(state(caseId)).isEqualTo("REPORTED");
		// an action the state does not allow is a message on the page, not an error page
		r = psych.post("/cases/" + caseId + "/actions/release", fields("reason", "试一下"));
		assertThat(r.status()).isEqualTo(200);
		// in words, not codes (in English: the language chosen above stays in the session's cookie)
		assertThat(r.body()).contains("id=\"case-error\"", "&quot;Released&quot; is not possible while the case is Reported");
	}

	@Test
	void aMentorSeesTheirMeasuresAndNothingClinical() {
		long[] sc = studentWithCase();
		long caseId = sc[1];
		assertThat(api.post("psych1", "/api/v1/cases/" + caseId + "/actions", Map.of("action", "assess",
				"summary", "严重抑郁倾向的评估摘要", "proposedCategory", 3, "riskFactors", "独特风险因素文本")).status()).isEqualTo(200);
		assertThat(api.post("psych1", "/api/v1/cases/" + caseId + "/actions", Map.of("action", "categorize",
				"category", 3, "reason", "评估小组的临床理由")).status()).isEqualTo(200);
		var plan = api.put("psych1", "/api/v1/cases/" + caseId + "/plan", Map.of("version", 0, "situation", "临床情况摘要",
				"measures", List.of(Map.of("grid", "CLASS", "text", "课间陪伴", "responsible", "MENTOR"),
						Map.of("grid", "MEDICAL", "text", "复诊提醒", "responsible", "PSYCH_TEACHER"))));
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);

		PageClient mentor = PageClient.login(port, "mentor1");
		var page = mentor.get("/cases/" + caseId);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"case-mentor-note\"", "课间陪伴", "mg-tick")
			.doesNotContain("严重抑郁", "独特风险因素", "临床理由", "临床情况摘要", "复诊提醒", "三类", "cat-3",
					"id=\"case-history\"", "documents/", "id=\"plan-edit\"");
		assertThat(mentor.get("/").body()).doesNotContain("href=\"/cases\"");
		String measure = plan.json().get("measures").get(0).get("id").asString();
		var tick = mentor.post("/cases/" + caseId + "/actions/tick-measure", fields("measureId", measure));
		assertThat(tick.status()).as(tick.body()).isEqualTo(302);
		assertThat(mentor.get("/cases/" + caseId).body()).contains("最近落实");
		assertThat(mentor.get("/students/" + sc[0] + "/cases").body()).contains("href=\"/cases/" + caseId + "\"")
			.doesNotContain("三类");
	}

	@Test
	void anotherSchoolsPsychologyTeacherGets404() {
		long[] sc = studentWithCase();
		long caseId = sc[1];
		PageClient other = PageClient.login(port, "psych2");
		assertThat(other.get("/cases/" + caseId).status()).isEqualTo(404);
		assertThat(other.get("/cases").body()).doesNotContain("href=\"/cases/" + caseId + "\"");
		other.get("/cases");
		var r = other.post("/cases/" + caseId + "/actions/dismiss", fields("reason", "不是我校学生"));
		assertThat(r.status()).isEqualTo(404);
		assertThat(other.get("/students/" + sc[0] + "/cases").status()).isEqualTo(404);
		assertThat(state(caseId)).isEqualTo("REPORTED");
		// a student without a case shows no case on the tab
		long none = jdbc.sql("""
				select s.id from student s where s.school_id = (select school_id from warning_case where id = :c)
				   and not exists (select 1 from warning_case w where w.student_id = s.id) order by s.id limit 1""")
			.param("c", caseId).query(Long.class).single();
		var tab = PageClient.login(port, "psych1").get("/students/" + none + "/cases");
		assertThat(tab.status()).isEqualTo(200);
		assertThat(tab.body()).contains("id=\"mg-no-cases\"").doesNotContain("id=\"case-list\"");
	}
}
