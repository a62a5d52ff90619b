package org.mindgrid.counselling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

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
 * Counselling (issue 13 point 3) on the demo's 八年级（1）班: every step of an appointment over HTTP, the room never
 * double-booked (also under parallel scheduling), reminders once, the notes for psychology teachers only, the
 * student's own request by the class code, and what an attacker sends.
 */
@IntegrationTest
class CounsellingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Appointments appointments;

	Api api;

	long student;

	String room;

	@BeforeEach
	void fixture() {
		api = new Api(port);
		student = jdbc.sql("""
				select m.student_id from mentor_assignment m join app_user u on u.id = m.mentor_user_id
				 where u.username = 'mentor1' order by m.student_id limit 1""").query(Long.class).single();
		// a room of its own, so that this test's times never meet another's
		room = "辅导室" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Instant slot() {
		return clock.instant().plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(30, 300)))
			.truncatedTo(ChronoUnit.HOURS);
	}

	private JsonNode request(String user, String note) {
		Api.Response r = api.post(user, "/api/v1/counselling/appointments",
				Map.of("studentId", student, "topic", "STUDY", "preferred", "周三下午", "note", note));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("status").asString()).isEqualTo("REQUESTED");
		return r.json();
	}

	private Api.Response step(String user, JsonNode a, String step, Map<String, Object> more) {
		Map<String, Object> body = new HashMap<>(more);
		body.put("version", a.get("version").asInt());
		return api.post(user, "/api/v1/counselling/appointments/" + a.get("id").asLong() + "/" + step, body);
	}

	private JsonNode schedule(JsonNode a, Instant at) {
		Api.Response r = step("psych1", a, "schedule", Map.of("startsAt", at.toString(), "duration", 40, "room", room));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	@Test
	void aRequestIsScheduledMovedAndHeld() {
		JsonNode asked = request("head1", "最近考试焦虑");
		Instant at = slot();
		JsonNode scheduled = schedule(asked, at);
		assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(scheduled.get("startsAt").asString()).isEqualTo(at.toString());
		assertThat(scheduled.get("endsAt").asString()).isEqualTo(at.plus(Duration.ofMinutes(40)).toString());
		JsonNode moved = step("psych1", scheduled, "reschedule",
				Map.of("startsAt", at.plus(Duration.ofDays(1)).toString(), "room", room)).json();
		assertThat(moved.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(moved.get("startsAt").asString()).isEqualTo(at.plus(Duration.ofDays(1)).toString());
		JsonNode held = step("psych1", moved, "complete", Map.of()).json();
		assertThat(held.get("status").asString()).isEqualTo("COMPLETED");
		Api.Response late = step("psych1", held, "no-show", Map.of());
		assertThat(late.status()).as("nothing moves a held one").isEqualTo(409);
		assertThat(late.json().get("detail").asString()).as("in words, not codes").contains("未到", "已辅导")
			.doesNotContain("no-show", "COMPLETED");
		List<String> steps = jdbc.sql("select step from counselling_appointment_event where appointment_id = :id order by id")
			.param("id", asked.get("id").asLong()).query(String.class).list();
		assertThat(steps).containsExactly("REQUEST", "SCHEDULE", "RESCHEDULE", "COMPLETE");
		// the head teacher who asked is told of the time
		assertThat(jdbc.sql("""
				select count(*) from notification n join app_user u on u.id = n.user_id
				 where u.username = 'head1' and n.message_key = 'counselling.notice.schedule' and n.created_at >= :since""")
			.param("since", java.sql.Timestamp.from(clock.instant().minusSeconds(60))).query(Long.class).single())
			.isPositive();
	}

	@Test
	void aRequestIsDeclinedWithAReasonOrCancelledByWhoAsked() {
		JsonNode a = request("mentor1", "");
		assertThat(step("psych1", a, "decline", Map.of()).json().get("errors").has("reason")).isTrue();
		JsonNode declined = step("psych1", a, "decline", Map.of("reason", "已转介校外机构")).json();
		assertThat(declined.get("status").asString()).isEqualTo("DECLINED");

		JsonNode b = request("mentor1", "");
		assertThat(step("mentor2", b, "cancel", Map.of("reason", "不需要了")).status()).as("not theirs").isEqualTo(404);
		assertThat(step("head1", b, "cancel", Map.of("reason", "不需要了")).status()).as("asked by another").isEqualTo(403);
		assertThat(step("mentor1", b, "cancel", Map.of("reason", "学生说不需要了")).json().get("status").asString())
			.isEqualTo("CANCELLED");

		JsonNode c = schedule(request("head1", ""), slot());
		assertThat(step("head1", c, "cancel", Map.of("reason", "学生请假")).json().get("status").asString())
			.isEqualTo("CANCELLED");
		JsonNode d = schedule(request("head1", ""), slot());
		assertThat(step("head1", d, "no-show", Map.of()).status()).as("only a psychology teacher").isEqualTo(403);
		assertThat(step("psych1", d, "no-show", Map.of()).json().get("status").asString()).isEqualTo("NO_SHOW");
		assertThat(api.get("head1", "/api/v1/students/" + student + "/counselling").json().get("noShows").asLong())
			.isPositive();
	}

	@Test
	void theRoomIsNeverDoubleBookedAndAStaleVersionIsRefused() throws Exception {
		Instant at = slot();
		schedule(request("head1", ""), at);
		JsonNode other = request("head1", "");
		Api.Response overlap = step("psych1", other, "schedule",
				Map.of("startsAt", at.plus(Duration.ofMinutes(20)).toString(), "room", room));
		assertThat(overlap.status()).isEqualTo(409);
		assertThat(overlap.json().get("detail").asString()).contains(room, "已有安排");
		assertThat(step("psych1", other, "schedule", Map.of("startsAt", at.plus(Duration.ofMinutes(40)).toString(),
				"room", room)).status()).as("right after it").isEqualTo(200);
		assertThat(step("psych1", other, "complete", Map.of()).status()).as("the version read before").isEqualTo(409);

		// eight requests scheduled at once into one slot: exactly one gets it
		Instant contested = slot().plus(Duration.ofDays(1)).plus(Duration.ofMinutes(7));
		List<JsonNode> asked = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			asked.add(request("head1", ""));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (JsonNode a : asked) {
				Callable<Integer> call = () -> step("psych1", a, "schedule",
						Map.of("startsAt", contested.toString(), "room", room)).status();
				results.add(pool.submit(call));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : results) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(200, 409);
			assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void theNotesArePsychologyTeachersAloneAndOthersSeeThatCounsellingExists() {
		JsonNode a = request("head1", "家里父母在闹离婚");
		String path = "/api/v1/counselling/appointments/" + a.get("id").asLong();
		assertThat(api.get("psych1", path).json().get("requestNote").asString()).contains("离婚");
		assertThat(api.get("head1", path).json().get("requestNote").isNull()).as("not even the one who wrote it").isTrue();
		assertThat(api.get("psych2", path).status()).as("another school").isEqualTo(404);
		assertThat(api.get("staff1", path).status()).as("a subject teacher").isEqualTo(404);

		Api.Response session = api.post("psych1", "/api/v1/counselling/sessions", Map.of("studentId", student,
				"presentingProblem", "考试焦虑、失眠", "goals", "建立关系", "progress", "学生谈到父母的争吵", "duration", 40));
		assertThat(session.status()).as(session.body()).isIn(201);
		assertThat(session.json().get("recordId").asLong()).isPositive();
		Api.Response mine = api.get("psych1", "/api/v1/students/" + student + "/counselling");
		assertThat(mine.json().get("notes").asBoolean()).isTrue();
		assertThat(mine.body()).contains("父母的争吵");
		Api.Response head = api.get("head1", "/api/v1/students/" + student + "/counselling");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.json().get("notes").asBoolean()).isFalse();
		assertThat(head.json().get("summaries")).isNotEmpty();
		assertThat(head.body()).doesNotContain("父母的争吵", "考试焦虑", "离婚");
		assertThat(api.get("psych2", "/api/v1/students/" + student + "/counselling").status()).isEqualTo(404);
		assertThat(api.get("staff1", "/api/v1/students/" + student + "/counselling").status()).isEqualTo(404);
		assertThat(api.post("head1", "/api/v1/counselling/sessions", Map.of("studentId", student, "goals", "x"))
			.status()).isEqualTo(403);
		assertThat(api.post("psych2", "/api/v1/counselling/sessions", Map.of("studentId", student, "goals", "x"))
			.status()).isEqualTo(404);
		// the page says the same
		var page = PageClient.login(port, "head1").get("/students/" + student + "/counselling");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("notes-restricted").doesNotContain("父母的争吵");
		assertThat(PageClient.login(port, "psych1").get("/students/" + student + "/counselling").body())
			.contains("父母的争吵");
	}

	@Test
	void aGroupKeepsEachMembersAttendance() {
		List<Long> members = jdbc.sql("""
				select s.id from student s join school sc on sc.id = s.school_id where sc.name = '海曙区实验学校'
				 order by s.id limit 3""").query(Long.class).list();
		Api.Response g = api.post("psych1", "/api/v1/counselling/groups",
				Map.of("name", "人际交往小组", "aims", "学会表达", "studentIds", members));
		assertThat(g.status()).as(g.body()).isEqualTo(201);
		long id = g.json().get("id").asLong();
		Api.Response s = api.post("psych1", "/api/v1/counselling/sessions", Map.of("groupId", id, "duration", 45,
				"goals", "相互认识", "attendance", List.of(Map.of("studentId", members.get(0), "present", true,
						"participation", "主动发言"))));
		assertThat(s.status()).as(s.body()).isEqualTo(201);
		JsonNode group = api.get("psych1", "/api/v1/counselling/groups/" + id).json();
		JsonNode attendance = group.get("sessions").get(0).get("attendance");
		assertThat(attendance).hasSize(3);
		assertThat(attendance.toString()).contains("主动发言");
		long present = 0;
		for (JsonNode t : attendance) {
			present += t.get("present").asBoolean() ? 1 : 0;
		}
		assertThat(present).as("those not listed were absent").isEqualTo(1);
		assertThat(api.post("psych1", "/api/v1/counselling/sessions", Map.of("groupId", id, "attendance",
				List.of(Map.of("studentId", student + 100000, "present", true)))).json().get("errors")
			.has("attendance[1].studentId")).isTrue();
		assertThat(api.get("head1", "/api/v1/counselling/groups/" + id).status()).isEqualTo(404);
		assertThat(api.get("psych2", "/api/v1/counselling/groups/" + id).status()).isEqualTo(404);
		long otherSchool = jdbc.sql("select s.id from student s join school sc on sc.id = s.school_id "
				+ "where sc.name <> '海曙区实验学校' order by s.id limit 1").query(Long.class).single();
		assertThat(api.post("psych1", "/api/v1/counselling/groups", Map.of("name", "x", "studentIds",
				List.of(otherSchool))).status()).isEqualTo(400);
	}

	@Test
	void remindersGoOutOnceADayAhead() {
		JsonNode a = request("head1", "");
		schedule(a, clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES));
		assertThat(appointments.remind()).isPositive();
		long id = a.get("id").asLong();
		assertThat(jdbc.sql("select reminded_at is not null from counselling_appointment where id = :id").param("id", id)
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("""
				select count(*) from notification n join app_user u on u.id = n.user_id
				 where u.username in ('psych1', 'head1') and n.message_key = 'counselling.notice.reminder'""")
			.query(Long.class).single()).isGreaterThanOrEqualTo(2);
		int again = appointments.remind();
		assertThat(jdbc.sql("select count(*) from counselling_appointment_event where appointment_id = :id")
			.param("id", id).query(Long.class).single()).isEqualTo(2);
		assertThat(again).as("the same appointment is not reminded twice").isZero();
	}

	@Test
	void aStudentAsksWithTheClassCode() {
		long classId = jdbc.sql("select class_id from student where id = :id").param("id", student).query(Long.class)
			.single();
		Map<String, Object> s = jdbc.sql("select student_no, birth_date from student where id = :id").param("id", student)
			.query().singleRow();
		String code = api.get("head1", "/api/v1/classes/" + classId + "/counselling-code").json().get("printed").asString();
		assertThat(api.get("mentor1", "/api/v1/classes/" + classId + "/counselling-code").status()).isEqualTo(404);
		PageClient anonymous = new PageClient(port);
		assertThat(anonymous.get("/c").status()).isEqualTo(200);
		jdbc.sql("update counselling_appointment set status = 'CANCELLED' where student_id = :id and status = 'REQUESTED'")
			.param("id", student).update();
		var sent = anonymous.post("/c", Map.of("code", code.toLowerCase(), "studentNo", (String) s.get("student_no"),
				"birthDate", s.get("birth_date").toString(), "topic", "EMOTION", "preferred", "午休"),
				Map.of("X-Forwarded-For", "203.0.113.7"));
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.body()).contains("id=\"asked\"");
		assertThat(jdbc.sql("select count(*) from counselling_appointment where student_id = :id and requested_via = 'STUDENT' and status = 'REQUESTED'")
			.param("id", student).query(Long.class).single()).isEqualTo(1);
		var wrong = anonymous.post("/c", Map.of("code", code, "studentNo", (String) s.get("student_no"),
				"birthDate", "2001-01-01", "topic", "EMOTION", "preferred", "午休原话"));
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("ask-error", "没有找到", "午休原话");
		var blank = anonymous.post("/c", Map.of("code", "", "topic", ""));
		assertThat(blank.body()).contains("请填写这一项");
	}

	@Test
	void badInputIsRefusedByFieldNeverWithA500() {
		assertThat(api.post("head1", "/api/v1/counselling/appointments", Map.of("studentId", student, "topic", "FUN"))
			.json().get("errors").has("topic")).isTrue();
		assertThat(api.post("head1", "/api/v1/counselling/appointments",
				Map.of("studentId", student, "topic", "STUDY", "note", "a\u0000b")).status()).isEqualTo(400);
		assertThat(api.post("head1", "/api/v1/counselling/appointments",
				Map.of("studentId", 999_999_999L, "topic", "STUDY")).status()).isEqualTo(404);
		JsonNode a = request("head1", "");
		Api.Response far = step("psych1", a, "schedule", Map.of("startsAt", "9999-01-01T00:00:00Z"));
		assertThat(far.status()).isIn(400);
		Api.Response past = step("psych1", a, "schedule", Map.of("startsAt", "2001-01-01T00:00:00Z"));
		assertThat(past.json().get("errors").has("startsAt")).isTrue();
		Api.Response longOne = step("psych1", a, "schedule", Map.of("startsAt", slot().toString(), "duration", 100000));
		assertThat(longOne.json().get("errors").get("duration").asString()).contains("时长");
		assertThat(api.post("psych1", "/api/v1/counselling/appointments/" + a.get("id").asLong() + "/delete",
				Map.of("version", 1)).status()).isEqualTo(404);
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		assertThat(api.get("psych1", "/api/v1/counselling/appointments?from=" + today + "&to=" + today.minusDays(1))
			.json().get("errors").has("to")).isTrue();
		assertThat(api.get("psych1", "/api/v1/counselling/appointments?from=" + today + "&to=" + today.plusDays(100))
			.status()).isEqualTo(400);
		assertThat(api.get("psych1", "/api/v1/counselling/appointments?from=abc&to=" + today).status()).isEqualTo(400);
		JsonNode week = api.get("psych1", "/api/v1/counselling/appointments?from=" + today + "&to=" + today.plusDays(6)).json();
		assertThat(week.has("items")).isTrue();
		assertThat(week.get("pending").toString()).contains("\"id\":" + a.get("id").asLong());
		assertThat(api.get("city", "/api/v1/counselling/appointments?from=" + today + "&to=" + today).json()
			.get("pending")).as("a bureau officer sees no students").isEmpty();
	}

	@Test
	void thePagesKeepWhatWasTypedAndNeverAnswerA500() {
		PageClient psych = PageClient.login(port, "psych1");
		psych.get("/students/" + student + "/counselling");
		var odd = psych.post("/students/" + student + "/counselling/sessions", Map.of("appointmentId", "abc",
				"date", "2026-02-30", "time", "25:99", "duration", "很久", "goals", "保留这段文字"));
		assertThat(odd.status()).isEqualTo(200);
		assertThat(odd.body()).contains("保留这段文字", "is-invalid");
		psych.get("/counselling");
		JsonNode a = request("head1", "");
		var past = psych.post("/counselling/appointments/" + a.get("id").asLong() + "/schedule", Map.of("version",
				a.get("version").asString(), "date", "2001-01-01", "time", "10:00", "duration", "40", "room", room));
		assertThat(past.status()).isEqualTo(200);
		assertThat(past.body()).contains("一年之内", room);
		assertThat(psych.get("/counselling?week=9999-99-99").status()).isEqualTo(200);
		assertThat(PageClient.login(port, "head1").get("/counselling/groups").status()).isEqualTo(403);
	}
}
