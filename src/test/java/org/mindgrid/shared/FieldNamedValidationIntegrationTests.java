package org.mindgrid.shared;

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
 * Issue 7, point 8: a refused field's message names the field ("其他线索：长度须在 0 到 2000 之间"), not the
 * validator's bare "个数必须在0和2000之间", in API problems and on the archive page, in Chinese and English.
 */
@IntegrationTest
class FieldNamedValidationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long student(int offset) {
		return jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset :o limit 1""")
			.param("o", offset).query(Long.class).single();
	}

	@Test
	void anOverlongObservationFieldIsNamedInTheProblem() {
		Map<String, Object> body = Map.of("studentId", student(40), "signs", List.of(), "categories", List.of(),
				"otherClues", "长".repeat(2001), "crisisLevel", "NONE", "notes", "");
		var zh = new Api(port).post("head1", "/api/v1/observations", body);
		assertThat(zh.status()).isEqualTo(400);
		String message = zh.json().get("errors").get("otherClues").asString();
		assertThat(message).startsWith("其他线索：").contains("2000").doesNotContain("个数必须");

		var en = new Api(port).post("head1", "/api/v1/observations?lang=en", body);
		assertThat(en.json().get("errors").get("otherClues").asString()).startsWith("Other clues: ").contains("2000")
			.doesNotContainPattern("\\p{IsHan}");
	}

	@Test
	void anOverlongArchiveFieldIsNamedOnTheArchivePageAndInTheApi() {
		long id = student(41);
		PageClient head = PageClient.login(port, "head1");
		head.get("/students/" + id + "/archive/edit");
		int version = new Api(port).get("head1", "/api/v1/students/" + id + "/archive").json().get("version").asInt();
		var page = head.post("/students/" + id + "/archive/sections/study",
				List.of(Map.entry("version", String.valueOf(version)), Map.entry("study", "学".repeat(2001))));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("学习情况：长度须在 0 到 2000 之间").doesNotContain("个数必须");

		var api = new Api(port).put("head1", "/api/v1/students/" + id + "/archive?lang=en",
				Map.of("version", version, "archive", Map.of("personal", Map.of("address", "路".repeat(301)))));
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.json().get("errors").toString()).contains("Home address: must be between 0 and 300");
	}
}
