package org.mindgrid.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ObservationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.mindgrid.notification.NoticeTexts texts;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** Students of 八年级（1）班 of school 1 (staff1 teaches them), a different one per test. */
	private long student(int index) {
		return jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset :i limit 1""")
			.param("i", index).query(Long.class).single();
	}

	private long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private static Map<String, Object> observation(long studentId, List<Integer> signs, String level) {
		return Map.of("studentId", studentId, "signs", signs, "categories", List.of(), "otherClues", "课间独自哭泣",
				"crisisLevel", level, "notes", "");
	}

	@Test
	void urgentObservationByASubjectTeacherReachesThePsychologyTeacherAndTheLeaderInTheSameRequest() {
		long student = student(20);
		Instant before = Instant.now();
		var r = api.post("staff1", "/api/v1/observations", observation(student, List.of(1, 7), "MEDIUM"));
		assertThat(r.status()).isEqualTo(201);
		var report = r.json().get("warningReport");
		assertThat(report.get("urgency").asString()).isEqualTo("URGENT");
		Instant due = Instant.parse(report.get("dueAt").asString());
		assertThat(Duration.between(before, due)).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
		long reportId = report.get("id").asLong();

		var queue = api.get("psych1", "/api/v1/warning-reports?status=OPEN&size=200");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.json().get("items").toString()).contains("\"id\":" + reportId);
		assertThat(queue.json().get("items").get(0).get("urgency").asString()).isEqualTo("URGENT");

		var leaderInbox = api.get("principal1", "/api/v1/notifications?size=200");
		assertThat(leaderInbox.status()).isEqualTo(200);
		assertThat(leaderInbox.json().get("items").toString()).contains("/warnings/" + reportId);
		assertThat(api.get("psych2", "/api/v1/notifications?size=200").json().get("items").toString())
			.doesNotContain("/warnings/" + reportId);
		String title = texts.titleOf(jdbc.sql("select id from notification where link = :link limit 1")
			.param("link", "/warnings/" + reportId).query(Long.class).single(), java.util.Locale.SIMPLIFIED_CHINESE);
		String name = jdbc.sql("select name from student where id = :id").param("id", student).query(String.class).single();
		assertThat(title).doesNotContain(name);

		long assessmentDuties = jdbc.sql("""
				select count(*) from duty where kind = 'ASSESSMENT' and source_kind = 'WARNING_REPORT' and source_id = :r
				   and assignee_user_id = :psych and status = 'OPEN'""")
			.param("r", reportId).param("psych", userId("psych1")).query(Long.class).single();
		assertThat(assessmentDuties).isEqualTo(1);

		var other = api.get("psych2", "/api/v1/warning-reports?size=200");
		assertThat(other.json().get("items").toString()).doesNotContain("\"id\":" + reportId);
		assertThat(api.get("psych2", "/api/v1/warning-reports/" + reportId).status()).isEqualTo(404);
		assertThat(api.get("staff1", "/api/v1/warning-reports/" + reportId).status()).isEqualTo(404);
	}

	@Test
	void openingAReportRecordsWhoSawItAndResolvingNeedsAReason() {
		long student = student(21);
		long reportId = api.post("mentor2", "/api/v1/observations", observation(student, List.of(3), "LOW"))
			.json().get("warningReport").get("id").asLong();
		var opened = api.get("psych1", "/api/v1/warning-reports/" + reportId);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.json().get("views").toString()).contains("林若曦");
		assertThat(opened.json().get("urgency").asString()).isEqualTo("HIGH");

		assertThat(api.post("psych1", "/api/v1/warning-reports/" + reportId + "/resolve", Map.of("reason", " "))
			.status()).isEqualTo(400);
		assertThat(api.post("head1", "/api/v1/warning-reports/" + reportId + "/resolve", Map.of("reason", "已谈话"))
			.status()).isEqualTo(403);
		var resolved = api.post("psych1", "/api/v1/warning-reports/" + reportId + "/resolve",
				Map.of("reason", "一对一评估后判断为一般学业压力，纳入心导师关注"));
		assertThat(resolved.status()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
		long open = jdbc.sql("select count(*) from duty where source_kind = 'WARNING_REPORT' and source_id = :r and status = 'OPEN'")
			.param("r", reportId).query(Long.class).single();
		assertThat(open).isZero();
		assertThatThrownBy(() -> jdbc.sql("delete from warning_report where id = :r").param("r", reportId).update())
			.rootCause().hasMessageContaining("never deleted");
	}

	@Test
	void signsThatAreNotRedAreRecordedWithoutAReportAndEmotionSignsOpenAHomeVisit() {
		long student = student(22);
		var quiet = api.post("staff1", "/api/v1/observations", observation(student, List.of(7), "NONE"));
		assertThat(quiet.status()).isEqualTo(201);
		assertThat(quiet.json().get("warningReport").isNull()).isTrue();

		var emotion = api.post("staff1", "/api/v1/observations", observation(student, List.of(10), "LOW"));
		assertThat(emotion.json().get("triggers").toString()).contains("ABNORMAL_EMOTION");
		long visits = jdbc.sql("""
				select count(*) from duty d join mentor_assignment ma on ma.student_id = d.student_id
				   and ma.mentor_user_id = d.assignee_user_id
				 where d.kind = 'TRIGGER_HOME_VISIT' and d.student_id = :s and d.status = 'OPEN'""")
			.param("s", student).query(Long.class).single();
		assertThat(visits).isGreaterThanOrEqualTo(1);
	}

	@Test
	void badObservationsAreRefusedClearly() {
		long student = student(23);
		var badSign = api.post("staff1", "/api/v1/observations", observation(student, List.of(16), "NONE"));
		assertThat(badSign.status()).isEqualTo(400);
		assertThat(badSign.json().get("detail").asString()).contains("1–15");
		var badLevel = api.post("staff1", "/api/v1/observations", observation(student, List.of(1), "EXTREME"));
		assertThat(badLevel.status()).isEqualTo(400);
		assertThat(badLevel.json().get("errors").has("crisisLevel")).isTrue();
		long otherClass = jdbc.sql("select id from student where school_id = (select id from school where name = '江北区育才初级中学') limit 1")
			.query(Long.class).single();
		assertThat(api.post("staff1", "/api/v1/observations", observation(otherClass, List.of(1), "NONE")).status())
			.isEqualTo(404);
		assertThat(api.post("district", "/api/v1/observations", observation(student, List.of(1), "NONE")).status())
			.isEqualTo(403);
		long stored = jdbc.sql("select count(*) from observation where student_id = :s").param("s", student)
			.query(Long.class).single();
		assertThat(stored).isZero();
	}

	@Test
	void psychCommitteeMemberReportsAClassmateOnly() {
		long classmate = student(24);
		var r = api.post("committee1", "/api/v1/concern-reports",
				Map.of("studentId", classmate, "signs", List.of(6), "description", "把自己的东西都送给了同学"));
		assertThat(r.status()).isEqualTo(201);
		String urgency = jdbc.sql("select urgency from warning_report where source_kind = 'CONCERN_REPORT' and source_id = :id")
			.param("id", r.json().get("id").asLong()).query(String.class).single();
		assertThat(urgency).isEqualTo("URGENT");
		long school2Student = jdbc.sql("select id from student where school_id = (select id from school where name = '江北区育才初级中学') limit 1")
			.query(Long.class).single();
		assertThat(api.post("committee1", "/api/v1/concern-reports",
				Map.of("studentId", school2Student, "signs", List.of(), "description", "x")).status()).isEqualTo(404);
		assertThat(api.post("staff1", "/api/v1/concern-reports",
				Map.of("studentId", classmate, "signs", List.of(), "description", "x")).status()).isEqualTo(403);
		assertThat(api.get("committee1", "/api/v1/students").status()).isEqualTo(403);
		var quiet = api.post("committee1", "/api/v1/concern-reports",
				Map.of("studentId", classmate, "signs", List.of(15), "description", "和同桌吵架了"));
		assertThat(quiet.status()).isEqualTo(201);
		long headInbox = jdbc.sql("select count(*) from notification where user_id = :u and kind = 'CONCERN_REPORT'")
			.param("u", userId("head1")).query(Long.class).single();
		assertThat(headInbox).isPositive();
	}

	@Test
	void headTeacherRecordsAnAbsenceWhichOpensAHomeVisitDueTheNextSchoolDay() {
		long student = student(25);
		var r = api.post("head1", "/api/v1/triggers", Map.of("studentId", student, "kind", "ABSENCE", "note", "未请假缺课"));
		assertThat(r.status()).isEqualTo(201);
		var due = jdbc.sql("select due_at from duty where kind = 'TRIGGER_HOME_VISIT' and student_id = :s and status = 'OPEN' limit 1")
			.param("s", student).query(java.sql.Timestamp.class).single().toInstant();
		assertThat(due).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(4)));
		assertThat(api.post("staff1", "/api/v1/triggers", Map.of("studentId", student, "kind", "ABSENCE")).status())
			.isEqualTo(403);
		assertThat(api.post("head1", "/api/v1/triggers", Map.of("studentId", student, "kind", "NOPE")).status())
			.isEqualTo(400);
	}
}
