package org.mindgrid.crisis.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 point 5 on a phone (375 px): the district officer opens the review, sees the gaps in red, writes the
 * findings and a responsibility row, adds an action for a mentor and closes the review; nothing is wider than the
 * screen and every button can be tapped.
 */
@IntegrationTest
class ReviewBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDistrictOfficerRunsAReviewOnAPhone() throws Exception {
		var f = new ReviewFixture(jdbc);
		var recorded = ReviewFixture.at(2026, 11, 9, 10);
		f.trigger(recorded);
		f.duty("TRIGGER_HOME_VISIT", recorded, ReviewFixture.at(2026, 11, 10, 18), null);
		long event = f.event();
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("district", Api.PASSWORD);
			var driver = browser.driver();
			browser.go("/crisis/" + event + "/review");
			browser.tap(driver.findElement(By.id("review-open")));
			browser.waitUpTo(5).until(d -> !d.findElements(By.id("review-form")).isEmpty());
			assertThat(driver.findElements(By.cssSelector("#review-gaps .mg-gap"))).hasSize(2);
			assertThat(driver.findElements(By.cssSelector("#review-timeline .mg-gap-line"))).isNotEmpty();
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("i10-p5-review-gaps-375");

			driver.findElement(By.id("review-findings-input")).sendKeys("四必访家访未做；本学期没有谈心。");
			driver.findElement(By.name("role.0")).sendKeys("心导师");
			driver.findElement(By.name("finding.0")).sendKeys("未按期家访");
			driver.findElement(By.id("review-what")).sendKeys("补做家访并记录");
			new Select(driver.findElement(By.id("review-owner"))).selectByVisibleText("孙建平");
			var due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7);
			((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
					"document.getElementById('review-due').value = arguments[0]", due.toString());
			browser.tap(driver.findElement(By.id("review-save")));
			browser.waitUpTo(5).until(d -> !d.findElements(By.id("review-done")).isEmpty());
			assertThat(driver.findElement(By.id("review-actions")).getText()).contains("补做家访并记录", "孙建平");
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("i10-p5-review-saved-375");

			browser.tap(driver.findElement(By.id("review-close")));
			browser.waitUpTo(5).until(d -> d.findElements(By.id("review-form")).isEmpty());
			assertThat(driver.findElement(By.id("review-state")).getText()).isEqualTo("已结束");
			assertThat(driver.findElement(By.id("review-findings-text")).getText()).contains("四必访家访未做");
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("i10-p5-review-closed-375");
		}
	}
}
