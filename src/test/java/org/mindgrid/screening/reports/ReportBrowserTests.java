package org.mindgrid.screening.reports;

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
 * The demo campaign's reports in a browser: charts drawn at a desk and on a 375 px phone without sideways
 * scrolling, the export a real button; the district officer's table on a phone.
 */
@IntegrationTest
class ReportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long[] demoCampaign() {
		return jdbc.sql("""
				select c.id, p.class_id from screening_campaign c
				  join post p on p.school_id = c.school_id and p.role = 'HEAD_TEACHER'
				  join app_user u on u.id = p.user_id and u.username = 'head1'
				 order by c.opens_at, c.id limit 1""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	private static boolean atItsCentre(Browser browser, WebElement element) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		Object hit = ((JavascriptExecutor) browser.driver()).executeScript("""
				const r = arguments[0].getBoundingClientRect();
				const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return e === arguments[0] || arguments[0].contains(e);""", element);
		return Boolean.TRUE.equals(hit);
	}

	@Test
	void schoolAndClassReportsDrawTheirChartsAtADeskAndOnAPhone() throws Exception {
		long[] demo = demoCampaign();
		String school = "/screening/campaigns/" + demo[0] + "/report";
		String cls = school + "?classId=" + demo[1];
		try (Browser desk = Browser.open(port, 1280, 900)) {
			desk.login("psych1", Api.PASSWORD);
			desk.go(school);
			assertThat(desk.driver().findElements(By.cssSelector("svg.mg-chart"))).isNotEmpty();
			desk.screenshot("screening-report-school-desk");
			desk.go(cls);
			WebElement chart = desk.driver().findElement(By.cssSelector("svg.mg-chart"));
			assertThat(chart.getSize().getWidth()).isGreaterThan(600);
			assertThat(desk.driver().findElement(By.id("individuals")).isDisplayed()).isTrue();
			desk.screenshot("screening-report-class-desk");
			assertThat(atItsCentre(desk, desk.driver().findElement(By.id("export-xlsx")))).isTrue();
		}
		try (Browser phone = Browser.open(port, 375, 812)) {
			phone.login("psych1", Api.PASSWORD);
			phone.go(school);
			assertThat(phone.fitsWidth()).as("school report fits 375 px").isTrue();
			WebElement chart = phone.driver().findElement(By.cssSelector("svg.mg-chart"));
			assertThat(chart.getSize().getWidth()).isBetween(250, 375);
			phone.screenshot("screening-report-school-phone");
			phone.go(cls);
			assertThat(phone.fitsWidth()).as("class report fits 375 px").isTrue();
			assertThat(atItsCentre(phone, phone.driver().findElement(By.id("export-xlsx")))).isTrue();
			((JavascriptExecutor) phone.driver()).executeScript(
					"document.getElementById('individuals').scrollIntoView({block: 'start'});");
			phone.screenshot("screening-report-class-phone");
		}
		try (Browser phone = Browser.open(port, 375, 812)) {
			phone.login("district", Api.PASSWORD);
			phone.go("/screening/district");
			assertThat(phone.fitsWidth()).as("district table fits 375 px").isTrue();
			assertThat(atItsCentre(phone, phone.driver().findElement(By.cssSelector("#window-form button[type=submit]"))))
				.isTrue();
			phone.screenshot("screening-district-phone");
		}
	}
}
