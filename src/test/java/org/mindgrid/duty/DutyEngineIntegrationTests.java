package org.mindgrid.duty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@RecordApplicationEvents
class DutyEngineIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Duties duties;

	@Autowired
	DutyEscalation escalation;

	@Autowired
	SemesterDuties semesterDuties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.mindgrid.notification.NoticeTexts texts;

	@Autowired
	ApplicationEvents events;

	Api api;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private Api api() {
		if (api == null) {
			api = new Api(port);
		}
		return api;
	}

	private long user(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	/** A student of mentor1 (八年级（1）班, school 1): {student, class, school}. */
	private long[] studentOfMentor1(int index) {
		return jdbc.sql("""
				select s.id, s.class_id, s.school_id from mentor_assignment ma join student s on s.id = ma.student_id
				 where ma.mentor_user_id = :m order by s.id limit 1 offset :i""")
			.param("m", user("mentor1"))
			.param("i", index)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}

	private long openTestDuty(long[] student, String assignee, Duration dueIn) {
		return duties.open(new DutyRequest(DutyKind.TRIGGER_HOME_VISIT, student[2], student[0], student[1],
				user(assignee), clock.instant().plus(dueIn), "TEST", System.nanoTime(), null));
	}

	private int level(long dutyId) {
		return jdbc.sql("select escalation_level from duty where id = :id").param("id", dutyId).query(Integer.class).single();
	}

	/** How many notifications of this duty are in the user's inbox, read over the API. */
	private long inboxCount(String username, long dutyId) {
		// walk every page: other tests' duties escalate in the same run and fill the first page
		long n = 0;
		for (int p = 0;; p++) {
			JsonNode page = api().get(username, "/api/v1/notifications?size=100&page=" + p).json();
			if (page.get("items").isEmpty()) {
				return n;
			}
			for (JsonNode item : page.get("items")) {
				if (item.get("link").asString().equals("/duties/" + dutyId)) {
					assertThat(item.get("kind").asString()).isEqualTo("DUTY_OVERDUE");
					n++;
				}
			}
		}
	}

	@Test
	void anOverdueDutyEscalatesToTheHeadTeacherThenTheSchoolLeaderOnce() {
		api().token("head1");
		api().token("principal1");
		api().token("mentor1");
		long[] student = studentOfMentor1(0);
		String name = jdbc.sql("select name from student where id = :id").param("id", student[0]).query(String.class).single();
		long id = openTestDuty(student, "mentor1", Duration.ofHours(1));

		escalation.runEscalation();
		assertThat(level(id)).isZero();

		clock.advance(Duration.ofHours(2));
		assertThat(escalation.runEscalation().skipped()).isFalse();
		assertThat(level(id)).isEqualTo(1);
		assertThat(events.stream(DutyOverdue.class).filter(e -> e.dutyId() == id))
			.singleElement()
			.satisfies(e -> assertThat(e.escalationLevel()).isEqualTo(1));
		escalation.runEscalation();
		clock.reset();
		assertThat(inboxCount("head1", id)).isEqualTo(1);
		assertThat(inboxCount("mentor1", id)).isEqualTo(1);
		assertThat(inboxCount("principal1", id)).isZero();

		// overdue by another school day (4 days covers any weekend): the school leader
		clock.advance(Duration.ofDays(4));
		escalation.runEscalation();
		escalation.runEscalation();
		assertThat(level(id)).isEqualTo(2);
		clock.reset();
		assertThat(inboxCount("principal1", id)).isEqualTo(1);
		assertThat(inboxCount("head1", id)).isEqualTo(1);
		assertThat(events.stream(DutyOverdue.class).filter(e -> e.dutyId() == id).map(DutyOverdue::escalationLevel))
			.containsExactly(1, 2);

		List<String> titles = jdbc.sql("select id from notification where link = :l")
			.param("l", "/duties/" + id)
			.query(Long.class)
			.list()
			.stream()
			.map(n -> texts.titleOf(n, java.util.Locale.SIMPLIFIED_CHINESE))
			.toList();
		assertThat(titles).hasSize(3).allSatisfy(t -> assertThat(t).doesNotContain(name).contains("逾期"));
	}

	@Test
	void semesterGenerationIsIdempotentAndFollowsTheGrid() {
		semesterDuties.generate();
		long before = jdbc.sql("select count(*) from duty where semester_id is not null").query(Long.class).single();
		SemesterDuties.Result again = semesterDuties.generate();
		assertThat(again.talks()).isZero();
		assertThat(again.visits()).isZero();
		assertThat(jdbc.sql("select count(*) from duty where semester_id is not null").query(Long.class).single())
			.isEqualTo(before);

		long mentor1 = user("mentor1");
		assertThat(countSemesterDuties(mentor1, "SEMESTER_TALK")).isEqualTo(15);
		assertThat(countSemesterDuties(mentor1, "SEMESTER_HOME_VISIT")).isEqualTo(1);
		assertThat(countSemesterDuties(user("head1"), "SEMESTER_HOME_VISIT")).isEqualTo(1);
		assertThat(countSemesterDuties(user("staff1"), "SEMESTER_HOME_VISIT")).isZero();

		// every enrolled student of a current semester has exactly one talk; the one without a mentor goes to the head
		assertThat(jdbc.sql("""
				select count(*) from student s join semester sem on sem.school_id = s.school_id and sem.current
				 where s.status = 'ENROLLED' and (select count(*) from duty d where d.kind = 'SEMESTER_TALK'
				       and d.student_id = s.id and d.semester_id = sem.id and d.status <> 'CANCELLED') <> 1""")
			.query(Long.class).single()).isZero();
		List<String> unassignedOwners = jdbc.sql("""
				select p.role from student s join duty d on d.student_id = s.id and d.kind = 'SEMESTER_TALK'
				  join post p on p.user_id = d.assignee_user_id and p.class_id = s.class_id
				 where not exists (select 1 from mentor_assignment ma where ma.student_id = s.id)""")
			.query(String.class).list();
		assertThat(unassignedOwners).contains("HEAD_TEACHER");

		// due at the end of the semester's last school day (2027-01-24 is a Sunday → Friday 22 Jan, 18:00)
		assertThat(jdbc.sql("""
				select distinct d.due_at from duty d join semester sem on sem.id = d.semester_id
				 where d.assignee_user_id = :m and sem.ends_on = date '2027-01-24' and d.source_kind = 'SEMESTER'""")
			.param("m", mentor1).query(java.sql.Timestamp.class).list())
			.extracting(java.sql.Timestamp::toInstant)
			.containsExactly(java.time.Instant.parse("2027-01-22T10:00:00Z"));
	}

	private long countSemesterDuties(long userId, String kind) {
		return jdbc.sql("""
				select count(*) from duty d join semester sem on sem.id = d.semester_id and sem.current
				 where d.kind = :k and d.assignee_user_id = :u and d.status <> 'CANCELLED' and d.source_kind = 'SEMESTER'""")
			.param("k", kind).param("u", userId).query(Long.class).single();
	}

	@Test
	void talksAndVisitsCountInCoverage() {
		semesterDuties.generate();
		long mentor = user("t192m2");
		long student = jdbc.sql("select student_id from mentor_assignment where mentor_user_id = :m order by student_id limit 1")
			.param("m", mentor).query(Long.class).single();
		JsonNode before = classLine(api().get("t192h", "/api/v1/duties/coverage").json());

		assertThat(duties.completeForStudent(DutyKind.SEMESTER_TALK, student, user("t192h"), true, "talk/1")).isEqualTo(1);
		assertThat(duties.completeMentorVisit(mentor, student, "home-visit/1")).isEqualTo(1);
		assertThat(duties.completeMentorVisit(mentor, student, "home-visit/2")).isZero();

		JsonNode coverage = api().get("t192h", "/api/v1/duties/coverage").json();
		JsonNode after = classLine(coverage);
		assertThat(after.get("talksDone").asLong()).isEqualTo(before.get("talksDone").asLong() + 1);
		assertThat(after.get("visitsDone").asLong()).isEqualTo(before.get("visitsDone").asLong() + 1);
		assertThat(after.get("mentors").asLong()).isEqualTo(3);
		assertThat(coverage.get("school")).isEmpty();
		List<String> mentorLines = new ArrayList<>();
		coverage.get("mentors").forEach(l -> mentorLines.add(l.get("label").asString()));
		assertThat(mentorLines).hasSize(3);

		JsonNode school = api().get("principal1", "/api/v1/duties/coverage").json().get("school");
		assertThat(school).hasSize(1);
		assertThat(school.get(0).get("students").asLong()).isGreaterThan(700);
		assertThat(school.get(0).get("visitsDone").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(api().get("mentor1", "/api/v1/duties/coverage").json().get("mentors")).hasSize(1);
	}

	private static JsonNode classLine(JsonNode coverage) {
		assertThat(coverage.get("classes")).hasSize(1);
		return coverage.get("classes").get(0);
	}

	@Test
	void dutiesApiIsScopedInSql() {
		semesterDuties.generate();
		long[] student = studentOfMentor1(1);
		long id = openTestDuty(student, "mentor1", Duration.ofDays(1));
		Set<Long> school1Classes = Set.copyOf(jdbc.sql("select id from school_class where school_id = :s")
			.param("s", student[2]).query(Long.class).list());

		JsonNode psych2 = api().get("psych2", "/api/v1/duties?mine=false&size=200").json();
		assertThat(psych2.get("total").asLong()).isPositive();
		psych2.get("items").forEach(i -> assertThat(school1Classes).doesNotContain(i.get("classId").asLong()));
		assertThat(api().post("psych2", "/api/v1/duties/" + id + "/done", Map.of("note", "x")).status()).isEqualTo(404);

		long school1Duties = jdbc.sql("select count(*) from duty where school_id = :s").param("s", student[2])
			.query(Long.class).single();
		assertThat(api().get("psych1", "/api/v1/duties?mine=false&size=1").json().get("total").asLong())
			.isEqualTo(school1Duties);
		assertThat(api().get("psych1", "/api/v1/duties?mine=true").json().get("total").asLong())
			.isEqualTo(jdbc.sql("select count(*) from duty where assignee_user_id = :u").param("u", user("psych1"))
				.query(Long.class).single());

		JsonNode mine = api().get("mentor1", "/api/v1/duties?mine=true&size=200").json();
		assertThat(mine.get("total").asLong()).isEqualTo(jdbc.sql("select count(*) from duty where assignee_user_id = :u")
			.param("u", user("mentor1")).query(Long.class).single());
		JsonNode first = mine.get("items").get(0);
		assertThat(first.has("kind") && first.has("studentId") && first.has("dueAt") && first.has("status")
				&& first.has("overdue") && first.has("escalationLevel")).isTrue();
		assertThat(api().get("mentor1", "/api/v1/duties?status=nonsense").status()).isEqualTo(400);

		JsonNode head = api().get("head1", "/api/v1/duties?mine=false&size=200").json();
		long head1 = user("head1");
		head.get("items").forEach(i -> assertThat(i.get("classId").asLong() == student[1]
				|| i.get("assigneeUserId").asLong() == head1).isTrue());
	}

	@Test
	void onlyTheAssigneeClosesADutyByHandAndMustSayWhatWasDone() {
		long id = openTestDuty(studentOfMentor1(2), "mentor1", Duration.ofDays(1));
		String path = "/api/v1/duties/" + id + "/done";
		assertThat(api().post("mentor2", path, Map.of("note", "x")).status()).isEqualTo(404);
		assertThat(api().post("head1", path, Map.of("note", "x")).status()).isEqualTo(403);
		Api.Response empty = api().post("mentor1", path, Map.of("note", "  "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("完成说明");
		Api.Response done = api().post("mentor1", path, Map.of("note", "已电话联系家长，明天家访"));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.json().get("status").asString()).isEqualTo("DONE");
		assertThat(api().post("mentor1", path, Map.of("note", "again")).status()).isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'DUTY_DONE' and resource = :r")
			.param("r", "duty/" + id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void myDutiesIsTheFirstPageOfAMentorWithOverdueInRed() {
		long overdueId = openTestDuty(studentOfMentor1(3), "mentor1", Duration.ofMinutes(-90));
		WebSession web = WebSession.login(api(), "mentor1");
		var home = web.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("我的待办", "逾期", "今天到期", "即将到期", "已完成", "学期谈心", "学期覆盖情况");
		assertThat(home.body()).containsPattern("id=\"duty-" + overdueId + "\"[^>]*mg-warning|mg-warning[^>]*id=\"duty-"
				+ overdueId + "\"");
		assertThat(home.body()).containsPattern("逾期 1 小时 \\d+ 分");

		var detail = web.get("/duties/" + overdueId);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("四必访家访", "标记完成");
		var refused = web.post("/duties/" + overdueId + "/done", Map.of("note", ""), "/duties/" + overdueId);
		assertThat(refused.body()).contains("请填写完成说明");
		var closed = web.post("/duties/" + overdueId + "/done", Map.of("note", "已家访"), "/duties/" + overdueId);
		assertThat(closed.statusCode()).isEqualTo(302);
		assertThat(web.get("/duties/" + overdueId).body()).contains("已家访", "已完成");

		assertThat(WebSession.login(api(), "psych2").get("/duties/" + overdueId).statusCode()).isEqualTo(404);
		assertThat(WebSession.login(api(), "principal1").get("/").body()).doesNotContain("我的待办");
	}
}
