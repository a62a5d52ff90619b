package org.mindgrid.screening.answer;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student on a phone (375 px) answers PHQ-9 question by question; the connection drops and the tab is left
 * mid-way; reopened, the questionnaire resumes at the right question with nothing lost; an answer is changed, a
 * skipped question is found through the review, and the questionnaire is submitted. And a parent consents at
 * 375 px. Every button tapped is checked to be the element at its own centre. Screenshots in target/screenshots/.
 */
@IntegrationTest
class AnswerBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aStudentAnswersLosesTheConnectionResumesChangesAnAnswerAndSubmits() throws Exception {
		AnswerFixture f = AnswerFixture.create(jdbc, new Api(port), clock);
		long student = f.students[0];
		String code = f.answerCodes.get(student);
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.go("/s");
			browser.driver().findElement(By.id("mg-sa-code")).sendKeys(code.substring(0, 4).toLowerCase() + "-"
					+ code.substring(4));
			assertThat(browser.fitsWidth()).as("no horizontal scrolling at 375 px").isTrue();
			browser.screenshot("screening-01-start");
			tap(browser, By.id("mg-sa-start-button"));
			browser.waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/s/" + code));

			waitStep(browser, "intro");
			assertThat(browser.driver().getPageSource()).contains("Pfizer");
			tap(browser, By.id("mg-sa-next"));
			for (int no = 1; no <= 4; no++) {
				answer(browser, no, no % 4);
			}
			waitStep(browser, "phq9-5");
			browser.waitUpTo(10).until(d -> saved(student).contains("\"4\": 0"));
			assertThat(browser.driver().findElement(By.cssSelector(".mg-sa-count")).getText()).isEqualTo("5 / 9");
			browser.screenshot("screening-02-question");

			// the connection drops: the answer to question 5 stays on the device; then the tab is left
			ChromiumDriver chromium = (ChromiumDriver) browser.driver();
			ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
			offline.setOffline(true);
			chromium.setNetworkConditions(offline);
			answer(browser, 5, 3);
			browser.waitUpTo(10).until(d -> d.findElement(By.id("mg-sa-status")).getText().contains("网络断开"));
			browser.screenshot("screening-03-offline");
			assertThat(saved(student)).doesNotContain("\"5\"");
			browser.driver().get("about:blank");
			chromium.deleteNetworkConditions();

			// reopened: resumes at question 6, and the kept answer to question 5 reaches the server
			browser.go("/s/" + code);
			waitStep(browser, "phq9-6");
			browser.waitUpTo(10).until(d -> saved(student).contains("\"5\": 3"));
			assertThat(js(browser, "return localStorage.getItem('mg-screening-" + code + "');")).isNull();

			// back to question 5: the saved answer is shown, and changed
			tap(browser, By.id("mg-sa-back"));
			waitStep(browser, "phq9-5");
			assertThat(browser.driver().findElement(By.cssSelector(".mg-sa-option[data-value='3']"))
				.getAttribute("aria-checked")).isEqualTo("true");
			answer(browser, 5, 1);
			answer(browser, 6, 2);
			// question 7 skipped
			waitStep(browser, "phq9-7");
			tap(browser, By.id("mg-sa-next"));
			answer(browser, 8, 0);
			answer(browser, 9, 0);
			waitStep(browser, "review");
			assertThat(browser.driver().findElement(By.cssSelector(".mg-sa-missing")).getText())
				.isEqualTo("还有 1 题未答");
			assertThat(browser.driver().findElement(By.id("mg-sa-submit")).isEnabled()).isFalse();
			browser.screenshot("screening-04-review-missing");
			tap(browser, By.cssSelector(".mg-sa-missing-links button"));
			answer(browser, 7, 1);
			waitStep(browser, "phq9-8");
			tap(browser, By.id("mg-sa-next"));
			waitStep(browser, "phq9-9");
			tap(browser, By.id("mg-sa-next"));
			waitStep(browser, "review");
			assertThat(browser.driver().getPageSource()).contains("全部题目都已作答");
			tap(browser, By.id("mg-sa-submit"));
			browser.waitUpTo(15).until(d -> !d.findElements(By.id("mg-sa-thanks")).isEmpty());
			assertThat(browser.driver().getPageSource()).contains("心理辅导室").doesNotContain("总分");
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("screening-05-thanks");
		}
		String answers = saved(student);
		assertThat(answers).contains("\"1\": 1", "\"5\": 1", "\"7\": 1", "\"9\": 0");
		assertThat(jdbc.sql("select submitted_at is not null from screening_response where campaign_id = :c"
				+ " and student_id = :s").param("c", f.campaignId).param("s", student).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void aParentConsentsOnAPhone() throws Exception {
		AnswerFixture f = AnswerFixture.create(jdbc, new Api(port), clock);
		String code = f.parentCodes.get(f.students[2]);
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.go("/p/" + code);
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("screening-06-consent");
			tap(browser, By.id("mg-sa-consent-yes"));
			browser.waitUpTo(10).until(d -> !d.findElements(By.id("mg-sa-consent-confirm-button")).isEmpty());
			tap(browser, By.id("mg-sa-consent-confirm-button"));
			browser.waitUpTo(10).until(d -> !d.findElements(By.id("mg-sa-consent-answer")).isEmpty());
			assertThat(browser.driver().findElement(By.id("mg-sa-consent-answer")).getText()).contains("同意孩子参加本次测评");
			assertThat(browser.driver().findElements(By.id("mg-sa-consent-yes"))).isEmpty();
			browser.screenshot("screening-07-consented");
		}
		assertThat(jdbc.sql("select consent from screening_invite where parent_code = :c").param("c", code)
			.query(Boolean.class).single()).isTrue();
	}

	private String saved(long student) {
		return jdbc.sql("select coalesce((select answers::text from screening_response where student_id = :s), '')")
			.param("s", student).query(String.class).single();
	}

	private static void waitStep(Browser browser, String step) {
		browser.waitUpTo(10).until(d -> step.equals(d.findElement(By.id("mg-sa-screen")).getAttribute("data-step")));
	}

	/** On question {@code no}, taps the option of {@code value} and waits for the next screen. */
	private static void answer(Browser browser, int no, int value) {
		waitStep(browser, "phq9-" + no);
		for (WebElement option : browser.driver().findElements(By.cssSelector(".mg-sa-option"))) {
			assertThat(option.getSize().getHeight()).as("option height").isGreaterThanOrEqualTo(44);
		}
		tap(browser, By.cssSelector(".mg-sa-option[data-value='" + value + "']"));
		browser.waitUpTo(10).until(d -> !("phq9-" + no).equals(d.findElement(By.id("mg-sa-screen"))
			.getAttribute("data-step")));
	}

	/** Taps the element after checking that it is what a finger at its centre would touch. */
	private static void tap(Browser browser, By by) {
		WebElement element = browser.driver().findElement(by);
		Object hit = ((JavascriptExecutor) browser.driver()).executeScript("""
				const e = arguments[0];
				e.scrollIntoView({block: 'center'});
				const r = e.getBoundingClientRect();
				const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return (at === e || e.contains(at)) && r.height >= 44;""", element);
		assertThat(hit).as("%s is clickable at its centre and at least 44 px high", by).isEqualTo(true);
		element.click();
	}

	private static Object js(Browser browser, String script) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script);
	}

}
