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

			driver.findElement(By.cssSelector("#upcoming .mg-duty-row")).click();
			browser.waitUpTo(5).until(d -> d.getCurrentUrl().matches(".*/duties/\\d+$"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isIn("学期谈心", "学期家访", "四必访家访", "一对一评估");
			assertThat(browser.fitsWidth()).isTrue();
		}
	}
}
