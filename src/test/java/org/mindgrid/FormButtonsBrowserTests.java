package org.mindgrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.Browser;
import org.mindgrid.support.IntegrationTest;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 1: on a phone (375 × 812) every submit button of every page with a form can be tapped. For each
 * page the test scrolls each visible submit button into view, the way a person scrolls down to it, and asks the
 * browser which element is at the button's centre and just above its bottom edge: it must be the button (or inside
 * it), never the fixed bottom bar. Collapsed sections are opened first so their buttons are checked too.
 * Screenshots: target/screenshots/i7-p1-*-375.png.
 */
@IntegrationTest
class FormButtonsBrowserTests {

	/**
	 * Scrolls each visible submit button outside the navigation bars into view and returns one line per button
	 * whose centre or bottom edge is covered (or off screen); "checked n" last.
	 */
	private static final String CHECK = """
			document.querySelectorAll('details').forEach(function (d) { d.open = true; });
			var buttons = Array.prototype.filter.call(document.querySelectorAll('button, input[type=submit]'), function (b) {
			  return b.type === 'submit' && !b.closest('nav') && b.getClientRects().length > 0
			      && getComputedStyle(b).visibility !== 'hidden';
			});
			var problems = [];
			buttons.forEach(function (b) {
			  b.scrollIntoView({ block: 'nearest' });
			  var r = b.getBoundingClientRect();
			  [r.top + r.height / 2, r.bottom - 3].forEach(function (y) {
			    var el = document.elementFromPoint(r.left + r.width / 2, y);
			    if (!el || !(el === b || b.contains(el))) {
			      problems.push('"' + (b.innerText || b.value || '').trim() + '" at y=' + Math.round(y) + ' of '
			          + window.innerHeight + ' is covered by ' + (el ? el.tagName + '.' + el.className : 'nothing'));
			    }
			  });
			});
			problems.push('checked ' + buttons.length);
			return problems;""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everySubmitButtonOnEveryFormPageCanBeTappedOnAPhone() throws Exception {
		Api api = new Api(port);
		long student = jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = 'mentor1' order by ma.student_id desc limit 1""").query(Long.class).single();
		long talk = api.post("mentor1", "/api/v1/talks", Map.of("studentId", student, "date", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString(), "place", "办公室",
				"topics", "近期的学习安排", "state", "情绪平稳")).json().get("id").asLong();
		long report = api.post("staff1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(12),
				"crisisLevel", "MEDIUM", "otherClues", "上课时常常发呆")).json().get("warningReport").get("id").asLong();
		long duty = jdbc.sql("""
				select d.id from duty d join app_user u on u.id = d.assignee_user_id
				 where u.username = 'mentor1' and d.status = 'OPEN' order by d.id limit 1""").query(Long.class).single();
		long classId = jdbc.sql("select class_id from post p join app_user u on u.id = p.user_id "
				+ "where u.username = 'head1' and p.role = 'HEAD_TEACHER'").query(Long.class).single();
		long school = jdbc.sql("select school_id from student where id = :s").param("s", student).query(Long.class).single();
		long mentor2 = jdbc.sql("select id from app_user where username = 'mentor2'").query(Long.class).single();

		Map<String, Map<String, String>> pagesByUser = new LinkedHashMap<>();
		pagesByUser.put("mentor1", pages("talk-form", "/students/" + student + "/talks/new",
				"home-visit-form", "/students/" + student + "/home-visits/new",
				"contact-form", "/students/" + student + "/contacts/new",
				"observation-form", "/observations/new?studentId=" + student,
				"archive-edit", "/students/" + student + "/archive/edit",
				"trigger-form", "/students/" + student + "/triggers/new",
				"ledger-record", "/students/" + student + "/talks/" + talk,
				"duty", "/duties/" + duty,
				"duties", "/duties",
				"student-list", "/students",
				"account", "/account",
				"password", "/account/password",
				"two-factor", "/account/two-factor",
				"inbox", "/notifications",
				"crisis-new", "/crisis/new"));
		pagesByUser.put("head1", pages("grid-class", "/grid/classes/" + classId,
				"records-lessons", "/records/psych-lessons", "records-parent-sessions", "/records/parent-sessions"));
		// issue 10: an open event of the demo (raised by staff1, student not known yet): every form of the team
		long crisis = jdbc.sql("select id from crisis_event where closed_at is null and student_id is null order by id limit 1")
			.query(Long.class).single();
		pagesByUser.put("psych1", pages("warning-report", "/warnings/" + report, "crisis-event", "/crisis/" + crisis,
				"records-activities", "/records/theme-activities", "records-trainings", "/records/staff-trainings"));
		// issue 12: the demo's November inspection of 海曙区 (started, a correction requested of school 1)
		long inspection = jdbc.sql("select min(id) from inspection").query(Long.class).single();
		long haishu = jdbc.sql("select id from district where name = '海曙区'").query(Long.class).single();
		pagesByUser.put("district", pages("records-joint-meetings", "/records/joint-meetings",
				"inspections", "/inspections", "inspection", "/inspections/" + inspection));
		pagesByUser.put("city", pages("control-form", "/control-classes/new?districtId=" + haishu));
		pagesByUser.put("principal1", pages("admin-school", "/admin/schools/" + school,
				"admin-staff", "/admin/schools/" + school + "/staff",
				"admin-staff-member", "/admin/schools/" + school + "/staff/" + mentor2,
				"roster", "/roster",
				"integrity", "/audit/integrity",
				"inspection-answer", "/inspections/" + inspection));
		pagesByUser.put("admin", pages("admin", "/admin"));
		pagesByUser.put("committee1", pages("concern-form", "/concerns/new"));

		List<String> covered = new ArrayList<>();
		int buttons = 0;
		try (Browser browser = Browser.open(port, 375, 812)) {
			for (var user : pagesByUser.entrySet()) {
				browser.driver().manage().deleteAllCookies();
				browser.login(user.getKey(), Api.PASSWORD);
				for (var page : user.getValue().entrySet()) {
					browser.go(page.getValue());
					assertThat(browser.driver().getCurrentUrl()).as(page.getKey()).doesNotContain("/login");
					List<String> result = check(browser);
					buttons += Integer.parseInt(result.remove(result.size() - 1).substring("checked ".length()));
					result.forEach(p -> covered.add(page.getKey() + " (" + page.getValue() + "): " + p));
					browser.screenshot("i7-p1-" + page.getKey() + "-375");
				}
			}
			browser.driver().manage().deleteAllCookies();
			browser.go("/login");
			List<String> login = check(browser);
			login.remove(login.size() - 1);
			login.forEach(p -> covered.add("login: " + p));
		}
		assertThat(covered).as("submit buttons hidden behind the bottom bar at 375 × 812").isEmpty();
		assertThat(buttons).as("submit buttons checked").isGreaterThan(25);
	}

	@SuppressWarnings("unchecked")
	private static List<String> check(Browser browser) {
		return new ArrayList<>((List<String>) ((JavascriptExecutor) browser.driver()).executeScript(CHECK));
	}

	private static Map<String, String> pages(String... nameAndPath) {
		Map<String, String> pages = new LinkedHashMap<>();
		for (int i = 0; i < nameAndPath.length; i += 2) {
			pages.put(nameAndPath[i], nameAndPath[i + 1]);
		}
		return pages;
	}
}
