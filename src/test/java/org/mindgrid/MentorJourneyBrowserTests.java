package org.mindgrid;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mentor on a phone (375 px): logs in, sees exactly their own students, opens one and saves the growth archive,
 * then records a daily observation. Screenshots go to target/screenshots/.
 */
@IntegrationTest
class MentorJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mentorSeesOwnStudentsSavesAnArchiveAndRecordsAnObservation() throws Exception {
		Set<Long> own = new HashSet<>(jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 join student s on s.id = ma.student_id where u.username = 'mentor1' order by s.student_no""")
			.query(Long.class).list());
		assertThat(own).hasSize(15);

		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("mentor1", Api.PASSWORD);
			browser.screenshot("01-mentor-home");

			browser.go("/students");
			List<WebElement> rows = browser.driver().findElements(By.cssSelector(".mg-student-row"));
			Set<Long> shown = new HashSet<>();
			for (WebElement row : rows) {
				String href = row.getAttribute("href");
				shown.add(Long.parseLong(href.substring(href.lastIndexOf('/') + 1)));
			}
			// The whole class (a mentor may observe any of it: ADR 0018), their own students among it.
			assertThat(shown).isNotEmpty();
			assertThat(browser.driver().getPageSource()).contains("共 45 名学生");
			assertThat(browser.fitsWidth()).as("no horizontal scrolling at 375 px").isTrue();
			browser.screenshot("02-mentor-students");

			long studentId = own.stream().sorted().findFirst().orElseThrow();
			browser.go("/students/" + studentId);
			assertThat(browser.driver().getPageSource()).contains("八年级（1）班");
			browser.screenshot("03-student-hub");
			browser.driver().findElement(By.cssSelector("a[href$='/students/" + studentId + "/archive/edit']")).click();
			browser.waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/archive/edit"));
			String interests = "篮球、书法、围棋 " + System.nanoTime();
			browser.tap(browser.driver().findElement(By.cssSelector("#section-study > summary")));
			WebElement field = browser.driver().findElement(By.cssSelector("#section-study textarea[name='interests']"));
			field.clear();
			field.sendKeys(interests);
			browser.screenshot("04-archive-edit");
			WebElement save = browser.driver().findElement(By.cssSelector("form[action$='/students/" + studentId + "/archive/sections/study'] button[type=submit]"));
			browser.tap(save);
			browser.waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#section-study .mg-section-saved")).isEmpty());
			assertThat(browser.driver().getPageSource()).contains(interests);
			browser.screenshot("05-archive-saved");
			String stored = jdbc.sql("select content->>'interests' from growth_archive where student_id = :s")
				.param("s", studentId).query(String.class).single();
			assertThat(stored).isEqualTo(interests);

			browser.go("/observations/new");
			String name = jdbc.sql("select name from student where id = :s").param("s", studentId).query(String.class).single();
			browser.driver().findElement(By.id("q")).sendKeys(name.substring(0, 2));
			browser.waitUpTo(10).until(d -> !d.findElements(By.cssSelector(".mg-match")).isEmpty());
			browser.screenshot("06-observation-search");
			browser.driver().findElements(By.cssSelector(".mg-match")).stream()
				.filter(e -> e.getAttribute("href").endsWith("studentId=" + studentId)).findFirst().orElseThrow().click();
			browser.waitUpTo(10).until(d -> !d.findElements(By.id("observation-form")).isEmpty());
			browser.tap(browser.driver().findElement(By.cssSelector("label[for='sign-12']")));
			assertThat(browser.fitsWidth()).as("observation form fits 375 px").isTrue();
			browser.screenshot("07-observation-form");
			WebElement submit = browser.driver().findElement(By.id("submit-observation"));
			browser.tap(submit);
			browser.waitUpTo(10).until(d -> !d.findElements(By.id("observation-saved")).isEmpty());
			assertThat(browser.driver().findElements(By.id("warning-high"))).hasSize(1);
			browser.screenshot("08-observation-saved");
			long observations = jdbc.sql("select count(*) from observation where student_id = :s and 12 = any(signs)")
				.param("s", studentId).query(Long.class).single();
			assertThat(observations).isEqualTo(1);
		}
	}
}
