package org.mindgrid.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Issue 7, point 5: while a student has an open warning report, new signs join it (ADR 0018). Each test uses
 * students it creates in 九年级 of school 1, so the demo students' reports of other tests are not touched.
 */
@IntegrationTest
class WarningReportJoinIntegrationTests {

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

	/** A new student of a class of school 1 (psych1 and principal1 may read it; psych2 of school 2 may not). */
	private long newStudent() {
		var place = jdbc.sql("""
				select c.school_id, c.id from school_class c join grade g on g.id = c.grade_id join school sc on sc.id = c.school_id
				 where sc.name = '海曙区实验学校' and g.level = 9 order by c.id limit 1""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		int n = SEQ.incrementAndGet();
		return jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:school, :class, :no, :name, 'F', date '2012-03-04') returning id""")
			.param("school", place[0]).param("class", place[1]).param("no", "I7R-" + System.nanoTime() % 1_000_000_000 + "-" + n)
			.param("name", "合并测试" + n).query(Long.class).single();
	}

	private long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private static Map<String, Object> observation(long student, List<Integer> signs, String notes) {
		return Map.of("studentId", student, "signs", signs, "categories", List.of(), "crisisLevel", "NONE", "notes", notes);
	}

	private long count(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	@Test
	void aSecondSignJoinsTheOpenReportAndAnUrgentOneRaisesItsUrgencyAndMovesTheDeadlineEarlier() {
		long student = newStudent();
		long psych1 = userId("psych1");
		var first = api.post("principal1", "/api/v1/observations", observation(student, List.of(3), "上课时一直低着头"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		JsonNode a = first.json().get("warningReport");
		assertThat(a.get("urgency").asString()).isEqualTo("HIGH");
		long reportId = a.get("id").asLong();
		Instant highDue = Instant.parse(a.get("dueAt").asString());

		Instant before = Instant.now();
		var second = api.post("principal1", "/api/v1/observations", observation(student, List.of(1), "说过想消失"));
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		JsonNode b = second.json().get("warningReport");
		// Same shape as before, and the joined report is the one returned.
		assertThat(b.get("id").asLong()).isEqualTo(reportId);
		assertThat(b.get("studentId").asLong()).isEqualTo(student);
		assertThat(b.get("urgency").asString()).isEqualTo("URGENT");
		Instant urgentDue = Instant.parse(b.get("dueAt").asString());
		assertThat(urgentDue).isBefore(highDue);
		assertThat(Duration.between(before, urgentDue)).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));

		assertThat(count("select count(*) from warning_report where student_id = :id", student)).isEqualTo(1);
		assertThat(count("select count(*) from warning_report_source where report_id = :id", reportId)).isEqualTo(2);
		assertThat(jdbc.sql("select urgency, due_at, signs::text from warning_report where id = :id").param("id", reportId)
			.query().singleRow()).containsEntry("urgency", "URGENT").containsEntry("signs", "{1,3}");
		var duty = jdbc.sql("""
				select count(*) as n, min(due_at) as due from duty where kind = 'ASSESSMENT' and source_kind = 'WARNING_REPORT'
				   and source_id = :r and assignee_user_id = :u and status = 'OPEN'""")
			.param("r", reportId).param("u", psych1).query().singleRow();
		assertThat(duty.get("n")).isEqualTo(1L);
		assertThat(((java.sql.Timestamp) duty.get("due")).toInstant()).isEqualTo(urgentDue);
		// Told on the first report and again when it became urgent.
		String notified = "select count(*) from notification where user_id = " + psych1 + " and link = '/warnings/' || :id";
		assertThat(count(notified, reportId)).isEqualTo(2);

		// A third, less urgent sign joins too: nobody is told again and the deadline does not move later.
		var third = api.post("principal1", "/api/v1/observations", observation(student, List.of(2), "独来独往"));
		assertThat(third.json().get("warningReport").get("id").asLong()).isEqualTo(reportId);
		assertThat(third.json().get("warningReport").get("urgency").asString()).isEqualTo("URGENT");
		assertThat(Instant.parse(third.json().get("warningReport").get("dueAt").asString())).isEqualTo(urgentDue);
		assertThat(count(notified, reportId)).isEqualTo(2);

		// The queue shows the student once, with the number of sources; the report lists each source in order.
		var queue = api.get("psych1", "/api/v1/warning-reports?status=OPEN&size=200");
		List<JsonNode> mine = new ArrayList<>();
		queue.json().get("items").forEach(i -> {
			if (i.get("studentId").asLong() == student) {
				mine.add(i);
			}
		});
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("sourceCount").asInt()).isEqualTo(3);
		var report = api.get("psych1", "/api/v1/warning-reports/" + reportId);
		JsonNode sources = report.json().get("sources");
		assertThat(sources).hasSize(3);
		assertThat(sources.get(0).get("urgency").asString()).isEqualTo("HIGH");
		assertThat(sources.get(1).get("urgency").asString()).isEqualTo("URGENT");
		assertThat(sources.get(1).get("escalated").asBoolean()).isTrue();
		assertThat(sources.get(2).get("escalated").asBoolean()).isFalse();
		assertThat(sources.toString()).contains("上课时一直低着头", "说过想消失", "独来独往", "sign.1");
	}

	@Test
	void aResolvedReportIsNotJoinedTheNextSignRaisesANewOne() {
		long student = newStudent();
		long first = api.post("principal1", "/api/v1/observations", observation(student, List.of(3), "甲"))
			.json().get("warningReport").get("id").asLong();
		assertThat(api.post("psych1", "/api/v1/warning-reports/" + first + "/resolve", Map.of("reason", "已评估"))
			.status()).isEqualTo(200);
		long second = api.post("principal1", "/api/v1/observations", observation(student, List.of(3), "乙"))
			.json().get("warningReport").get("id").asLong();
		assertThat(second).isNotEqualTo(first);
		assertThat(count("select count(*) from warning_report where student_id = :id and status = 'OPEN'", student))
			.isEqualTo(1);
	}

	@Test
	void fiftyParallelUrgentObservationsOfOneStudentGiveOneReportOneDutyPerTeacherAndFiftySources() throws Exception {
		long student = newStudent();
		String token = api.token("principal1");
		assertThat(token).isNotBlank();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Api.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				int n = i;
				calls.add(() -> api.post("principal1", "/api/v1/observations",
						observation(student, List.of(1), "并发观察 " + n)));
			}
			List<Future<Api.Response>> results = pool.invokeAll(calls, 120, TimeUnit.SECONDS);
			Set<Long> reportIds = new HashSet<>();
			for (Future<Api.Response> f : results) {
				Api.Response r = f.get();
				assertThat(r.status()).as(r.body()).isEqualTo(201);
				reportIds.add(r.json().get("warningReport").get("id").asLong());
			}
			assertThat(reportIds).hasSize(1);
			long reportId = reportIds.iterator().next();
			assertThat(count("select count(*) from warning_report where student_id = :id", student)).isEqualTo(1);
			assertThat(count("select count(*) from warning_report_source where report_id = :id", reportId)).isEqualTo(50);
			assertThat(count("select count(*) from observation where student_id = :id and warning_report_id is not null",
					student)).isEqualTo(50);
			long psychTeachers = jdbc.sql("""
					select count(distinct p.user_id) from post p join app_user u on u.id = p.user_id and u.enabled
					 where p.role = 'PSYCH_TEACHER' and p.school_id = (select school_id from student where id = :s)""")
				.param("s", student).query(Long.class).single();
			assertThat(psychTeachers).isPositive();
			assertThat(count("""
					select count(*) from duty where kind = 'ASSESSMENT' and source_kind = 'WARNING_REPORT' and source_id = :id
					   and status = 'OPEN'""", reportId)).isEqualTo(psychTeachers);
			assertThat(count("""
					select count(*) from duty where kind = 'ASSESSMENT' and student_id = :id and status = 'OPEN'""", student))
				.isEqualTo(psychTeachers);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theDatabaseRefusesASecondOpenReportForAStudent() {
		long student = newStudent();
		api.post("principal1", "/api/v1/observations", observation(student, List.of(1), "甲"));
		long principal = userId("principal1");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
				insert into warning_report (student_id, school_id, source_kind, urgency, due_at, raised_by, raised_at)
				select id, school_id, 'OBSERVATION', 'HIGH', now(), :u, now() from student where id = :s""")
			.param("u", principal).param("s", student).update())
			.hasMessageContaining("warning_report_one_open_idx");
	}
}
