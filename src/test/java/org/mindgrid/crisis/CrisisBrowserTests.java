package org.mindgrid.crisis;

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
 * Issue 10 on a phone (375 × 812): a subject teacher raises an event from the top bar in three taps (the button,
 * the kind, send; the student left "not known yet"), and the school leader ticks the five first-time actions on the
 * event page. Every tap first checks that the element at the target's centre is the target, so nothing (the fixed
 * bottom bar, a banner) covers it. Screenshots: target/screenshots/i10-*.png.
 */
@IntegrationTest
class CrisisBrowserTests {

	private static final String STEPS_CODES = "call-doctor send-to-hospital inform-police notify-parents report-upward";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTeacherRaisesAnEventAndTheLeaderTicksTheFiveActionsOnAPhone() throws Exception {
		long eventId;
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("staff1", Api.PASSWORD);
			tapChecked(browser, browser.driver().findElement(By.id("mg-crisis-raise")));
			browser.waitUpTo(10).until(d -> d.getCurrentUrl().contains("/crisis/new"));
			assertThat(browser.fitsWidth()).isTrue();
			assertThat(browser.driver().findElement(By.id("student-unknown")).isSelected()).isTrue();
			tapChecked(browser, browser.driver().findElement(By.cssSelector("label[for=kind-SELF_HARM]")));
			browser.screenshot("i10-raise-375");
			tapChecked(browser, browser.driver().findElement(By.id("crisis-send")));
			browser.waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/crisis/\\d+\\?raised.*"));
			assertThat(browser.driver().findElement(By.id("crisis-raised")).isDisplayed()).isTrue();
			String url = browser.driver().getCurrentUrl();
			eventId = Long.parseLong(url.replaceAll(".*/crisis/(\\d+).*", "$1"));
			// the raiser reads their event; the first-time actions are theirs to tick too, the report is not
			assertThat(browser.driver().findElements(By.id("report-form"))).isEmpty();
			assertThat(browser.driver().findElement(By.id("crisis-elapsed")).getText()).matches("\\d\\d:\\d\\d:\\d\\d");

			browser.driver().manage().deleteAllCookies();
			browser.login("principal1", Api.PASSWORD);
			browser.go("/crisis/" + eventId);
			assertThat(browser.driver().findElement(By.id("crisis-line")).getText()).contains("17857803090");
			for (String code : STEPS_CODES.split(" ")) {
				WebElement tick = browser.driver().findElement(By.id("tick-" + code));
				tapChecked(browser, tick);
				browser.waitUpTo(10).until(d -> d.getCurrentUrl().contains("done=" + code));
				assertThat(browser.driver().findElement(By.id("step-" + code)).getText()).contains("孙建平");
				assertThat(browser.driver().findElements(By.id("tick-" + code))).isEmpty();
			}
			assertThat(browser.driver().findElements(By.id("crisis-open-steps"))).isEmpty();
			assertThat(browser.fitsWidth()).isTrue();
			browser.screenshot("i10-steps-375");
		}
		List<String> steps = jdbc.sql("""
				select x.step from crisis_entry x join app_user u on u.id = x.by_user
				 where x.event_id = :e and u.username = 'principal1' order by x.id""")
			.param("e", eventId).query(String.class).list();
		assertThat(steps).containsExactly("CALL_DOCTOR", "SEND_TO_HOSPITAL", "INFORM_POLICE", "NOTIFY_PARENTS",
				"REPORT_UPWARD");
	}

	/** Scrolls the target into view, asserts that the element at its centre is the target (or inside it), taps. */
	private static void tapChecked(Browser browser, WebElement target) {
		Object covered = ((JavascriptExecutor) browser.driver()).executeScript("""
				var b = arguments[0];
				b.scrollIntoView({ block: 'center' });
				var r = b.getBoundingClientRect();
				var el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return el && (el === b || b.contains(el)) ? null : (el ? el.tagName + '.' + el.className : 'nothing');""",
				target);
		assertThat(covered).as("what covers " + target.getAttribute("id") + target.getText()).isNull();
		target.click();
	}
}
