package org.mindgrid.mentoring;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger drafts on a shared staff-room computer: a draft survives a reload for its author, but is gone after logout,
 * is never shown to the next teacher who signs in, and is dropped after 24 hours.
 */
@IntegrationTest
class DraftBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A student of 八年级（1）班 whom mentor1 mentors and head1 heads. */
	private long student() {
		return jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = 'mentor1' order by ma.student_id limit 1""").query(Long.class).single();
	}

	@SuppressWarnings("unchecked")
	private static List<String> draftKeys(Browser browser) {
		return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
				"return Object.keys(window.localStorage).filter(function (k) { return k.indexOf('mg-draft-') === 0; });");
	}

	private static String value(Browser browser, String id) {
		return browser.driver().findElement(By.id(id)).getAttribute("value");
	}

	@Test
	void aDraftStaysWithItsAuthorAndGoesAwayOnLogout() throws Exception {
		long student = student();
		String talkForm = "/students/" + student + "/talks/new";
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("mentor1", Api.PASSWORD);
			browser.go(talkForm);
			browser.driver().findElement(By.id("place")).sendKeys("图书馆");
			browser.driver().findElement(By.id("topics")).sendKeys("期中考试后的情绪");
			assertThat(draftKeys(browser)).hasSize(1);

			// The author comes back to the form: the draft is there.
			browser.go(talkForm);
			assertThat(value(browser, "topics")).isEqualTo("期中考试后的情绪");
			browser.screenshot("20-draft-restored");

			// Logging out clears every draft of this browser.
			browser.tap(browser.driver().findElement(By.cssSelector("form[action$='/logout'] button[type=submit]")));
			browser.waitUpTo(10).until(d -> d.getCurrentUrl().contains("/login"));
			assertThat(draftKeys(browser)).isEmpty();

			browser.login("head1", Api.PASSWORD);
			browser.go(talkForm);
			assertThat(value(browser, "topics")).isEmpty();
			assertThat(value(browser, "place")).isEmpty();
		}
	}

	@Test
	void theNextUserNeverSeesADraftLeftWithoutLogoutAndOldDraftsAreDropped() throws Exception {
		long student = student();
		String talkForm = "/students/" + student + "/talks/new";
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("mentor1", Api.PASSWORD);
			browser.go(talkForm);
			browser.driver().findElement(By.id("topics")).sendKeys("没有退出就离开了");
			assertThat(draftKeys(browser)).hasSize(1);

			// The session ends without a logout (the browser is left open); the next teacher signs in.
			browser.driver().manage().deleteAllCookies();
			browser.login("head1", Api.PASSWORD);
			assertThat(draftKeys(browser)).isEmpty();
			browser.go(talkForm);
			assertThat(value(browser, "topics")).isEmpty();

			// head1's own draft, saved 25 hours ago, is dropped on the next page.
			browser.driver().findElement(By.id("topics")).sendKeys("昨天的草稿");
			assertThat(draftKeys(browser)).hasSize(1);
			((JavascriptExecutor) browser.driver()).executeScript("""
					Object.keys(window.localStorage).filter(function (k) { return k.indexOf('mg-draft-') === 0; })
					  .forEach(function (k) {
					    var d = JSON.parse(window.localStorage.getItem(k));
					    d.savedAt = Date.now() - 25 * 60 * 60 * 1000;
					    window.localStorage.setItem(k, JSON.stringify(d));
					  });""");
			browser.go(talkForm);
			assertThat(value(browser, "topics")).isEmpty();
			assertThat(draftKeys(browser)).isEmpty();
		}
	}
}
