package org.mindgrid.screening.sessions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.FromAddress;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, point 7: guessing codes is not feasible. Misses count per address; past the limit the address is
 * refused (429 with Retry-After) every code it has not opened before, while the students who opened theirs from
 * the same computer room go on answering.
 */
@IntegrationTest
class CodeGuardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CodeGuard guard;

	Api api;

	int previousLimit;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		previousLimit = guard.maxMisses(60);
	}

	@AfterEach
	void restore() {
		guard.maxMisses(previousLimit);
	}

	@Test
	void guessingFromOneAddressIsStoppedWhileTheRoomGoesOn() {
		var place = org.mindgrid.screening.ScreeningFixture.newClass(jdbc, 8, 2);
		long classId = place.classId();
		List<Long> students = place.students();
		jdbc.sql("update student set birth_date = date '2012-01-02' where class_id = :k").param("k", classId).update();
		Instant now = Instant.now();
		long campaign = api.post("psych1", "/api/v1/screening/campaigns", Map.of("name", "编码测试", "scaleIds",
				List.of("phq9"), "classIds", List.of(classId), "opensAt", now.minus(1, ChronoUnit.HOURS).toString(),
				"closesAt", now.plus(1, ChronoUnit.DAYS).toString())).json().get("id").asLong();
		for (long s : students) {
			api.post(place.headTeacher(), "/api/v1/screening/campaigns/" + campaign + "/consents", Map.of("studentId", s, "consent", true));
		}
		String sessionCode = jdbc.sql("select session_code from screening_campaign_class where campaign_id = :c")
			.param("c", campaign).query(String.class).single();
		String mineNo = jdbc.sql("select student_no from student where id = :id").param("id", students.get(0))
			.query(String.class).single();
		String theirs = jdbc.sql("select answer_code from screening_invite where campaign_id = :c and student_id = :s")
			.param("c", campaign).param("s", students.get(1)).query(String.class).single();
		String from = "127.0.0." + (100 + (int) (System.nanoTime() % 100));
		jdbc.sql("delete from screening_code_miss where address in (:a, '127.0.0.1')").param("a", from).update();
		// the student opens their questionnaire in the computer room with the class code, 学号 and birth date
		var opened = FromAddress.postJson(from, port, "/api/v1/screening/sessions", "{\"sessionCode\":\"" + sessionCode
				+ "\",\"studentNo\":\"" + mineNo + "\",\"birthDate\":\"2012-01-02\"}");
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		String mine = opened.body().replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1");
		String body = "{\"scaleId\":\"phq9\",\"answers\":{\"1\":1}}";
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 61; i++) {
			String guess = String.format("A%09d", i).replace('0', '2').replace('1', '3');
			statuses.add(FromAddress.postJson(from, port, "/api/v1/screening/sessions/" + guess + "/answers", body)
				.status());
		}
		assertThat(statuses.subList(0, 60)).containsOnly(404);
		assertThat(statuses.get(60)).isEqualTo(429);
		var refused = FromAddress.postJson(from, port, "/api/v1/screening/sessions/" + theirs + "/answers", body);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.headers()).containsIgnoringCase("Retry-After");
		assertThat(FromAddress.postJson(from, port, "/api/v1/screening/sessions/" + mine + "/answers", body).status())
			.isEqualTo(200);
		// another address is not affected
		assertThat(api.post(null, "/api/v1/screening/sessions/" + theirs + "/answers",
				Map.of("scaleId", "phq9", "answers", Map.of("1", 1))).status()).isEqualTo(200);
	}

	@Test
	void codesHaveAtLeastFortyBitsAndReadBackAsTyped() {
		assertThat(Math.log(31) / Math.log(2) * 10).isGreaterThan(40);
		String code = org.mindgrid.screening.campaigns.Codes.next();
		assertThat(code).hasSize(10).matches("[2-9A-HJKMNP-Z]{10}");
		assertThat(org.mindgrid.screening.campaigns.Codes.normalise(code.substring(0, 4).toLowerCase() + "-"
				+ code.substring(4, 8) + " " + code.substring(8))).isEqualTo(code);
		assertThat(org.mindgrid.screening.campaigns.Codes.normalise("ABCD-EFGH-J0")).isNull();
	}
}
