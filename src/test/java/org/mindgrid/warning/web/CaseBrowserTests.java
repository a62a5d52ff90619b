package org.mindgrid.warning.web;

import java.util.List;
import java.util.Map;

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
 * Issue 8 point 10 in the browser: the psychology teacher at a desk opens the case list and the case, assesses and
 * categorizes through the forms and reads the history; on a phone each action button is what a tap hits.
 */
@IntegrationTest
class CaseBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long[] studentWithCase(String name) {
		var place = jdbc.sql("""
				select p.school_id, p.class_id from post p join app_user u on u.id = p.user_id
				 where u.username = 'head1' and p.role = 'HEAD_TEACHER'""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long student = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:school, :class, :no, :name, 'M', date '2011-07-08') returning id""")
			.param("school", place[0]).param("class", place[1]).param("no", "I8B-" + System.nanoTime() % 1_000_000_000)
			.param("name", name).query(Long.class).single();
		var obs = new Api(port).post("head1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(1),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "说过想消失"));
		assertThat(obs.status()).as(obs.body()).isEqualTo(201);
		long caseId = jdbc.sql("select id from warning_case where student_id = :s").param("s", student)
			.query(Long.class).single();
		return new long[] { student, caseId };
	}

	@Test
	void psychologyTeacherAssessesAndCategorizesAtADesk() throws Exception {
		long caseId = studentWithCase("桌面个案生")[1];
		try (Browser browser = Browser.open(port, 1366, 900)) {
			browser.login("psych1", Api.PASSWORD);
			browser.go("/cases");
			browser.tap(browser.driver().findElement(By.cssSelector("#case-list a[href='/cases/" + caseId + "']")));
			browser.waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));

			open(browser, "assess");
			var form = browser.driver().findElement(By.cssSelector("#action-assess form"));
			form.findElement(By.id("assess-summary")).sendKeys("有自杀意念，无具体计划，需密切关注");
			browser.tap(form.findElement(By.id("assess-proposedCategory-3")));
			browser.tap(form.findElement(By.cssSelector("button[type=submit]")));
			browser.waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.id("case-state")).getText().equals("评估中"));

			open(browser, "categorize");
			form = browser.driver().findElement(By.cssSelector("#action-categorize form"));
			browser.tap(form.findElement(By.id("categorize-category-3")));
			browser.tap(form.findElement(By.id("categorize-evidence-interview")));
			browser.tap(form.findElement(By.cssSelector("button[type=submit]")));
			browser.waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.id("case-state")).getText().equals("预警库跟踪"));

			String history = browser.driver().findElement(By.id("case-history")).getText();
			assertThat(history).contains("一对一评估", "有自杀意念，无具体计划，需密切关注", "确定危机类别", "评估访谈",
					"三类");
			assertThat(browser.driver().findElement(By.cssSelector("#case-header .mg-case-cat")).getAttribute("class"))
				.contains("cat-3");
			((JavascriptExecutor) browser.driver()).executeScript(
					"document.getElementById('case-history').scrollIntoView({block: 'start'});");
			browser.screenshot("i8-case-desk");
		}
		assertThat(jdbc.sql("select state from warning_case where id = :c").param("c", caseId).query(String.class)
			.single()).isEqualTo("WATCH");
	}

	@Test
	void onAPhoneEveryActionButtonIsWhatATapHits() throws Exception {
		long caseId = studentWithCase("手机个案生")[1];
		try (Browser browser = Browser.open(port, 375, 812)) {
			browser.login("psych1", Api.PASSWORD);
			browser.go("/cases/" + caseId);
			List<WebElement> buttons = browser.driver().findElements(By.cssSelector("#case-actions summary.mg-action-button"));
			assertThat(buttons).hasSizeGreaterThanOrEqualTo(2);
			for (WebElement button : buttons) {
				Object hit = ((JavascriptExecutor) browser.driver()).executeScript("""
						const b = arguments[0];
						b.scrollIntoView({block: 'center'});
						const r = b.getBoundingClientRect();
						const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
						return e === b || b.contains(e);""", button);
				assertThat(hit).as(button.getText()).isEqualTo(Boolean.TRUE);
				assertThat(button.getSize().getHeight()).as(button.getText()).isGreaterThanOrEqualTo(44);
			}
			assertThat(browser.fitsWidth()).isTrue();
			// a tap opens the form, one column
			browser.tap(buttons.get(0));
			assertThat(browser.driver().findElement(By.cssSelector("#case-actions details[open] form")).isDisplayed()).isTrue();
			browser.screenshot("i8-case-phone");
		}
	}

	/** Issue 8's browser journey: the whole loop at a desk, each step through its generated form. */
	@Test
	void psychologyTeacherRunsTheWholeLoopAtADesk() throws Exception {
		long caseId = studentWithCase("全流程个案生")[1];
		try (Browser browser = Browser.open(port, 1366, 900)) {
			browser.login("psych1", Api.PASSWORD);
			browser.go("/cases/" + caseId);
			step(browser, "assess", Map.of("summary", "有自杀意念和告别行为", "proposedCategory-3", ""), "评估中");
			step(browser, "categorize", Map.of("category-3", ""), "预警库跟踪");
			step(browser, "notify-family", Map.of("guardianName", "学生母亲", "behaviourObserved", "写告别的话"), "家庭网格");
			step(browser, "hold-meeting", Map.of("minutes", "家长同意转介"), "家庭网格");
			step(browser, "refer", Map.of("hospitalId", "宁波市康宁医院"), "已转介");
			step(browser, "book-green-channel", Map.of("service", "clinic"), "已转介");
			// the family's signed copy of the referral letter, scanned, goes beside the letters
			java.nio.file.Path scan = java.nio.file.Files.createTempFile("signed-referral", ".png");
			java.nio.file.Files.write(scan, java.util.Base64.getDecoder().decode(
					"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
			new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("file-kind")))
				.selectByValue("SIGNED_REFERRAL");
			browser.driver().findElement(By.id("file-file")).sendKeys(scan.toAbsolutePath().toString());
			browser.tap(browser.driver().findElement(By.cssSelector("#case-files button[type=submit]")));
			// the page reloads after the upload: an element of the old page goes stale meanwhile
			browser.waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(d -> d.findElement(By.id("case-files")).getText().contains("签字的转介信"));
			assertThat(browser.driver().findElement(By.id("case-files")).getText()).contains("已上传");
			step(browser, "record-diagnosis", Map.of("diagnosis", "抑郁发作（中度）"), "已转介");
			step(browser, "start-leave", Map.of("kind", "sick-leave"), "休学/请假");
			step(browser, "record-contact", Map.of("summary", "在家按时服药"), "休学/请假");
			step(browser, "apply-return", Map.of("note", "家长提交复学申请"), "复学评估");
			step(browser, "decide-return", Map.of("decision", "return"), "预警库跟踪");
			step(browser, "release", Map.of("reason", "复学后情绪稳定，小组决定解除"), "已解除");
			String history = browser.driver().findElement(By.id("case-history")).getText();
			assertThat(history).contains("抑郁发作（中度）", "家长同意转介", "复学后情绪稳定，小组决定解除");
		}
		assertThat(jdbc.sql("select state from warning_case where id = :c").param("c", caseId).query(String.class)
			.single()).isEqualTo("RELEASED");
	}

	/**
	 * Opens an action, fills its fields ({@code name} → text; {@code name-value} → that radio or checkbox; a select
	 * gets the option whose value or text matches) and waits for the state's words.
	 */
	private static void step(Browser browser, String code, Map<String, String> fields, String stateWords) {
		open(browser, code);
		var form = browser.driver().findElement(By.cssSelector("#action-" + code + " form"));
		fields.forEach((name, value) -> {
			WebElement input = form.findElement(By.id(code + "-" + name));
			if ("select".equals(input.getTagName())) {
				var select = new org.openqa.selenium.support.ui.Select(input);
				select.getOptions().stream()
					.filter(o -> value.equals(o.getDomAttribute("value")) || o.getText().contains(value))
					.findFirst().orElseThrow(() -> new AssertionError(code + "-" + name + " has no option " + value))
					.click();
			}
			else if (value.isEmpty()) {
				browser.tap(input);
			}
			else {
				input.sendKeys(value);
			}
		});
		String before = browser.driver().findElements(By.cssSelector("#case-history li, #case-history article")).size() + "";
		browser.tap(form.findElement(By.cssSelector("button[type=submit]")));
		browser.waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("case-state")).getText().equals(stateWords) && !before.equals(
					d.findElements(By.cssSelector("#case-history li, #case-history article")).size() + ""));
	}

	private static void open(Browser browser, String code) {
		WebElement summary = browser.driver().findElement(By.cssSelector("#action-" + code + " > summary"));
		browser.tap(summary);
		browser.waitUpTo(5).until(d -> d.findElement(By.id("action-" + code)).getDomAttribute("open") != null);
	}
}
