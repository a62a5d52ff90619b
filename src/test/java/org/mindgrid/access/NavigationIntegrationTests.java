package org.mindgrid.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 10: each role's navigation (the top bar and the phone's bottom bar) offers only what that role may
 * do — every link answers 200 for it — and a refusal is worded for the person who sees it: a psych committee
 * student is never told about bureau accounts.
 */
@IntegrationTest
class NavigationIntegrationTests {

	private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	private static final String BUREAU_WORDS = "教育局与系统管理员账号";

	private static final String STUDENT_WORDS = "作为心理委员";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyLinkInEachRolesNavigationOpens() {
		List<String> broken = new ArrayList<>();
		for (String user : AccessMatrixIntegrationTests.USERS) {
			PageClient pages = PageClient.login(port, user);
			String body = pages.get("/notifications").body();
			Set<String> links = new LinkedHashSet<>(topBar(body));
			links.addAll(bottomBar(body));
			assertThat(links).as(user + " has a navigation").isNotEmpty();
			for (String link : links) {
				int status = follow(pages, link);
				if (status != 200) {
					broken.add(user + " " + link + " → " + status);
				}
			}
		}
		assertThat(broken).as("navigation links a role cannot open").isEmpty();
	}

	@Test
	void eachRolesBottomBarHoldsItsOwnWork() {
		Map<String, List<String>> expected = Map.of(
				"committee1", List.of("/concerns/new", "/notifications", "/account"),
				"city", List.of("/", "/notifications", "/account"),
				"district", List.of("/", "/notifications", "/account"),
				"admin", List.of("/", "/notifications", "/account"),
				"staff1", List.of("/", "/students", "/observations/new", "/notifications"),
				"mentor1", List.of("/duties", "/students", "/observations/new", "/notifications"),
				"head1", List.of("/duties", "/students", "/observations/new", "/notifications"),
				"psych1", List.of("/duties", "/warnings", "/students", "/observations/new", "/notifications"));
		expected.forEach((user, bar) -> assertThat(bottomBar(PageClient.login(port, user).get("/notifications").body()))
			.as(user + "'s bottom bar").containsExactlyElementsOf(bar));

		String committeeTop = PageClient.login(port, "committee1").get("/notifications").body();
		assertThat(topBar(committeeTop)).as("the psych committee student's top bar")
			.containsExactlyInAnyOrder("/concerns/new", "/notifications", "/account");
		for (String bureau : List.of("city", "district")) {
			assertThat(topBar(PageClient.login(port, bureau).get("/notifications").body())).as(bureau + "'s top bar")
				.doesNotContain("/students", "/observations/new", "/duties", "/warnings", "/grid");
		}
		assertThat(topBar(PageClient.login(port, "staff1").get("/notifications").body())).as("a subject teacher's top bar")
			.contains("/observations/new", "/students")
			.doesNotContain("/duties", "/warnings", "/grid");
	}

	@Test
	void aStudentOnATeachersPageIsToldWhatThePageIsForNotAboutBureauAccounts() {
		long student = jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = 'mentor1' order by ma.student_id limit 1""").query(Long.class).single();
		PageClient committee = PageClient.login(port, "committee1");
		for (String path : List.of("/students", "/students/" + student, "/students/" + student + "/talks/new",
				"/warnings", "/grid", "/duties", "/observations/new", "/cases")) {
			var page = committee.get(path);
			assertThat(page.status()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path).contains(STUDENT_WORDS).doesNotContain(BUREAU_WORDS);
		}
		var api = new Api(port).get("committee1", "/api/v1/students");
		assertThat(api.status()).isEqualTo(403);
		assertThat(api.json().get("code").asString()).isEqualTo("problem.forbidden.student");
		assertThat(api.json().get("detail").asString()).doesNotContain(BUREAU_WORDS);
		var english = new Api(port).get("committee1", "/api/v1/students?lang=en");
		assertThat(english.json().get("detail").asString()).contains("psych committee member");

		// Bureau officers keep their own wording.
		var bureau = PageClient.login(port, "city").get("/students");
		assertThat(bureau.status()).isEqualTo(403);
		assertThat(bureau.body()).contains("教育局").doesNotContain(STUDENT_WORDS);
		assertThat(PageClient.login(port, "city").get("/observations/new").status()).isEqualTo(403);
	}

	/** Follows same-site redirects (e.g. /admin → the leader's school) and answers the final status. */
	private static int follow(PageClient pages, String link) {
		String path = link;
		for (int hop = 0; hop < 4; hop++) {
			var page = pages.get(path);
			if (page.status() != 302) {
				return page.status();
			}
			path = page.location().replaceFirst("^https?://[^/]+", "");
		}
		return 310;
	}

	private static List<String> topBar(String body) {
		int start = body.indexOf("<div class=\"collapse navbar-collapse\"");
		return links(body.substring(start, body.indexOf("</nav>", start)));
	}

	private static List<String> bottomBar(String body) {
		int start = body.indexOf("<nav class=\"mg-bottombar");
		return links(body.substring(start, body.indexOf("</nav>", start)));
	}

	private static List<String> links(String html) {
		List<String> links = new ArrayList<>();
		Matcher m = HREF.matcher(html);
		while (m.find()) {
			String href = m.group(1).replaceFirst(";jsessionid=[^?]*", "");
			if (!href.startsWith("?") && !href.startsWith("#")) {
				links.add(href);
			}
		}
		return links;
	}
}
