package org.mindgrid.duty;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DutyBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aMentorSeesTheirDutiesFirstOnAPhone() throws Exception {
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("mentor1", Api.PASSWORD);
			var driver = browser.driver();
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("我的待办");
			assertThat(driver.findElements(By.cssSelector("#upcoming .mg-duty-row"))).isNotEmpty();
			assertThat(driver.findElement(By.id("coverage")).getText()).contains("学期覆盖情况");
			assertThat(driver.findElement(By.cssSelector(".mg-bottombar")).getText()).contains("待办", "消息");
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("duties-375");

			// Issue 7, point 7: the semester talks are one line with a count; a tap opens it to the students, each
			// with a link to the student and to the prefilled talk form.
			var group = driver.findElement(By.cssSelector("#upcoming details#group-SEMESTER_TALK"));
			assertThat(group.getText()).contains("学期谈心", "名学生");
			assertThat(group.findElements(By.cssSelector(".mg-duty-action")).get(0).isDisplayed()).isFalse();
			browser.tap(group.findElement(By.tagName("summary")));
			browser.waitUpTo(5).until(d -> group.getDomAttribute("open") != null);
			var action = group.findElements(By.cssSelector(".mg-duty-action")).get(0);
			assertThat(action.isDisplayed()).isTrue();
			assertThat(action.getDomAttribute("href")).matches("/students/\\d+/talks/new\\?duty=\\d+");
			assertThat(group.findElements(By.cssSelector(".mg-duty-student")).get(0).getDomAttribute("href"))
				.matches("/students/\\d+");
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("i7-p7-duties-grouped-375");
			browser.tap(action);
			browser.waitUpTo(5).until(d -> d.getCurrentUrl().matches(".*/students/\\d+/talks/new\\?duty=\\d+$"));
			assertThat(driver.getPageSource()).contains("学期谈心");
			browser.screenshot("i7-p7-talk-form-from-duty-375");

			browser.go("/duties");
			var firstGroup = driver.findElement(By.cssSelector("#upcoming details#group-SEMESTER_TALK"));
			browser.tap(firstGroup.findElement(By.tagName("summary")));
			browser.tap(firstGroup.findElement(By.cssSelector(".mg-duty-open")));
			browser.waitUpTo(5).until(d -> d.getCurrentUrl().matches(".*/duties/\\d+$"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isIn("学期谈心", "学期家访", "四必访家访", "一对一评估");
			assertThat(browser.fitsWidth()).isTrue();
		}
	}
}
