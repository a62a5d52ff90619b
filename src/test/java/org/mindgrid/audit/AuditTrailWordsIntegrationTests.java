package org.mindgrid.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 8: the access trail page shows words, not the log's codes — actions, sign names, people with their
 * posts, record kinds, "this computer" for loopback and IPv4 without its IPv6 mapping — in Chinese and English.
 */
@IntegrationTest
class AuditTrailWordsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Test
	void theTrailPageNamesActionsSignsPeopleAndAddressesInTheReadersLanguage() {
		long student = jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 join student s on s.id = ma.student_id
				 where u.username = 'mentor1' order by s.student_no desc offset 9 limit 1""").query(Long.class).single();
		Api api = new Api(port);
		var observed = api.post("mentor1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(3),
				"categories", List.of(), "otherClues", "上课走神", "crisisLevel", "NONE", "notes", ""));
		assertThat(observed.status()).as(observed.body()).isEqualTo(201);
		assertThat(api.get("mentor1", "/api/v1/students/" + student + "/timeline").status()).isEqualTo(200);
		long psych2 = jdbc.sql("select id from app_user where username = 'psych2'").query(Long.class).single();
		audit.recordFor(psych2, "psych2", "ACCESS_REFUSED", "/students/" + student, student, "GET 404",
				"::ffff:10.1.2.3");

		PageClient psych = PageClient.login(port, "psych1");
		String zh = psych.get("/students/" + student + "/audit").body();
		assertThat(zh).contains("记录日常观察", "预警信号：丧失兴趣", "查看时间线", "记录类型：全部", "李思远（心导师）",
				"心理教师", "本机", "10.1.2.3", "访问被拒绝", "请求 GET，结果 404", "日常观察 ");
		assertThat(zh).doesNotContain("OBSERVATION_RECORDED", "signs [3]", "TIMELINE_READ", "kinds=ALL", ">mentor1<",
				"0:0:0:0:0:0:0:1", "127.0.0.1", "::ffff:", "observation/", "student/" + student + "/");

		String en = psych.get("/students/" + student + "/audit?lang=en").body();
		assertThat(en).contains("Observation recorded", "Warning signs: ", "Timeline viewed", "Record kinds: All",
				"李思远 (Mentor)", "This computer (local)", "Access refused", "Observation no. ");
		assertThat(en).doesNotContain("OBSERVATION_RECORDED", "signs [3]", "记录日常观察", "本机", "预警信号");
	}
}
