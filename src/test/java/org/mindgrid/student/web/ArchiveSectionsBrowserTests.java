package org.mindgrid.student.web;

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
 * Issue 7, point 9, on a phone (375 × 812): the archive page is short with its sections folded, one section opens,
 * is edited and saved on its own (the rest of the page, with what is typed there, stays); the home-visit form
 * switches between the outline and the general record, and a ticked sign 1 moves "不上报" to 紧急上报 at once.
 */
@IntegrationTest
class ArchiveSectionsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long student(int offset) {
		return jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset :o limit 1""")
			.param("o", offset).query(Long.class).single();
	}

	private static long number(Browser browser, String script, Object... args) {
		return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script, args)).longValue();
	}

	@Test
	void aPhoneEditsTheArchiveSectionBySection() throws Exception {
		long id = student(43);
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("head1", Api.PASSWORD);
			browser.go("/students/" + id + "/archive/edit");
			long folded = number(browser, "return document.documentElement.scrollHeight;");
			assertThat(folded).as("the folded page (it was 6,118 px)").isLessThan(2200);
			browser.screenshot("i7-p9-archive-folded-375");

			// Something typed in the family section stays on the page while the study section saves.
			browser.tap(browser.driver().findElement(By.cssSelector("#section-family > summary")));
			WebElement situation = browser.driver().findElement(By.cssSelector("#section-family textarea[name=familySituation]"));
			situation.clear();
			situation.sendKeys("还没保存的家庭情况");

			browser.tap(browser.driver().findElement(By.cssSelector("#section-study > summary")));
			long sectionHeight = number(browser, "return document.getElementById('section-study').offsetHeight;");
			assertThat(sectionHeight).as("one open section").isLessThan(900);
			WebElement interests = browser.driver().findElement(By.cssSelector("#section-study textarea[name=interests]"));
			interests.clear();
			String text = "书法、长跑 " + System.nanoTime();
			interests.sendKeys(text);
			browser.tap(browser.driver().findElement(By.cssSelector("#section-study button[type=submit]")));
			browser.waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#section-study .mg-section-saved")).isEmpty());
			assertThat(browser.driver().getCurrentUrl()).as("saved in place").endsWith("/archive/edit");
			assertThat(browser.driver().findElement(By.cssSelector("#section-family textarea[name=familySituation]"))
				.getAttribute("value")).isEqualTo("还没保存的家庭情况");
			((JavascriptExecutor) browser.driver()).executeScript(
					"document.querySelector('#section-study .mg-section-saved').scrollIntoView({block: 'center'});");
			browser.screenshot("i7-p9-archive-section-saved-375");
			assertThat(jdbc.sql("select content->>'interests' from growth_archive where student_id = :s").param("s", id)
				.query(String.class).single()).isEqualTo(text);

			// The family section saves next, from the same page, without a conflict.
			browser.tap(browser.driver().findElement(By.cssSelector("#section-family button[type=submit]")));
			browser.waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#section-family .mg-section-saved")).isEmpty());
			assertThat(jdbc.sql("select content->>'familySituation' from growth_archive where student_id = :s")
				.param("s", id).query(String.class).single()).isEqualTo("还没保存的家庭情况");
			assertThat(jdbc.sql("select content->>'interests' from growth_archive where student_id = :s").param("s", id)
				.query(String.class).single()).isEqualTo(text);
		}
	}

	@Test
	void theHomeVisitFormSwitchesRecordsAndARedSignSelectsUrgent() throws Exception {
		long id = student(44);
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("psych1", Api.PASSWORD);
			browser.go("/students/" + id + "/home-visits/new");
			browser.tap(browser.driver().findElement(By.id("kind-GENERAL")));
			WebElement outline = browser.driver().findElement(By.cssSelector("[data-mg-visit-record=TERM_START]"));
			WebElement general = browser.driver().findElement(By.cssSelector("[data-mg-visit-record=GENERAL]"));
			assertThat(outline.isDisplayed()).isFalse();
			assertThat(general.isDisplayed()).isTrue();
			browser.screenshot("i7-p9-visit-general-375");

			browser.tap(browser.driver().findElement(By.id("kind-TERM_START")));
			assertThat(outline.isDisplayed()).isTrue();
			assertThat(general.isDisplayed()).isFalse();

			WebElement none = browser.driver().findElement(By.cssSelector("input[name=escalate][value='']"));
			WebElement urgent = browser.driver().findElement(By.cssSelector("input[name=escalate][value=URGENT]"));
			browser.tap(none);
			assertThat(none.isSelected()).isTrue();
			WebElement sign1 = browser.driver().findElement(By.cssSelector("[data-mg-visit-record=TERM_START] input[value=S1]"));
			browser.tap(sign1.findElement(By.xpath("..")));
			assertThat(sign1.isSelected()).isTrue();
			assertThat(urgent.isSelected()).as("紧急上报 at once").isTrue();
			assertThat(none.isSelected()).isFalse();
			assertThat(none.isEnabled()).as("不上报 cannot be chosen while sign 1 is ticked").isFalse();
			assertThat(browser.driver().findElement(By.id("mg-red-hint")).isDisplayed()).isTrue();
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", urgent);
			browser.screenshot("i7-p9-visit-red-sign-urgent-375");

			browser.tap(sign1.findElement(By.xpath("..")));
			assertThat(none.isSelected()).as("the visitor's own choice comes back").isTrue();
			assertThat(none.isEnabled()).isTrue();

			// Sign 6 in the general record does the same.
			browser.tap(browser.driver().findElement(By.id("kind-GENERAL")));
			browser.tap(browser.driver().findElement(By.cssSelector("[data-mg-visit-record=GENERAL] input[value=S6]"))
				.findElement(By.xpath("..")));
			assertThat(urgent.isSelected()).isTrue();
			assertThat(browser.fitsWidth()).isTrue();
		}
	}
}
