package org.mindgrid.forms;

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
 * A mentor fills the monthly emotion record on a phone (375 px): a refused save keeps what was typed with the error
 * next to its field, the draft survives a reload, and the saved record shows in the student's workbook.
 */
@IntegrationTest
class FormPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMentorFillsTheMonthlyEmotionRecordOnAPhone() throws Exception {
		long student = jdbc.sql("""
				select m.student_id from mentor_assignment m join app_user u on u.id = m.mentor_user_id
				 where u.username = 'mentor1' order by m.student_id desc limit 1""").query(Long.class).single();
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("mentor1", Api.PASSWORD);
			browser.go("/students/" + student + "/workbook");
			assertThat(browser.driver().findElement(By.cssSelector("[data-form=emotion_monthly]")).getText())
				.contains("情绪状态月度跟踪记录表");
			browser.go("/students/" + student + "/forms/emotion_monthly/new");
			assertThat(browser.fitsWidth()).as("one column at 375 px").isTrue();
			browser.driver().findElement(By.id("month")).sendKeys("2026-11");
			browser.tap(browser.driver().findElement(By.cssSelector("label[for='mood-low']")));
			browser.driver().findElement(By.id("events")).sendKeys("期中考试后情绪低落");
			// a reload before saving: the draft comes back
			browser.driver().navigate().refresh();
			browser.waitUpTo(5).until(d -> d.findElement(By.id("events")).getAttribute("value").contains("期中考试"));
			// saving without the required answers: the errors stand next to their fields, the typing stays
			clickable(browser, browser.driver().findElement(By.id("form-save")));
			browser.waitUpTo(5).until(d -> !d.findElements(By.id("form-errors")).isEmpty());
			assertThat(browser.driver().findElement(By.cssSelector("[data-field=mood_rating] .invalid-feedback")).getText())
				.contains("请填写");
			assertThat(browser.driver().findElement(By.id("events")).getAttribute("value")).contains("期中考试后情绪低落");
			assertThat(browser.driver().findElement(By.id("mood-low")).isSelected()).isTrue();
			((JavascriptExecutor) browser.driver()).executeScript("""
					var el = document.getElementById('recorded_on'); el.value = '2026-11-20';
					el.dispatchEvent(new Event('input', { bubbles: true }));""");
			browser.tap(browser.driver().findElement(By.cssSelector("label[for='mood_rating-2']")));
			browser.tap(browser.driver().findElement(By.cssSelector("label[for='action-talked']")));
			browser.driver().findElement(By.id("recorder")).sendKeys("李思远");
			browser.screenshot("i13-emotion-form-375");
			clickable(browser, browser.driver().findElement(By.id("form-save")));
			browser.waitUpTo(5).until(d -> !d.findElements(By.id("form-saved")).isEmpty());
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("情绪低落", "已谈心", "期中考试后情绪低落");
			browser.go("/students/" + student + "/forms/emotion_monthly/new");
			assertThat(browser.driver().findElement(By.id("events")).getAttribute("value")).as("the draft was cleared").isEmpty();
		}
	}

	@Test
	void theWorkbookListsTheSevenPartsWithTheOtherModulesRecordsAndPrintsWithProgress() throws Exception {
		long student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				  join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 7 and c.name = '1班' order by s.id limit 1""")
			.query(Long.class).single();
		try (Browser browser = Browser.open(port, 1280, 900)) {
			browser.login("psych1", Api.PASSWORD);
			browser.go("/students/" + student + "/workbook");
			var main = browser.driver().findElement(By.tagName("main"));
			assertThat(main.getText()).contains("第一部分 基础信息档案", "第四部分 心理辅导、干预与危机处置档案",
					"第六部分 心理成长与主题活动档案");
			assertThat(browser.driver().findElement(By.cssSelector("#part-4 [data-linked=counselling]")).getText())
				.as("the demo's counselling").contains("心理辅导预约与记录", "份");
			assertThat(browser.driver().findElement(By.cssSelector("#part-3 [data-form=emotion_monthly]")).getText())
				.contains("情绪状态月度跟踪记录表");
			clickable(browser, browser.driver().findElement(By.id("workbook-print")));
			browser.waitUpTo(5).until(d -> d.findElement(By.id("workbook-print-progress")).isDisplayed());
			browser.waitUpTo(30).until(d -> d.findElement(By.cssSelector("[data-mg-pdf-link]")).isDisplayed());
			assertThat(browser.driver().findElement(By.cssSelector("[data-mg-pdf-text]")).getText()).contains("已生成", "KB");
			browser.screenshot("i13-workbook-printed");
		}
	}

	/** The element at the button's centre is the button (nothing covers it at 375 px); then it is clicked. */
	private static void clickable(Browser browser, WebElement button) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
		Object top = ((JavascriptExecutor) browser.driver()).executeScript("""
				var r = arguments[0].getBoundingClientRect();
				var el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return el === arguments[0] || arguments[0].contains(el);""", button);
		assertThat(top).as("the button is on top at its centre").isEqualTo(true);
		button.click();
	}
}
