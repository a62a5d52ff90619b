package org.mindgrid.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mindgrid.screening.sessions.AnswerSessions;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load client's smoke run inside {@code mvn verify}: 20 students of a school of its own (imported through the
 * roster API) answer PHQ-9 and GAD-7 item by item at once and submit; every answer saved, every questionnaire scored.
 * And scoring through the database: completed questionnaires stored, then submitted (scored, results and flags
 * written). Bigger runs with {@code -Dload.students=2000 -Dload.think-ms=3000 -Dload.ramp-ms=10000} and
 * {@code -Dload.db.questionnaires=10000} (docs/load-testing.md).
 */
@IntegrationTest
class ScreeningLoadIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AnswerSessions sessions;

	private long newSchool() {
		return jdbc.sql("""
				insert into school (district_id, name, stage)
				values ((select min(id) from district), :name, 'JUNIOR') returning id""")
			.param("name", "压测学校" + System.nanoTime()).query(Long.class).single();
	}

	private String user(long schoolId, String role) {
		String username = "load" + role.toLowerCase(Locale.ROOT).replace("_", "") + schoolId;
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '压测', :h) returning id")
			.param("u", username).param("h", encoder.encode(Api.PASSWORD)).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, :r, :s)")
			.param("u", id).param("r", role).param("s", schoolId).update();
		return username;
	}

	@Test
	void studentsAnswerItemByItemAtOnceAndSubmit() throws InterruptedException {
		int students = Integer.getInteger("load.students", 20);
		long school = newSchool();
		ScreeningLoad.Options options = ScreeningLoad.Options.defaults()
			.withBase("http://localhost:" + port)
			.withUsers(user(school, "PSYCH_TEACHER"), user(school, "SCHOOL_ADMIN"))
			.withStudents(students, 40, Integer.getInteger("load.think-ms", 20), Integer.getInteger("load.ramp-ms", 200));
		ScreeningLoad.Report report = new ScreeningLoad(options).run();
		System.out.println(report.format());

		assertThat(report.students()).isEqualTo(students);
		assertThat(report.completed()).as(report.format()).isEqualTo(students);
		// PHQ-9 (9 items) + GAD-7 (7 items) for grade 8
		assertThat(report.saves().count()).isEqualTo(students * 16);
		assertThat(report.saves().failed()).isZero();
		assertThat(report.submits().count()).isEqualTo(students);
		assertThat(jdbc.sql("select count(*) from screening_result where campaign_id = :c")
			.param("c", report.campaignId()).query(Long.class).single()).isEqualTo(2L * students);
		assertThat(report.saves().percentileMs(50)).isPositive();
	}

	@Test
	void completedQuestionnairesAreScoredThroughTheDatabase() throws Exception {
		int questionnaires = Integer.getInteger("load.db.questionnaires", 400);
		int students = questionnaires / 2;
		long school = newSchool();
		String psych = user(school, "PSYCH_TEACHER");
		// students in classes of 50 of a grade 8, straight into the tables
		long grade = jdbc.sql("insert into grade (school_id, level, name) values (:s, 8, '八年级') returning id")
			.param("s", school).query(Long.class).single();
		List<Long> classIds = new java.util.ArrayList<>();
		for (int c = 0; c * 50 < students; c++) {
			long classId = jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, :n) returning id")
				.param("s", school).param("g", grade).param("n", (c + 1) + "班").query(Long.class).single();
			classIds.add(classId);
			jdbc.sql("""
					insert into student (school_id, class_id, student_no, name, gender, birth_date)
					select :s, :c, 'DB' || :c || '-' || n, '计分' || n, 'F', date '2012-05-01'
					  from generate_series(1, least(50, :left)) n""")
				.param("s", school).param("c", classId).param("left", students - c * 50).update();
		}
		Instant now = Instant.now();
		Api api = new Api(port);
		Api.Response created = api.post(psych, "/api/v1/screening/campaigns", Map.of("name", "计分压测",
				"scaleIds", List.of("phq9", "gad7"), "classIds", classIds, "opensAt", now.minus(Duration.ofHours(1)).toString(),
				"closesAt", now.plus(Duration.ofDays(30)).toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long campaign = created.json().get("id").asLong();
		// every parent consented, every questionnaire answered in full and not yet submitted; values skewed as in a
		// school (floor(4 u^2): 0 half the time, PHQ-9 totals around 8), PHQ-9 item 9 positive for 5% of students
		// (each an urgent warning report with its duty and notices)
		jdbc.sql("update screening_invite set consent = true, consent_at = now(), consent_via = 'API' where campaign_id = :c")
			.param("c", campaign).update();
		for (Map.Entry<String, Integer> scale : Map.of("phq9", 9, "gad7", 7).entrySet()) {
			jdbc.sql("""
					insert into screening_response (campaign_id, student_id, scale_id, school_id, class_id, answers,
					                                started_at, updated_at)
					select i.campaign_id, i.student_id, :scale, i.school_id, i.class_id,
					       (select jsonb_object_agg(n::text, case when :scale = 'phq9' and n = 9
					                                                then (random() < 0.05)::int
					                                                else floor(4 * power(random(), 2) + 0 * i.student_id)::int end)
					          from generate_series(1, :items) n), now(), now()
					  from screening_invite i where i.campaign_id = :c""")
				.param("scale", scale.getKey()).param("items", scale.getValue()).param("c", campaign).update();
		}
		List<String> codes = jdbc.sql("select answer_code from screening_invite where campaign_id = :c")
			.param("c", campaign).query(String.class).list();
		assertThat(codes).hasSize(students);

		ExecutorService pool = Executors.newFixedThreadPool(4);
		AtomicInteger scored = new AtomicInteger();
		long t0 = System.nanoTime();
		List<Future<?>> done = new java.util.ArrayList<>();
		for (String code : codes) {
			done.add(pool.submit(() -> scored.addAndGet(sessions.submit(code, "127.0.0.1").size())));
		}
		for (Future<?> f : done) {
			f.get();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		pool.shutdown();
		long flagged = jdbc.sql("select count(*) from screening_flag where campaign_id = :c").param("c", campaign)
			.query(Long.class).single();
		long urgent = jdbc.sql("select count(*) from screening_flag where campaign_id = :c and urgent")
			.param("c", campaign).query(Long.class).single();
		System.out.printf(Locale.ROOT,
				"[scoring benchmark, database] %d questionnaires (%d students x PHQ-9 + GAD-7) submitted, scored and "
						+ "recorded in %.2f s (%.0f/s) on 4 threads; %d flagged, %d urgent%n",
				scored.get(), students, seconds, scored.get() / seconds, flagged, urgent);
		assertThat(scored.get()).isEqualTo(2 * students);
		assertThat(jdbc.sql("select count(*) from screening_result where campaign_id = :c").param("c", campaign)
			.query(Long.class).single()).isEqualTo(2L * students);
	}
}
