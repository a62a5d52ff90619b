package org.mindgrid.load;

import org.junit.jupiter.api.Test;
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
 */
@IntegrationTest
class ScreeningLoadIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	private long newSchool() {
		return jdbc.sql("""
				insert into school (district_id, name, stage)
				values ((select min(id) from district), :name, 'JUNIOR') returning id""")
			.param("name", "压测学校" + System.nanoTime()).query(Long.class).single();
	}

	private String user(long schoolId, String role) {
		String username = "load" + role.toLowerCase(java.util.Locale.ROOT).replace("_", "") + schoolId;
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '压测', :h) returning id")
			.param("u", username).param("h", encoder.encode(Api.PASSWORD)).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, :r, :s)")
			.param("u", id).param("r", role).param("s", schoolId).update();
		return username;
	}

	@Test
	void twentyStudentsAnswerItemByItemAtOnceAndSubmit() throws InterruptedException {
		long school = newSchool();
		ScreeningLoad.Options options = ScreeningLoad.Options.defaults()
			.withBase("http://localhost:" + port)
			.withUsers(user(school, "PSYCH_TEACHER"), user(school, "SCHOOL_ADMIN"))
			.withStudents(20, 10, 20, 200);
		ScreeningLoad.Report report = new ScreeningLoad(options).run();
		System.out.println(report.format());

		assertThat(report.students()).isEqualTo(20);
		assertThat(report.completed()).as(report.format()).isEqualTo(20);
		// PHQ-9 (9 items) + GAD-7 (7 items) for grade 8
		assertThat(report.saves().count()).isEqualTo(20 * 16);
		assertThat(report.saves().failed()).isZero();
		assertThat(report.submits().count()).isEqualTo(20);
		assertThat(jdbc.sql("select count(*) from screening_result where campaign_id = :c")
			.param("c", report.campaignId()).query(Long.class).single()).isEqualTo(40L);
		assertThat(report.saves().percentileMs(50)).isPositive();
	}
}
