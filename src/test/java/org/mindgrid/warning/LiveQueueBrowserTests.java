package org.mindgrid.warning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 4, on a phone: the psychology teacher keeps the queue open; a head teacher reports sign 1 of a
 * student; within the polling interval, without a reload, the report's row appears highlighted with
 * a line above it, and the inbox badge counts one more.
 */
@IntegrationTest
class LiveQueueBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewUrgentReportAppearsInTheOpenQueueHighlightedAndTheBadgeCounts() throws Exception {
		// a class no other test reports in: the first school's last grade-7 class, reported by its head teacher
		long classId = jdbc.sql("""
				select c.id from school_class c join grade g on g.id = c.grade_id join school sc on sc.id = c.school_id
				 where sc.name = '海曙区实验学校' and g.level = 7 and c.name = '2班'""")
			.query(Long.class).single();
		long student = jdbc.sql("""
				select s.id from student s where s.class_id = :c
				   and not exists (select 1 from warning_report w where w.student_id = s.id)
				 order by s.id limit 1""")
			.param("c", classId).query(Long.class).single();
		String head = jdbc.sql("""
				select u.username from post p join app_user u on u.id = p.user_id
				 where p.role = 'HEAD_TEACHER' and p.class_id = :c limit 1""")
			.param("c", classId).query(String.class).single();
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("psych1", Api.PASSWORD);
			browser.go("/warnings");
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			// a reload would drop this mark
			js.executeScript("window.mgSamePage = true;");
			long badgeBefore = badge(js);
			assertThat(browser.driver().findElements(By.cssSelector("#warning-queue .mg-new"))).isEmpty();

			long reportId = new Api(port).post(head, "/api/v1/observations",
					Map.of("studentId", student, "signs", List.of(1), "crisisLevel", "HIGH", "otherClues", "说不想活了"))
				.json().get("warningReport").get("id").asLong();

			// the queue polls every 15 s, the badge every 20 s
			browser.waitUpTo(40).until(d -> !d.findElements(By.cssSelector("#warning-row-" + reportId + ".mg-new")).isEmpty());
			browser.waitUpTo(40).until(d -> badge(js) == badgeBefore + 1);
			assertThat(js.executeScript("return window.mgSamePage === true;")).isEqualTo(true);

			WebElement row = browser.driver().findElement(By.id("warning-row-" + reportId));
			assertThat(row.getText()).contains("紧急", "新");
			assertThat(row.getCssValue("border-left-color")).isEqualTo("rgba(220, 53, 69, 1)");
			assertThat(browser.driver().findElement(By.id("warning-queue-news")).isDisplayed()).isTrue();
			assertThat(browser.driver().getTitle()).startsWith("(1) ");
			assertThat(browser.fitsWidth()).isTrue();
			// the row is what a tap at its centre reaches, not the bottom bar
			js.executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
			Object hit = js.executeScript("""
					var r = arguments[0].getBoundingClientRect();
					var el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
					return el !== null && el.closest('a') === arguments[0];""", row);
			assertThat(hit).isEqualTo(true);
			js.executeScript("window.scrollTo(0, 0);");
			browser.screenshot("i7-live-queue");

			browser.tap(row);
			browser.waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/warnings/" + reportId));
			// opening the report read its notice: the badge is back where it was
			assertThat(badge(js)).isEqualTo(badgeBefore);
		}
		// leave no open report behind for the tests that come later
		assertThat(new Api(port).post("psych1", "/api/v1/warning-reports/" + reportIdOf(student) + "/resolve",
				Map.of("reason", "测试结束")).status()).isEqualTo(200);
	}

	private long reportIdOf(long student) {
		return jdbc.sql("select id from warning_report where student_id = :s and status = 'OPEN'").param("s", student)
			.query(Long.class).single();
	}

	/** The phone's bottom-bar badge, 0 when there is none. */
	private static long badge(JavascriptExecutor js) {
		Object text = js.executeScript(
				"var b = document.querySelector('.mg-bottombar .mg-unread'); return b ? b.textContent : '0';");
		return Long.parseLong(String.valueOf(text).strip());
	}
}
