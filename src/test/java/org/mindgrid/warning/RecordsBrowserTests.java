package org.mindgrid.warning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, points 3 and 5 on a phone: one report for the student with each source in full, the whole observation
 * on its own page, and the timeline naming the signs.
 */
@IntegrationTest
class RecordsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePsychologyTeacherReadsEverySourceOfTheOneReportInFull() throws Exception {
		long student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset 43 limit 1""")
			.query(Long.class).single();
		Api api = new Api(port);
		long first = api.post("staff1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(3),
				"otherClues", "数学课上一直在本子上画黑色的圈")).json().get("warningReport").get("id").asLong();
		long second = api.post("head1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(1, 6),
				"notes", "把心爱的漫画书都送给了同桌，说以后用不着了")).json().get("warningReport").get("id").asLong();
		assertThat(second).isEqualTo(first);
		long observationId = jdbc.sql("select max(id) from observation where student_id = :s").param("s", student)
			.query(Long.class).single();

		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("psych1", Api.PASSWORD);
			browser.go("/warnings");
			assertThat(browser.driver().findElement(By.id("warning-queue")).getText()).contains("2 条来源");
			browser.go("/warnings/" + first);
			var sources = browser.driver().findElement(By.id("warning-sources"));
			assertThat(sources.getText()).contains("来源记录（2 条）", "数学课上一直在本子上画黑色的圈",
					"把心爱的漫画书都送给了同桌，说以后用不着了", "处理个人重要物品", "提高了紧急程度");
			assertThat(browser.fitsWidth()).isTrue();
			browser.tap(sources.findElement(By.id("source-2")));
			browser.screenshot("i7-p5-report-sources-375");
			browser.go("/observations/" + observationId);
			assertThat(browser.driver().findElement(By.id("observation")).getText())
				.contains("把心爱的漫画书都送给了同桌，说以后用不着了", "有不想活了的念头", "王建华");
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("i7-p3-observation-375");
			browser.go("/students/" + student + "/timeline");
			assertThat(browser.driver().getPageSource()).contains("处理个人重要物品", "数学课上一直在本子上画黑色的圈");
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("i7-p3-timeline-375");
		}
	}
}
