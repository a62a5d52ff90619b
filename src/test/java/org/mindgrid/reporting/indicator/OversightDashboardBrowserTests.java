package org.mindgrid.reporting.indicator;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's dashboards as their readers see them: a school leader's (indicators, a rendered chart, the classes
 * behind a miss), the district officer's table of schools (sortable, coloured, no student names) and the city
 * officer's districts; {@code /oversight} takes each to their own and refuses a mentor; {@code ?lang=en} works.
 */
@IntegrationTest
class OversightDashboardBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void eachReaderLandsOnTheirOwnDashboardAndOthersAreRefused() {
		PageClient principal = PageClient.login(port, "principal1");
		var home = principal.get("/oversight");
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location()).contains("/oversight/schools/");
		var school = principal.get(home.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(school.status()).isEqualTo(200);
		assertThat(school.body()).contains("id=\"indicator-table\"").contains("心理辅导课").contains("data-mg-chart");

		PageClient district = PageClient.login(port, "district");
		var d = district.get("/oversight");
		assertThat(d.location()).contains("/oversight/districts/");
		var table = district.get(d.location().replaceFirst("^https?://[^/]+", "") + "?ownership=PUBLIC");
		assertThat(table.status()).isEqualTo(200);
		assertThat(table.body()).contains("id=\"school-table\"").contains("海曙区实验学校");
		assertThat(table.body()).as("no student names before a bureau").doesNotContain("id=\"case-counts\"");

		PageClient city = PageClient.login(port, "city");
		var c = city.get("/oversight");
		assertThat(c.location()).contains("/oversight/cities/");
		var cityPage = city.get(c.location().replaceFirst("^https?://[^/]+", "") + "?lang=en");
		assertThat(cityPage.status()).isEqualTo(200);
		assertThat(cityPage.body()).contains("id=\"district-table\"").contains("Psychology lessons");

		PageClient mentor = PageClient.login(port, "mentor1");
		assertThat(mentor.get("/oversight").status()).isEqualTo(403);
		assertThat(PageClient.login(port, "psych2").get(home.location().replaceFirst("^https?://[^/]+", "")).status())
			.as("another school's psychology teacher").isEqualTo(403);
	}

	@Test
	void theSchoolChartRendersAndTheDistrictTableSorts() throws Exception {
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("principal1", Api.PASSWORD);
			browser.go("/oversight");
			WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
			WebElement canvas = wait.until(d -> d.findElements(By.cssSelector("#indicator-chart canvas")).stream()
				.findFirst().orElse(null));
			assertThat(canvas.getSize().getWidth()).as("the chart drew on a canvas").isGreaterThan(300);
			assertThat(browser.driver().findElements(By.cssSelector("#indicator-table tbody tr")))
				.hasSizeGreaterThan(15);
			wait.until(d -> !d.findElements(By.cssSelector("#indicator-trend canvas")).isEmpty());
			assertThat(browser.driver().findElements(By.cssSelector("#category-trend canvas"))).as("categories over time").hasSize(1);
			browser.screenshot("i12-school-dashboard-1280");

			browser.driver().manage().deleteAllCookies();
			browser.login("district", Api.PASSWORD);
			browser.go("/oversight");
			wait.until(d -> !d.findElements(By.cssSelector("#school-table tbody tr")).isEmpty());
			assertThat(browser.driver().findElements(By.cssSelector("#school-table td.table-danger, #school-table td.table-success")))
				.as("cells coloured by status").isNotEmpty();
			wait.until(d -> !d.findElements(By.cssSelector("#indicator-trend canvas")).isEmpty());
			assertThat(browser.driver().findElements(By.cssSelector("#category-trend canvas"))).hasSize(1);
			assertThat(browser.driver().findElements(By.cssSelector("#warning-table tbody tr"))).isNotEmpty();
			browser.screenshot("i12-district-table-1280");

			browser.driver().manage().deleteAllCookies();
			browser.login("city", Api.PASSWORD);
			browser.go("/oversight");
			wait.until(d -> d.findElements(By.cssSelector("#district-table tbody tr")).size() > 1);
			WebElement district = browser.driver().findElement(By.cssSelector("#district-table thead th"));
			district.click();
			district.click();
			assertThat(district.getAttribute("aria-sort")).isEqualTo("ascending");
			Object sorted = ((JavascriptExecutor) browser.driver()).executeScript("""
					var names = Array.prototype.map.call(document.querySelectorAll('#district-table tbody tr td:first-child'),
					    function (td) { return td.getAttribute('data-sort'); });
					var copy = names.slice().sort(function (a, b) { return a.localeCompare(b, 'zh'); });
					return names.length > 1 && names.join('|') === copy.join('|');""");
			assertThat(sorted).as("the districts in ascending order after two clicks").isEqualTo(true);
			wait.until(d -> !d.findElements(By.cssSelector("#indicator-trend canvas")).isEmpty());
			browser.screenshot("i12-city-table-1280");
		}
	}
}
