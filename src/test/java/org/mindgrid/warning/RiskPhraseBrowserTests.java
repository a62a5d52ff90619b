package org.mindgrid.warning;

import java.util.List;

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
 * Issue 7, point 14 on a phone (375 × 812): typing a risk phrase into a talk shows the banner before saving, an
 * idiom shows none, the save button stays tappable, and a save without escalation lands as 请复核. Screenshots:
 * target/screenshots/i7-p14-*-375.png.
 */
@IntegrationTest
class RiskPhraseBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A new student of mentor1's class, assigned to mentor1, so no other test's report is joined. */
	private long newStudent() {
		long[] place = jdbc.sql("""
				select p.school_id, p.class_id, p.user_id from post p join app_user u on u.id = p.user_id
				 where u.username = 'mentor1' and p.role = 'MENTOR' limit 1""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		long id = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:school, :class, :no, '横幅测试', 'F', date '2012-03-04') returning id""")
			.param("school", place[0]).param("class", place[1]).param("no", "RPB-" + System.nanoTime() % 1_000_000_000)
			.query(Long.class).single();
		jdbc.sql("insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at) values (:c, :m, :s, now())")
			.param("c", place[1]).param("m", place[2]).param("s", id).update();
		return id;
	}

	private static List<String> banners(Browser browser) {
		return browser.driver().findElements(By.cssSelector(".mg-risk-alert")).stream().map(WebElement::getText).toList();
	}

	/** Whether the element at the centre of the button is the button (or inside it). */
	private static boolean tappable(Browser browser, WebElement button) {
		Object ok = ((JavascriptExecutor) browser.driver()).executeScript("""
				var b = arguments[0]; b.scrollIntoView({ block: 'center' });
				var r = b.getBoundingClientRect();
				var el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return el === b || b.contains(el);""", button);
		return Boolean.TRUE.equals(ok);
	}

	@Test
	void typingARiskPhraseShowsTheBannerBeforeSaving() throws Exception {
		long student = newStudent();
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("mentor1", Api.PASSWORD);
			browser.go("/students/" + student + "/talks/new");
			browser.driver().findElement(By.id("place")).sendKeys("教室");
			browser.driver().findElement(By.id("topics")).sendKeys("最近的心情");
			WebElement state = browser.driver().findElement(By.id("state"));
			state.sendKeys("下课一起玩，笑死了");
			Thread.sleep(1500);
			assertThat(banners(browser)).as("an idiom is no risk").isEmpty();

			state.sendKeys("。但她说有时候想消失");
			browser.waitUpTo(10).until(d -> !banners(browser).isEmpty());
			assertThat(banners(browser)).containsExactly("记录中出现“想消失”，建议紧急上报");
			WebElement save = browser.driver().findElement(By.cssSelector("form button[type=submit].btn-primary"));
			assertThat(tappable(browser, save)).as("the banner does not cover 保存").isTrue();
			((JavascriptExecutor) browser.driver()).executeScript(
					"document.querySelector('.mg-risk-banner').scrollIntoView({ block: 'center' });");
			browser.screenshot("i7-p14-banner-375");
			assertThat(browser.fitsWidth()).isTrue();

			// The writer keeps 不上报 and saves: the psychology teacher gets it to review.
			browser.tap(save);
			browser.waitUpTo(10).until(d -> !d.getCurrentUrl().endsWith("/talks/new"));
			assertThat(jdbc.sql("select urgency from warning_report where student_id = :s and status = 'OPEN'")
				.param("s", student).query(String.class).single()).isEqualTo("REVIEW");
		}
	}

	@Test
	void theBannerSpeaksEnglishAndTheObservationFormHasItToo() throws Exception {
		long student = newStudent();
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("mentor1", Api.PASSWORD);
			browser.go("/observations/new?studentId=" + student + "&lang=en");
			((JavascriptExecutor) browser.driver()).executeScript(
					"document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
			WebElement notes = browser.driver().findElement(By.name("notes"));
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", notes);
			notes.sendKeys("他说不想活了");
			browser.waitUpTo(10).until(d -> !banners(browser).isEmpty());
			assertThat(banners(browser).get(0)).isEqualTo("The record contains \"不想活\": an urgent escalation is advised");
			browser.screenshot("i7-p14-observation-en-375");
		}
	}
}
