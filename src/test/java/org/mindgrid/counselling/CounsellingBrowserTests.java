package org.mindgrid.counselling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
 * A psychology teacher schedules a head teacher's request in the counselling room's week, at her desk and on a
 * phone (375 px): the schedule button is on top where it is drawn, and the appointment then stands on its day.
 */
@IntegrationTest
class CounsellingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aPsychologyTeacherSchedulesAnAppointment() throws Exception {
		Api api = new Api(port);
		long student = jdbc.sql("""
				select m.student_id from mentor_assignment m join app_user u on u.id = m.mentor_user_id
				 where u.username = 'mentor1' order by m.student_id limit 1 offset 1""").query(Long.class).single();
		for (int[] size : new int[][] { { 1280, 900 }, { 375, 812 } }) {
			long id = api.post("head1", "/api/v1/counselling/appointments", Map.of("studentId", student, "topic",
					"EMOTION", "preferred", "周四下午")).json().get("id").asLong();
			LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
				.plusDays(ThreadLocalRandom.current().nextInt(8, 200));
			String time = String.format("%02d:%02d", 13 + ThreadLocalRandom.current().nextInt(4),
					ThreadLocalRandom.current().nextInt(60));
			try (Browser browser = Browser.open(port, size[0], size[1])) {
				browser.login("psych1", Api.PASSWORD);
				browser.go("/counselling");
				WebElement card = browser.driver().findElement(By.id("appointment-" + id));
				assertThat(card.getText()).contains("班主任代为申请", "周四下午");
				assertThat(browser.fitsWidth()).as("one column at " + size[0] + " px").isTrue();
				((JavascriptExecutor) browser.driver()).executeScript("""
						document.getElementById('date-' + arguments[0]).value = arguments[1];
						document.getElementById('time-' + arguments[0]).value = arguments[2];""", id, day.toString(), time);
				browser.screenshot("i13-counselling-schedule-" + size[0]);
				clickable(browser, browser.driver().findElement(By.id("schedule-" + id)));
				browser.waitUpTo(5).until(d -> d.getCurrentUrl().contains("done=schedule"));
				WebElement placed = browser.driver()
					.findElement(By.cssSelector("[data-day='" + day + "'] [data-appointment='" + id + "']"));
				assertThat(placed.getAttribute("data-status")).isEqualTo("SCHEDULED");
				assertThat(placed.getText()).contains(time, "心理辅导室");
			}
			assertThat(jdbc.sql("select status from counselling_appointment where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("SCHEDULED");
		}
	}

	/** The element at the button's centre is the button (nothing covers it); then it is clicked. */
	private static void clickable(Browser browser, WebElement button) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
		Object top = ((JavascriptExecutor) browser.driver()).executeScript("""
				var r = arguments[0].getBoundingClientRect();
				var el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return el === arguments[0] || arguments[0].contains(el);""", button);
		assertThat(top).as("the button is on top at its centre").isEqualTo(true);
		button.click();
	}
}
