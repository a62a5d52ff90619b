package org.mindgrid.screening.classwork;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The head teacher rates a whole student at desk size (1280×800) with the keyboard only: 80 cells typed, each save
 * seen, the submit button really clickable, the result on the page and in the student's screening history.
 */
@IntegrationTest
class RatingGridBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aHeadTeacherRatesAWholeStudentWithTheKeyboardAndSubmits() throws Exception {
		ClassworkFixture f = new ClassworkFixture(jdbc, new Api(port), 4, 3).campaign(clock, "mhrsp");
		f.consent(0, true);
		f.consent(1, true);
		// student 2: no consent, greyed out
		try (Browser browser = Browser.open(port, 1280, 800)) {
			WebDriver driver = browser.driver();
			JavascriptExecutor js = (JavascriptExecutor) driver;
			browser.login(f.head, Api.PASSWORD);
			browser.go(f.pagePath());
			WebElement row = driver.findElement(By.cssSelector("tr[data-student='" + f.students.get(0) + "']"));
			List<WebElement> cells = row.findElements(By.cssSelector("td input"));
			assertThat(cells).hasSize(80);
			WebElement off = driver.findElement(By.cssSelector("tr[data-student='" + f.students.get(2) + "']"));
			assertThat(off.getAttribute("class")).contains("cw-off");
			assertThat(off.findElements(By.cssSelector("td input")).stream().allMatch(i -> !i.isEnabled())).isTrue();

			browser.tap(cells.get(0));
			// the focus bar names the student and the item
			assertThat(driver.findElement(By.cssSelector("#rate-mhrsp .cw-itembar")).getText())
				.contains(f.names.get(0), "第 1 题");
			// 80 keystrokes, each moving on by itself: items 1-10 (subscale A) 经常, the rest alternate 0/1
			StringBuilder keys = new StringBuilder();
			int expected = 0;
			for (int no = 1; no <= 80; no++) {
				int v = no <= 10 ? 2 : no % 2;
				keys.append(v);
				expected += v;
			}
			for (char c : keys.toString().toCharArray()) {
				driver.switchTo().activeElement().sendKeys(String.valueOf(c));
			}
			// after the row's last cell the focus went on to the next ratable student
			assertThat(driver.switchTo().activeElement().getAttribute("aria-label")).contains(f.names.get(1));
			browser.waitUpTo(30).until(d -> row.findElements(By.cssSelector("td.cw-saved")).size() == 80);
			assertThat(row.findElements(By.cssSelector("td.cw-failed, td.cw-saving"))).isEmpty();
			assertThat(row.findElement(By.cssSelector(".cw-count")).getText()).isEqualTo("80");
			long stored = jdbc.sql("""
					select count(*) from screening_response r, jsonb_object_keys(r.answers)
					 where r.campaign_id = :c and r.student_id = :s and r.scale_id = 'mhrsp'""")
				.param("c", f.campaignId).param("s", f.students.get(0)).query(Long.class).single();
			assertThat(stored).isEqualTo(80);

			// arrows move: up from the next student's first cell lands on this row's first cell
			driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ARROW_UP);
			assertThat(driver.switchTo().activeElement().getAttribute("data-item")).isEqualTo("1");
			assertThat(driver.switchTo().activeElement().getAttribute("aria-label")).contains(f.names.get(0));

			WebElement submit = row.findElement(By.cssSelector(".cw-submit"));
			assertThat(submit.isEnabled()).isTrue();
			js.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", submit);
			Object hit = js.executeScript("""
					var b = arguments[0], r = b.getBoundingClientRect();
					var el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
					return el === b || b.contains(el);""", submit);
			assertThat(hit).as("the submit button is what sits at its centre").isEqualTo(true);
			submit.click();
			browser.waitUpTo(15).until(d -> !row.findElements(By.cssSelector(".cw-result")).isEmpty());
			String result = row.findElement(By.cssSelector(".cw-result")).getText();
			assertThat(result).contains("合计 " + expected, "超过筛查界值");
			assertThat(cells.get(5).isEnabled()).isFalse();
			browser.screenshot("classwork-rating-grid");
		}
		JsonNode history = new Api(port).get(f.head, "/api/v1/students/" + f.students.get(0) + "/screenings").json();
		assertThat(history.toString()).contains("\"mhrsp\"", "CUTOFF");
		assertThat(history.get(0).get("total").asDouble()).isEqualTo(55.0);
	}

	@Test
	void consentIsEnteredOnAPhoneOneTapPerStudentWithoutLosingThePlace() throws Exception {
		ClassworkFixture f = new ClassworkFixture(jdbc, new Api(port), 5, 14).campaign(clock, "mhrsp");
		try (Browser browser = Browser.open(port, 375, 812)) {
			WebDriver driver = browser.driver();
			JavascriptExecutor js = (JavascriptExecutor) driver;
			browser.login(f.head, Api.PASSWORD);
			browser.go(f.pagePath());
			assertThat(browser.fitsWidth()).as("the page does not scroll sideways at 375 px").isTrue();
			long student = f.students.get(11);
			WebElement yes = driver.findElement(By.cssSelector("#consent-" + student + " button.cw-yes"));
			js.executeScript("arguments[0].scrollIntoView({block: 'center'});", yes);
			Object hit = js.executeScript("""
					var b = arguments[0], r = b.getBoundingClientRect();
					var el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
					return el === b || b.contains(el);""", yes);
			assertThat(hit).as("the consent button is what sits at its centre").isEqualTo(true);
			long before = ((Number) js.executeScript("return Math.round(window.scrollY);")).longValue();
			js.executeScript("window.cwMarker = 1;");
			yes.click();
			browser.waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.cssSelector("#consent-" + student + " .cw-state")).getText()
				.contains("同意 ·"));
			assertThat(js.executeScript("return window.cwMarker;")).as("no page reload").isEqualTo(1L);
			long after = ((Number) js.executeScript("return Math.round(window.scrollY);")).longValue();
			assertThat(Math.abs(after - before)).as("the page keeps its place").isLessThan(40);
			browser.waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(d -> d.findElement(By.id("consent-counts")).getText().contains("未回复 13"));
			assertThat(driver.findElement(By.id("consent-counts")).getText()).contains("同意 1", "未回复 13");
			driver.findElement(By.cssSelector("#consent-" + f.students.get(12) + " button.cw-no")).click();
			browser.waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.id("consent-counts")).getText().contains("拒绝 1"));
			browser.screenshot("classwork-consent-phone");
		}
		Boolean consent = jdbc.sql("select consent from screening_invite where campaign_id = :c and student_id = :s")
			.param("c", f.campaignId).param("s", f.students.get(11)).query(Boolean.class).single();
		assertThat(consent).isTrue();
	}
}
