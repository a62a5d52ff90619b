package org.mindgrid.mentoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.duty.DutyRequest;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mentor's ledger over real HTTP: scope, escalation, duties, the home-visit outline and bad input. */
@IntegrationTest
class MentoringLedgerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Duties duties;

	@Autowired
	Clock clock;

	Api api;

	long student;

	long mentor1;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		mentor1 = userId("mentor1");
		student = jdbc.sql("""
				select student_id from student_access where user_id = :user and level = 2
				 order by student_id limit 1""").param("user", mentor1).query(Long.class).single();
	}

	@Test
	void mentorLogsATalkAndTheTimelineShowsIt() {
		var r = api.post("mentor1", "/api/v1/talks", talk(student, false));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		JsonNode talk = r.json();
		long id = talk.get("id").asLong();
		assertThat(talk.get("topics").asString()).isEqualTo("学习压力与同伴关系");
		assertThat(talk.get("warningReport").isNull()).isTrue();
		assertThat(talk.get("createdBy").asString()).isNotBlank();

		var timeline = api.get("mentor1", "/api/v1/students/" + student + "/timeline?kind=TALK");
		assertThat(timeline.status()).isEqualTo(200);
		JsonNode items = timeline.json().get("items");
		assertThat(timeline.json().get("total").asLong()).isPositive();
		assertThat(items.toString()).contains("/students/" + student + "/talks/" + id);
		assertThat(items.get(0).get("kind").asString()).isEqualTo("TALK");
		assertThat(audits("TALK_CREATE", "talk/" + id)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TIMELINE_READ' and student_id = :s")
			.param("s", student).query(Long.class).single()).isPositive();

		var read = api.get("head1", "/api/v1/talks/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(audits("TALK_READ", "talk/" + id)).isEqualTo(1);
	}

	@Test
	void urgentEscalationRaisesAWarningReportAndNotifiesThePsychologyTeacher() {
		long psych1 = userId("psych1");
		Map<String, Object> body = talk(student, false);
		body.put("escalate", "URGENT");
		var r = api.post("mentor1", "/api/v1/talks", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long talkId = r.json().get("id").asLong();
		JsonNode report = r.json().get("warningReport");
		assertThat(report.get("urgency").asString()).isEqualTo("URGENT");
		long reportId = report.get("id").asLong();

		// The student's open report (raised now, or earlier and joined: ADR 0018) lists the talk as a source.
		var row = jdbc.sql("""
				select w.student_id, w.urgency, w.status, rs.urgency as source_urgency from warning_report w
				  join warning_report_source rs on rs.report_id = w.id
				 where w.id = :id and rs.source_kind = 'TALK' and rs.source_id = :talk""")
			.param("id", reportId).param("talk", talkId).query().singleRow();
		assertThat(row).containsEntry("student_id", student).containsEntry("urgency", "URGENT")
			.containsEntry("status", "OPEN").containsEntry("source_urgency", "URGENT");
		assertThat(jdbc.sql("select count(*) from notification where user_id = :u and link = :link")
			.param("u", psych1).param("link", "/warnings/" + reportId).query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select warning_report_id from talk where id = :id").param("id", talkId)
			.query(Long.class).single()).isEqualTo(reportId);

		// Once per record.
		var again = api.post("mentor1", "/api/v1/talks/" + talkId + "/escalation", Map.of("urgency", "HIGH"));
		assertThat(again.status()).isEqualTo(409);
		// A contact escalated later, with the default urgency.
		var contact = api.post("mentor1", "/api/v1/contacts",
				Map.of("studentId", student, "channel", "WECHAT", "content", "家长反映孩子周末情绪低落"));
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		var later = api.post("mentor1", "/api/v1/contacts/" + contact.json().get("id").asLong() + "/escalation",
				Map.of());
		assertThat(later.status()).as(later.body()).isEqualTo(201);
		// It joins the open urgent report: a later, less urgent sign never lowers the urgency (ADR 0018).
		assertThat(later.json().get("id").asLong()).isEqualTo(reportId);
		assertThat(later.json().get("urgency").asString()).isEqualTo("URGENT");
	}

	@Test
	void listOnlyCallersGet403AndOtherSchoolsGet404() {
		assertThat(api.post("staff1", "/api/v1/talks", talk(student, false)).status()).isEqualTo(403);
		assertThat(api.get("staff1", "/api/v1/students/" + student + "/timeline").status()).isEqualTo(403);
		assertThat(api.post("psych2", "/api/v1/talks", talk(student, false)).status()).isEqualTo(404);
		assertThat(api.get("psych2", "/api/v1/students/" + student + "/timeline").status()).isEqualTo(404);
		assertThat(api.post("psych2", "/api/v1/contacts",
				Map.of("studentId", student, "channel", "PHONE", "content", "x")).status()).isEqualTo(404);
		long talk = api.post("mentor1", "/api/v1/talks", talk(student, false)).json().get("id").asLong();
		assertThat(api.get("staff1", "/api/v1/talks/" + talk).status()).isEqualTo(403);
		assertThat(api.get("psych2", "/api/v1/talks/" + talk).status()).isEqualTo(404);
		assertThat(api.get("psych2", "/api/v1/students/" + student + "/timeline.pdf").status()).isEqualTo(404);
	}

	@Test
	void homeVisitAnswersRoundTripAndCloseVisitDuties() {
		long mentor2 = userId("mentor2");
		var s = jdbc.sql("select school_id, class_id from student where id = :id").param("id", student)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		Instant due = clock.instant().plus(Duration.ofDays(1));
		long trigger = duties.open(new DutyRequest(DutyKind.TRIGGER_HOME_VISIT, s[0], student, s[1], mentor2, due,
				"TEST_HV", System.nanoTime(), null));
		long currentSemester = jdbc.sql("select id from semester where school_id = :s and current").param("s", s[0])
			.query(Long.class).single();
		long semester = duties.open(new DutyRequest(DutyKind.SEMESTER_HOME_VISIT, s[0], null, s[1], mentor1, due,
				"TEST_HV", System.nanoTime(), currentSemester));

		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("a1", Map.of("record", "活泼开朗，假期里和父母交流变少", "judgment", "比平时沉默"));
		answers.put("a3", Map.of("record", "作业多，有些焦虑", "judgment", "PRESSURE_4"));
		answers.put("b2", Map.of("record", "偶尔发脾气", "judgment", List.of("S10", "S12")));
		var r = api.post("mentor1", "/api/v1/home-visits", Map.of("studentId", student, "visitedAt",
				clock.instant().minus(Duration.ofHours(2)).toString(), "interviewee", "李女士", "relation", "母亲",
				"durationMinutes", 45, "answers", answers, "categories", List.of("POOR_PARENT_CHILD")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();

		JsonNode read = api.get("mentor1", "/api/v1/home-visits/" + id).json();
		assertThat(read.get("answers").get("a3").get("judgment").get(0).asString()).isEqualTo("PRESSURE_4");
		assertThat(read.get("answers").get("b2").get("judgment").toString()).isEqualTo("[\"S10\",\"S12\"]");
		assertThat(read.get("answers").get("a1").get("judgment").get(0).asString()).isEqualTo("比平时沉默");
		assertThat(read.get("answers").get("b2").get("record").asString()).isEqualTo("偶尔发脾气");
		assertThat(read.get("categories").toString()).isEqualTo("[\"POOR_PARENT_CHILD\"]");
		assertThat(read.get("durationMinutes").asInt()).isEqualTo(45);
		assertThat(read.get("warningReport").isNull()).isTrue();

		assertThat(status(trigger)).isEqualTo("DONE");
		assertThat(status(semester)).isEqualTo("DONE");
	}

	@Test
	void aRedSignInAHomeVisitEscalatesUrgently() {
		var r = api.post("mentor1", "/api/v1/home-visits", Map.of("studentId", student, "visitedAt",
				clock.instant().toString(), "interviewee", "王先生", "relation", "父亲",
				"answers", Map.of("b4", Map.of("record", "孩子说过不想活了", "judgment", List.of("S1")))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("warningReport").get("urgency").asString()).isEqualTo("URGENT");
		long reportId = r.json().get("warningReport").get("id").asLong();
		// The visit's own source carries its sign; the student's report (perhaps joined: ADR 0018) has it among its signs.
		long visitId = r.json().get("id").asLong();
		assertThat(jdbc.sql("""
				select signs::text from warning_report_source
				 where report_id = :id and source_kind = 'HOME_VISIT' and source_id = :visit""")
			.param("id", reportId).param("visit", visitId).query(String.class).single()).isEqualTo("{1}");
		assertThat(jdbc.sql("select 1 = any(signs) from warning_report where id = :id").param("id", reportId)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void aTalkClosesTheStudentsSemesterTalkDuty() {
		var s = jdbc.sql("select school_id, class_id from student where id = :id").param("id", student)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long duty = duties.open(new DutyRequest(DutyKind.SEMESTER_TALK, s[0], student, s[1], mentor1,
				clock.instant().plus(Duration.ofDays(30)), "TEST_TALK", System.nanoTime(), null));
		assertThat(status(duty)).isEqualTo("OPEN");
		assertThat(api.post("mentor1", "/api/v1/talks", talk(student, false)).status()).isEqualTo(201);
		assertThat(status(duty)).isEqualTo("DONE");
	}

	@Test
	void recordsAreNeverEditedOnlyVoidedOrAmended() {
		long id = api.post("mentor1", "/api/v1/talks", talk(student, false)).json().get("id").asLong();
		var addendum = api.post("head1", "/api/v1/talks/" + id + "/addenda", Map.of("text", "补充：家长已知情"));
		assertThat(addendum.status()).as(addendum.body()).isEqualTo(201);
		assertThat(addendum.json().get("addenda").get(0).get("text").asString()).isEqualTo("补充：家长已知情");
		assertThat(api.post("head1", "/api/v1/talks/" + id + "/void", Map.of("reason", "记错学生")).status())
			.isEqualTo(409);
		assertThat(api.post("mentor1", "/api/v1/talks/" + id + "/void", Map.of()).status()).isEqualTo(400);
		var voided = api.post("mentor1", "/api/v1/talks/" + id + "/void", Map.of("reason", "记错学生"));
		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.json().get("voided").get("reason").asString()).isEqualTo("记错学生");
		assertThat(api.post("mentor1", "/api/v1/talks/" + id + "/escalation", Map.of()).status()).isEqualTo(409);
		assertThatThrownBy(() -> jdbc.sql("delete from talk where id = :id").param("id", id).update())
			.rootCause().hasMessageContaining("never deleted");
		assertThatThrownBy(() -> jdbc.sql("update talk set topics = 'x' where id = :id").param("id", id).update())
			.rootCause().hasMessageContaining("never edited");
	}

	@Test
	void badInputIs400ProblemInChinese() {
		Map<String, Object> noStudent = talk(student, false);
		noStudent.remove("studentId");
		var missing = api.post("mentor1", "/api/v1/talks", noStudent);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("detail").asString()).contains("提交的内容有误");
		assertThat(missing.json().get("errors").get("studentId").asString()).contains("学生");

		var channel = api.post("mentor1", "/api/v1/contacts",
				Map.of("studentId", student, "channel", "FAX", "content", "传真"));
		assertThat(channel.status()).isEqualTo(400);
		assertThat(channel.contentType()).startsWith("application/problem+json");
		assertThat(channel.json().get("detail").asString()).contains("联系方式");

		Map<String, Object> future = talk(student, false);
		future.put("date", LocalDate.now(clock).plusDays(1).toString());
		var ahead = api.post("mentor1", "/api/v1/talks", future);
		assertThat(ahead.status()).isEqualTo(400);
		assertThat(ahead.json().get("detail").asString()).contains("不能晚于今天");

		var question = api.post("mentor1", "/api/v1/home-visits", Map.of("studentId", student, "visitedAt",
				clock.instant().toString(), "interviewee", "李女士", "relation", "母亲",
				"answers", Map.of("a3", Map.of("judgment", "S1"))));
		assertThat(question.status()).isEqualTo(400);
		assertThat(question.json().get("detail").asString()).contains("a3");

		var escalate = talk(student, false);
		escalate.put("escalate", "SOON");
		assertThat(api.post("mentor1", "/api/v1/talks", escalate).status()).isEqualTo(400);
		assertThat(api.get("mentor1", "/api/v1/students/" + student + "/timeline?kind=NOPE").status()).isEqualTo(400);
	}

	private Map<String, Object> talk(long studentId, Object escalate) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("studentId", studentId);
		body.put("date", LocalDate.now(clock).toString());
		body.put("place", "心理辅导室");
		body.put("topics", "学习压力与同伴关系");
		body.put("state", "情绪平稳，偶有焦虑");
		body.put("followUp", "两周后再谈");
		body.put("escalate", escalate);
		return body;
	}

	private long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private String status(long dutyId) {
		return jdbc.sql("select status from duty where id = :id").param("id", dutyId).query(String.class).single();
	}

	private long audits(String action, String resource) {
		return jdbc.sql("select count(*) from audit_event where action = :a and resource = :r")
			.param("a", action).param("r", resource).query(Long.class).single();
	}
}
