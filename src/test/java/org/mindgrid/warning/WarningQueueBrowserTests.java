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

/** The psychology teacher at a desk: an urgent report is at the top of the queue; she opens and resolves it. */
@IntegrationTest
class WarningQueueBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void psychologyTeacherSeesTheUrgentReportFirstAndResolvesIt() throws Exception {
		long student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset 30 limit 1""")
			.query(Long.class).single();
		long reportId = new Api(port).post("staff1", "/api/v1/observations",
				Map.of("studentId", student, "signs", List.of(1), "crisisLevel", "HIGH", "otherClues", "作文里写到想消失"))
			.json().get("warningReport").get("id").asLong();

		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("psych1", Api.PASSWORD);
			browser.go("/warnings");
			var first = browser.driver().findElement(By.cssSelector("#warning-queue a"));
			assertThat(first.getText()).contains("紧急");
			browser.screenshot("10-psych-queue");
			browser.go("/warnings/" + reportId);
			assertThat(browser.driver().findElement(By.id("warning-views")).getText()).contains("林若曦");
			assertThat(browser.driver().getPageSource()).contains("作文里写到想消失");
			browser.driver().findElement(By.id("reason")).sendKeys("已完成一对一评估，学生情绪稳定，纳入每周辅导");
			browser.tap(browser.driver().findElement(By.cssSelector("form[action$='/resolve'] button[type=submit]")));
			browser.waitUpTo(10).until(d -> d.getPageSource().contains("已结案"));
			browser.screenshot("11-psych-report-resolved");
		}
		String status = jdbc.sql("select status from warning_report where id = :id").param("id", reportId)
			.query(String.class).single();
		assertThat(status).isEqualTo("RESOLVED");
	}
}
