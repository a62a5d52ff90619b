package org.mindgrid.warning;

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
 * Issue 7, point 8: a warning report names its signs ("有不想活了的念头"), never "预警信号 [1, 7]", and its dates
 * follow the reader's language.
 */
@IntegrationTest
class ReportWordsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReportNamesItsSignsAndDatesInTheReadersLanguage() {
		long student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset 43 limit 1""")
			.query(Long.class).single();
		var r = new Api(port).post("staff1", "/api/v1/observations", Map.of("studentId", student, "signs",
				List.of(1, 7), "categories", List.of(), "otherClues", "说想消失", "crisisLevel", "HIGH", "notes", ""));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long report = r.json().get("warningReport").get("id").asLong();

		PageClient psych = PageClient.login(port, "psych1");
		String zh = psych.get("/warnings/" + report).body();
		assertThat(zh).contains("有不想活了的念头", "无缘由睡眠减少或增加").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
		assertThat(zh).doesNotContain("[1, 7]", "sign.1");

		String en = psych.get("/warnings/" + report + "?lang=en").body();
		assertThat(en).contains("Sleeping much less or more without reason").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(en).doesNotContain("[1, 7]", "无缘由睡眠减少或增加").doesNotContainPattern("\\d{1,2}月\\d{1,2}日");
	}
}
