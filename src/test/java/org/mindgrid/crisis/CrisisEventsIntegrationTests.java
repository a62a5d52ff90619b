package org.mindgrid.crisis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.crisis.events.ReportClock;
import org.mindgrid.screening.ScreeningFixture;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 points 1–4, 6 and 7 over real HTTP: raising an event (the student's case at category 3 pending review,
 * the team told), one test per action of {@code CrisisAction}, the 1-hour report and its clock moved forward, who
 * reaches an event, and what an attacker sends. Each test raises on students of its own class.
 */
@IntegrationTest
class CrisisEventsIntegrationTests {

	static final String EVENTS = "/api/v1/crisis-events";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ReportClock reportClock;

	Api api;

	ScreeningFixture.TestClass klass;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		klass = ScreeningFixture.newClass(jdbc, 7, 3);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long raise(String user, Long studentId) {
		Map<String, Object> body = new HashMap<>(Map.of("kind", "SELF_HARM", "place", "教学楼三楼", "summary", "课间发现手腕划伤"));
		if (studentId != null) {
			body.put("studentId", studentId);
		}
		else {
			body.put("studentHint", "七年级女生，短发");
		}
		Api.Response r = api.post(user, EVENTS, body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private JsonNode event(String user, long id) {
		Api.Response r = api.get(user, EVENTS + "/" + id);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private Api.Response act(String user, long id, Map<String, Object> body) {
		return api.post(user, EVENTS + "/" + id + "/actions", body);
	}

	private long user(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private long notices(String username, String key, long eventId) {
		return jdbc.sql("select count(*) from notification where user_id = :u and message_key = :k and link = :l")
			.param("u", user(username)).param("k", key).param("l", "/crisis/" + eventId).query(Long.class).single();
	}

	private static Map<String, Object> fullReport() {
		return Map.of("whatHappened", "学生课间在厕所用小刀划伤手腕，同学发现后报告班主任。", "currentState", "已送医，生命体征平稳",
				"contactPerson", "林若曦", "contactPhone", "0574-87000000");
	}

	@Test
	void raisingOpensTheStudentsCaseAtCategoryThreePendingReviewAndTellsTheTeam() {
		long student = klass.students().get(0);
		Instant before = Instant.now();
		Api.Response r = api.post("staff1", EVENTS, Map.of("studentId", student, "kind", "SUICIDE_ATTEMPT",
				"place", "操场", "summary", "爬上栏杆"));
		// staff1 teaches 八年级（1）班 only: this student is outside their scope, as if it did not exist
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.json().get("field").asString()).isEqualTo("studentId");

		r = api.post("psych1", EVENTS, Map.of("studentId", student, "kind", "SUICIDE_ATTEMPT", "place", "操场",
				"summary", "爬上栏杆，被老师拉下"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		Instant due = Instant.parse(r.json().get("reportDueAt").asString());
		assertThat(Duration.between(before, due)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
		var kase = jdbc.sql("select id, category, in_database from warning_case where student_id = :s and ended_at is null")
			.param("s", student).query((rs, i) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getBoolean(3) }).single();
		assertThat(kase[1]).isEqualTo(3);
		assertThat(kase[2]).isEqualTo(true);
		assertThat(r.json().get("caseId").asLong()).isEqualTo((Long) kase[0]);
		assertThat(jdbc.sql("""
				select count(*) from warning_case_event where case_id = :c and action = 'CRISIS_EVENT'
				   and details->>'provisionalCategory' = '3'""").param("c", kase[0]).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("""
				select urgency from warning_report where student_id = :s and source_kind = 'CRISIS_EVENT' and source_id = :e""")
			.param("s", student).param("e", id).query(String.class).single()).isEqualTo("URGENT");
		for (String told : List.of("principal1", klass.headTeacher())) {
			assertThat(notices(told, "notification.crisis.raised", id)).as(told).isEqualTo(1);
		}
		assertThat(notices("psych1", "notification.crisis.raised", id)).as("the raiser is not told of their own").isZero();
		assertThat(notices("psych2", "notification.crisis.raised", id)).isZero();
		JsonNode head = event(klass.headTeacher(), id);
		assertThat(head.get("reach").asString()).isEqualTo("HEAD_TEACHER");
		assertThat(head.get("caseId").asLong()).isEqualTo((Long) kase[0]);
		assertThat(head.get("reportStatus").asString()).isEqualTo("DUE");
		assertThat(head.get("steps")).hasSize(5);
	}

	@Test
	void theBureauReadsItsAreasEventsByNameAndNothingElseReachesThem() {
		long student = klass.students().get(1);
		String name = jdbc.sql("select name from student where id = :s").param("s", student).query(String.class).single();
		long id = raise("psych1", student);
		JsonNode d = event("district", id);
		assertThat(d.get("studentName").asString()).isEqualTo(name);
		assertThat(d.get("reach").asString()).isEqualTo("DISTRICT");
		assertThat(d.get("caseId").isNull()).as("the case stays with the school").isTrue();
		assertThat(d.get("allowedActions")).isEmpty();
		assertThat(d.get("canAcknowledge").asBoolean()).isTrue();
		assertThat(event("city", id).get("reach").asString()).isEqualTo("CITY");
		for (String outsider : List.of("psych2", "principal2", "mentor1", "committee1", "admin")) {
			assertThat(api.get(outsider, EVENTS + "/" + id).status()).as(outsider).isEqualTo(404);
			assertThat(act(outsider, id, Map.of("action", "call-doctor")).status()).as(outsider).isEqualTo(404);
		}
		assertThat(ids(api.get("district", EVENTS + "?size=200"))).contains(id);
		assertThat(ids(api.get("psych2", EVENTS + "?size=200"))).doesNotContain(id);
		assertThat(ids(api.get("principal2", EVENTS + "?size=200"))).doesNotContain(id);
		Api.Response bureau = act("district", id, Map.of("action", "call-doctor"));
		assertThat(bureau.status()).isEqualTo(403);
		assertThat(bureau.json().get("code").asString()).isEqualTo("crisis.bureau-reads");
		assertThat(api.post("district", EVENTS + "/" + id + "/report", fullReport()).status()).isEqualTo(403);
		// reads by the bureau are audited with who and what
		assertThat(jdbc.sql("""
				select count(*) from audit_event a
				 where a.username = 'district' and a.action = 'CRISIS_EVENT_READ' and a.resource = :r""")
			.param("r", "crisis-event/" + id).query(Long.class).single()).isPositive();
	}

	@Test
	void aSubjectTeacherRaisesAndReadsOnlyWhatTheyRaised() {
		long own = raise("staff1", null);
		long other = raise("psych1", klass.students().get(2));
		JsonNode d = event("staff1", own);
		assertThat(d.get("reach").asString()).isEqualTo("RAISER");
		assertThat(d.get("studentId").isNull()).isTrue();
		assertThat(d.get("studentHint").isNull()).as("the raiser reads the event, not the team's notes").isTrue();
		assertThat(api.get("staff1", EVENTS + "/" + other).status()).isEqualTo(404);
		List<Long> listed = ids(api.get("staff1", EVENTS + "?size=200"));
		assertThat(listed).contains(own).doesNotContain(other);
		long raisedByOthers = jdbc.sql("""
				select count(*) from crisis_event e where e.id = any(cast(:ids as bigint[]))
				   and e.raised_by <> :u""").param("ids", listed.toArray(Long[]::new)).param("u", user("staff1"))
			.query(Long.class).single();
		assertThat(raisedByOthers).as("staff1 holds no team or head-teacher post").isZero();
		// the raiser may tick a first-time action at the scene, not aftercare or close
		assertThat(act("staff1", own, Map.of("action", "call-doctor")).status()).isEqualTo(201);
		assertThat(act("staff1", own, Map.of("action", "aftercare", "personKind", "STUDENT", "person", "同学",
				"givenBy", "心理教师", "what", "安抚")).status()).isEqualTo(403);
		// the team names the student later; then the student's case joins the event
		Api.Response named = act("psych1", own, Map.of("action", "identify-student", "studentId", klass.students().get(0)));
		assertThat(named.status()).as(named.body()).isEqualTo(201);
		assertThat(named.json().get("event").get("studentId").asLong()).isEqualTo(klass.students().get(0));
		assertThat(named.json().get("event").get("caseId").isNull()).isFalse();
		assertThat(act("psych1", own, Map.of("action", "identify-student", "studentId", klass.students().get(1)))
			.status()).isEqualTo(409);
	}

	@Test
	void eachFirstTimeActionIsTickedOnceWithTimeAndWhoOrMarkedNotApplicable() {
		long id = raise("psych1", klass.students().get(0));
		Instant at = Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		for (String step : List.of("call-doctor", "send-to-hospital", "inform-police", "notify-parents")) {
			Api.Response r = act(step.equals("notify-parents") ? klass.headTeacher() : "principal1", id,
					Map.of("action", step, "at", at.toString(), "note", "矩阵"));
			assertThat(r.status()).as(step + r.body()).isEqualTo(201);
			Api.Response again = act("psych1", id, Map.of("action", step));
			assertThat(again.status()).as(step).isEqualTo(409);
			assertThat(again.json().get("code").asString()).isEqualTo("crisis.step-done");
		}
		JsonNode d = event("psych1", id);
		JsonNode doctor = d.get("steps").get(0);
		assertThat(doctor.get("step").asString()).isEqualTo("call-doctor");
		assertThat(doctor.get("state").asString()).isEqualTo("DONE");
		assertThat(doctor.get("by").asString()).isEqualTo("孙建平");
		assertThat(Instant.parse(doctor.get("at").asString())).isEqualTo(at);
		assertThat(d.get("steps").get(3).get("by").asString()).isEqualTo("普查班主任");
		// report-upward: ticked by hand, or by the 1-hour report (below, another event)
		assertThat(act("psych1", id, Map.of("action", "report-upward")).status()).isEqualTo(201);
		assertThat(event("psych1", id).path("allowedActions").toString()).doesNotContain("\"call-doctor\"")
			.doesNotContain("not-applicable");

		long other = raise("psych1", klass.students().get(1));
		Api.Response noReason = act("psych1", other, Map.of("action", "not-applicable", "step", "inform-police"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
		Api.Response badStep = act("psych1", other, Map.of("action", "not-applicable", "step", "call-mom", "reason", "x"));
		assertThat(badStep.status()).isEqualTo(400);
		assertThat(badStep.json().get("field").asString()).isEqualTo("step");
		assertThat(act("psych1", other, Map.of("action", "not-applicable", "step", "inform-police",
				"reason", "无伤害他人情形")).status()).isEqualTo(201);
		JsonNode police = event("psych1", other).get("steps").get(2);
		assertThat(police.get("state").asString()).isEqualTo("NOT_APPLICABLE");
		assertThat(police.get("note").asString()).isEqualTo("无伤害他人情形");
		assertThat(act("psych1", other, Map.of("action", "inform-police")).status()).isEqualTo(409);
	}

	@Test
	void aftercareFollowUpCooperationVoidAndClose() {
		long id = raise("psych1", klass.students().get(0));
		Api.Response care = act("psych1", id, Map.of("action", "aftercare", "personKind", "STUDENT", "person",
				"同桌张同学", "givenBy", "林若曦", "what", "个别心理疏导 40 分钟"));
		assertThat(care.status()).as(care.body()).isEqualTo(201);
		assertThat(act("psych1", id, Map.of("action", "aftercare", "personKind", "NEIGHBOUR", "person", "x", "givenBy",
				"x", "what", "x")).json().get("field").asString()).isEqualTo("personKind");

		long mentor = user("mentor1");
		String dueOn = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString();
		Api.Response follow = act(klass.headTeacher(), id, Map.of("action", "follow-up", "relation", "WITNESS",
				"person", "目击同学李某", "assigneeUserId", mentor, "dueOn", dueOn));
		assertThat(follow.status()).as(follow.body()).isEqualTo(201);
		long followId = follow.json().get("id").asLong();
		assertThat(jdbc.sql("""
				select status from duty where kind = 'CRISIS_FOLLOW_UP' and source_kind = 'CRISIS_ENTRY' and source_id = :e
				   and assignee_user_id = :u""").param("e", followId).param("u", mentor).query(String.class).single())
			.isEqualTo("OPEN");
		Api.Response outsider = act("psych1", id, Map.of("action", "follow-up", "relation", "CLASS", "person", "全班",
				"assigneeUserId", user("psych2"), "dueOn", dueOn));
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(outsider.json().get("field").asString()).isEqualTo("assigneeUserId");
		Api.Response coop = act("principal1", id, Map.of("action", "cooperation", "department", "PRESS",
				"note", "与区委宣传部沟通舆情应对口径"));
		assertThat(coop.status()).isEqualTo(201);

		// a void keeps the entry, struck, and cancels its follow-up duty
		assertThat(act(klass.headTeacher(), id, Map.of("action", "void", "entryId", followId, "reason", "x")).status())
			.isEqualTo(403);
		Api.Response voided = act("psych1", id, Map.of("action", "void", "entryId", followId, "reason", "重复录入"));
		assertThat(voided.status()).as(voided.body()).isEqualTo(201);
		assertThat(jdbc.sql("select status from duty where source_kind = 'CRISIS_ENTRY' and source_id = :e")
			.param("e", followId).query(String.class).single()).isEqualTo("CANCELLED");
		JsonNode entries = voided.json().get("event").get("entries");
		boolean struck = false;
		for (JsonNode e : entries) {
			if (e.get("id").asLong() == followId) {
				struck = !e.get("voidedBy").isNull();
			}
		}
		assertThat(struck).isTrue();
		assertThat(act("psych1", id, Map.of("action", "void", "entryId", followId, "reason", "again")).status())
			.isEqualTo(400);

		// close: not before the report is in and every step is done or does not apply
		Api.Response early = act("psych1", id, Map.of("action", "close"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("code").asString()).isEqualTo("crisis.close-no-report");
		assertThat(api.post("psych1", EVENTS + "/" + id + "/report", Map.of("whatHappened", "经过", "place", "教学楼",
				"currentState", "平稳", "contactPerson", "林若曦", "contactPhone", "0574-87000000")).status()).isEqualTo(201);
		assertThat(act("psych1", id, Map.of("action", "close")).json().get("code").asString())
			.isEqualTo("crisis.close-open-steps");
		for (String step : List.of("call-doctor", "send-to-hospital", "notify-parents")) {
			assertThat(act("psych1", id, Map.of("action", step)).status()).isEqualTo(201);
		}
		assertThat(act("psych1", id, Map.of("action", "not-applicable", "step", "inform-police", "reason", "无"))
			.status()).isEqualTo(201);
		assertThat(act(klass.headTeacher(), id, Map.of("action", "close")).status()).isEqualTo(403);
		Api.Response closed = act("psych1", id, Map.of("action", "close"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(201);
		assertThat(closed.json().get("event").get("closedAt").isNull()).isFalse();
		Api.Response after = act("psych1", id, Map.of("action", "cooperation", "department", "POLICE", "note", "x"));
		assertThat(after.status()).isEqualTo(409);
		assertThat(after.json().get("code").asString()).isEqualTo("crisis.closed");
		assertThat(ids(api.get("psych1", EVENTS + "?state=CLOSED&size=200"))).contains(id);
		assertThat(ids(api.get("psych1", EVENTS + "?state=OPEN&size=200"))).doesNotContain(id);
	}

	@Test
	void theReportGoesToTheDistrictTicksReportUpwardAndFollowUpsAppendToIt() {
		long id = raise("psych1", klass.students().get(0));
		Api.Response missing = api.post("psych1", EVENTS + "/" + id + "/report", Map.of("whatHappened", "经过"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("field").asString()).isIn("currentState", "contactPerson");
		assertThat(api.post(klass.headTeacher(), EVENTS + "/" + id + "/report", fullReport()).status()).isEqualTo(403);
		Api.Response first = api.post("principal1", EVENTS + "/" + id + "/report", fullReport());
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("kind").asString()).isEqualTo("INITIAL");
		assertThat(first.json().get("reportStatus").get("status").asString()).isEqualTo("ON_TIME");
		assertThat(notices("district", "notification.crisis.report", id)).isEqualTo(1);
		JsonNode d = event("district", id);
		assertThat(d.get("steps").get(4).get("state").asString()).isEqualTo("DONE");
		assertThat(d.get("reports").get(0).get("content").get("place").asString()).isEqualTo("教学楼三楼");
		Api.Response follow = api.post("psych1", EVENTS + "/" + id + "/report", Map.of("whatHappened", "续报"));
		assertThat(follow.status()).isEqualTo(400);
		assertThat(follow.json().get("field").asString()).isEqualTo("currentState");
		follow = api.post("psych1", EVENTS + "/" + id + "/report", Map.of("currentState", "已出院，在家休养"));
		assertThat(follow.status()).isEqualTo(201);
		assertThat(follow.json().get("kind").asString()).isEqualTo("FOLLOW_UP");
		assertThat(notices("district", "notification.crisis.follow-up", id)).isEqualTo(1);
		long reportId = first.json().get("id").asLong();
		String ack = EVENTS + "/" + id + "/report/" + reportId + "/acknowledge";
		assertThat(api.post("psych1", ack, Map.of()).status()).isEqualTo(403);
		assertThat(api.post("city", ack, Map.of()).status()).isEqualTo(403);
		Api.Response ok = api.post("district", ack, Map.of());
		assertThat(ok.status()).isEqualTo(200);
		assertThat(api.post("district", ack, Map.of()).json().get("acknowledgedAt").asString())
			.isEqualTo(ok.json().get("acknowledgedAt").asString());
		assertThat(api.post("district", EVENTS + "/" + id + "/report/99999999/acknowledge", Map.of()).status())
			.isEqualTo(404);
		assertThat(notices("principal1", "notification.crisis.acknowledged", id)).isEqualTo(1);
		assertThat(event("psych1", id).get("reports").get(0).get("acknowledgedBy").asString()).isEqualTo("海曙区教育局 陈丽华");
	}

	/** The clock moved: reminders at 40 minutes, overdue at 61 for the district; a report at 30 is on time. */
	@Test
	void theEventPageShowsTheReportAndTheEntriesDetails() {
		// a map indexed by a loop variable in SpEL (content[f]) reads the key "f": the page showed nothing of either
		long id = raise("psych1", klass.students().get(0));
		assertThat(act("psych1", id, Map.of("action", "notify-parents", "note", "已电话告知学生母亲王女士")).status()).isEqualTo(201);
		assertThat(api.post("psych1", EVENTS + "/" + id + "/report", Map.of("whatHappened", "课间在厕所划伤手腕",
				"place", "教学楼", "currentState", "已送医平稳", "contactPerson", "林若曦", "contactPhone", "0574-87000000"))
			.status()).isEqualTo(201);
		var page = org.mindgrid.support.PageClient.login(port, "psych1").get("/crisis/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("课间在厕所划伤手腕", "已送医平稳", "0574-87000000", "学生母亲王女士");
	}

	@Test
	void theOneHourClock() {
		for (String u : List.of("psych1", "principal1", "district", "city")) {
			api.token(u);
		}
		long onTime = raise("psych1", klass.students().get(0));
		long late = raise("psych1", klass.students().get(1));
		try {
			clock.advance(Duration.ofMinutes(30));
			Api.Response r = api.post("psych1", EVENTS + "/" + onTime + "/report", fullReport());
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			assertThat(event("district", onTime).get("reportStatus").asString()).isEqualTo("ON_TIME");

			clock.advance(Duration.ofMinutes(11));
			reportClock.run();
			assertThat(notices("principal1", "notification.crisis.report-reminder", late)).isEqualTo(1);
			assertThat(notices("psych1", "notification.crisis.report-reminder", late)).as("leaders only at 40").isZero();
			assertThat(notices("principal1", "notification.crisis.report-reminder", onTime)).isZero();
			reportClock.run();
			assertThat(notices("principal1", "notification.crisis.report-reminder", late)).as("once per level").isEqualTo(1);

			clock.advance(Duration.ofMinutes(10));
			reportClock.run();
			assertThat(notices("psych1", "notification.crisis.report-reminder", late)).isEqualTo(1);
			assertThat(notices("principal1", "notification.crisis.report-reminder", late)).isEqualTo(2);
			assertThat(notices("district", "notification.crisis.report-overdue", late)).isZero();

			clock.advance(Duration.ofMinutes(10));
			reportClock.run();
			assertThat(notices("district", "notification.crisis.report-overdue", late)).isEqualTo(1);
			JsonNode seen = null;
			for (JsonNode item : api.get("district", EVENTS + "?flagged=true&size=200").json().get("items")) {
				if (item.get("id").asLong() == late) {
					seen = item;
				}
			}
			assertThat(seen).as("flagged on the district's board").isNotNull();
			assertThat(seen.get("reportStatus").asString()).isEqualTo("OVERDUE");
			assertThat(seen.get("lateMinutes").asLong()).isEqualTo(1);
			assertThat(seen.get("studentId").asLong()).isEqualTo(klass.students().get(1));
			assertThat(seen.get("kind").asString()).isEqualTo("SELF_HARM");
			assertThat(seen.get("occurredAt").isNull()).isFalse();
			assertThat(ids(api.get("district", EVENTS + "?flagged=true&size=200"))).doesNotContain(onTime);

			clock.advance(Duration.ofMinutes(4));
			Api.Response lateReport = api.post("psych1", EVENTS + "/" + late + "/report", fullReport());
			assertThat(lateReport.json().get("reportStatus").get("status").asString()).isEqualTo("LATE");
			assertThat(lateReport.json().get("reportStatus").get("lateMinutes").asLong()).isEqualTo(5);
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void whatAnAttackerSendsGetsAFieldNamedAnswerNeverA500() {
		long id = raise("psych1", klass.students().get(0));
		List<Object[]> cases = List.of(
				new Object[] { Map.of("kind", "BOGUS"), "kind" },
				new Object[] { Map.of("kind", "OTHER", "summary", "a\u0000b"), "summary" },
				new Object[] { Map.of("kind", "OTHER", "summary", "长".repeat(4001)), "summary" },
				new Object[] { Map.of("kind", "OTHER", "occurredAt", "9999-12-31T23:59:59Z"), "occurredAt" },
				new Object[] { Map.of("kind", "OTHER", "occurredAt", "1900-01-01T00:00:00Z"), "occurredAt" },
				new Object[] { Map.of("kind", "OTHER", "occurredAt", "yesterday"), "occurredAt" },
				new Object[] { Map.of("kind", "OTHER", "studentId", "1; drop table student"), "studentId" },
				new Object[] { Map.of("kind", "OTHER", "studentId", -5), "studentId" },
				new Object[] { Map.of("kind", List.of("OTHER")), "kind" });
		for (Object[] c : cases) {
			Api.Response r = api.post("psych1", EVENTS, c[0]);
			assertThat(r.status()).as(c[0].toString().substring(0, Math.min(60, c[0].toString().length())))
				.isEqualTo(400);
			assertThat(field(r)).as(r.body()).isEqualTo(c[1]);
		}
		assertThat(api.post("psych1", EVENTS, Map.of("kind", "OTHER", "studentId", 9_000_000_000L)).status())
			.isEqualTo(404);
		Api.Response en = api.post("psych1", EVENTS + "?lang=en", Map.of("kind", "OTHER", "place", "x".repeat(201)));
		assertThat(en.json().get("detail").asString()).contains("Where", "200");
		Api.Response zh = api.post("psych1", EVENTS, Map.of("kind", "OTHER", "place", "x".repeat(201)));
		assertThat(zh.json().get("detail").asString()).contains("地点");
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("action", "fly"),
				Map.of("action", "call-doctor", "at", "2026-13-45T99:00"), Map.of("action", "void", "entryId", "x"),
				Map.of("action", "follow-up", "relation", "WITNESS", "person", "p", "assigneeUserId", user("mentor1"),
						"dueOn", "2999-01-01"),
				Map.of("action", "aftercare", "personKind", "STUDENT", "person", "p\u0000", "givenBy", "g", "what", "w"))) {
			Api.Response r = act("psych1", id, body);
			assertThat(r.status()).as(body.toString()).isEqualTo(400);
			assertThat(field(r)).as(r.body()).isNotNull();
		}
		Api.Response huge = api.send("psych1", java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + EVENTS))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"OTHER\",\"summary\":\""
					+ "x".repeat(3_000_000) + "\"}")));
		assertThat(huge.status()).isBetween(400, 499);
		assertThat(api.get("psych1", EVENTS + "?state=MAYBE").json().get("field").asString()).isEqualTo("state");
		assertThat(api.get("psych1", EVENTS + "/abc").status()).isEqualTo(400);
	}

	@Test
	void twoPeopleTickingTheSameStepAtOnceEndInOneTick() throws Exception {
		long id = raise("psych1", klass.students().get(0));
		List<String> users = List.of("psych1", "principal1", klass.headTeacher(), "psych1", "principal1", "psych1");
		users.forEach(api::token);
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (String u : users) {
				Callable<Integer> tick = () -> act(u, id, Map.of("action", "send-to-hospital")).status();
				answers.add(pool.submit(tick));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : answers) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from crisis_entry where event_id = :e and step = 'SEND_TO_HOSPITAL'")
			.param("e", id).query(Long.class).single()).isEqualTo(1);
	}

	/** The demo's handled event: closed, its review closed by the district with the gap the history has. */
	@Test
	void theDemoHasAHandledEventReviewedByTheDistrict() {
		long id = jdbc.sql("select id from crisis_event where summary like '午休时同学发现%' and closed_at is not null")
			.query(Long.class).single();
		JsonNode e = event("district", id);
		assertThat(e.get("reportStatus").asString()).isEqualTo("ON_TIME");
		assertThat(e.get("reports").get(0).get("acknowledgedAt").isNull()).isFalse();
		JsonNode review = api.get("district", EVENTS + "/" + id + "/review").json();
		assertThat(review.get("state").asString()).isEqualTo("CLOSED");
		List<String> rules = new ArrayList<>();
		review.get("gaps").forEach(g -> rules.add(g.get("rule").asString()));
		assertThat(rules).contains("NO_TALK_THIS_SEMESTER");
		assertThat(review.get("timeline").size()).isGreaterThan(5);
		assertThat(api.get("psych1", EVENTS + "/" + id + "/review").status()).isEqualTo(200);
		assertThat(api.get("mentor1", EVENTS + "/" + id + "/review").status()).isEqualTo(404);
		for (JsonNode a : review.get("actions")) {
			assertThat(a.get("dutyId").isNull()).as(a.toString()).isFalse();
		}
	}

	/** The field a 400 names: its {@code field}, or the one key of {@code errors} (input refused before the service). */
	private static String field(Api.Response r) {
		if (r.json().has("field")) {
			return r.json().get("field").asString();
		}
		var names = r.json().path("errors").propertyNames();
		return names.isEmpty() ? null : names.iterator().next();
	}

	private static List<Long> ids(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		r.json().get("items").forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}
}
