package org.mindgrid.identity.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 2, over HTTP: a page form posted after its session ended goes to the login page (never a bare
 * 403), and logging in continues on the form's page; only paths of this application are ever a place to continue.
 */
@IntegrationTest
class SessionExpiryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long student() {
		return jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = 'mentor1' order by ma.student_id offset 4 limit 1""").query(Long.class).single();
	}

	/** A signed-in client on the talk form whose session then ends on the server (logout from another tab). */
	private PageClient expiredOnTalkForm(String talkForm) {
		PageClient page = PageClient.login(port, "mentor1");
		assertThat(page.get(talkForm).status()).isEqualTo(200);
		// The session ends on the server; the browser still holds the form with its token.
		String token = page.csrf();
		page.post("/logout", Map.of());
		page.useCsrf(token);
		return page;
	}

	@Test
	void aFormPostedAfterTheSessionEndedLeadsToTheLoginPageAndBackToTheForm() {
		long student = student();
		String talkForm = "/students/" + student + "/talks/new";
		PageClient page = expiredOnTalkForm(talkForm);
		String topics = "过期后提交的谈话 " + System.nanoTime();
		var post = page.post("/students/" + student + "/talks",
				Map.of("date", "2026-11-30", "place", "教室", "topics", topics, "state", "平稳"),
				Map.of("Referer", page.base() + talkForm));
		assertThat(post.status()).isEqualTo(302);
		assertThat(post.location()).contains("/login?expired=session&next=");
		assertThat(URLDecoder.decode(post.location(), StandardCharsets.UTF_8)).endsWith("next=" + talkForm);
		assertThat(jdbc.sql("select count(*) from talk where topics = :t").param("t", topics).query(Long.class).single())
			.isZero();

		String loginPath = post.location().replaceFirst("^https?://[^/]+", "");
		var login = page.get(loginPath);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body()).contains("会话已过期，请重新登录，您填写的内容已保留");
		var english = page.get(loginPath + "&lang=en");
		assertThat(english.body()).contains("Your session has expired. Please log in again; what you typed has been kept.");
		var signedIn = page.post("/login", Map.of("username", "mentor1", "password", Api.PASSWORD));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).endsWith(talkForm);
		assertThat(page.get(talkForm).status()).isEqualTo(200);
	}

	@Test
	void anHtmxPostAfterExpiryIsToldToLoadTheLoginPage() {
		long student = student();
		String talkForm = "/students/" + student + "/talks/new";
		PageClient page = expiredOnTalkForm(talkForm);
		var post = page.post("/students/" + student + "/talks", Map.of("topics", "x"),
				Map.of("HX-Request", "true", "HX-Current-URL", page.base() + talkForm));
		assertThat(post.status()).isEqualTo(401);
		assertThat(URLDecoder.decode(post.header("HX-Redirect"), StandardCharsets.UTF_8))
			.isEqualTo("/login?expired=session&next=" + talkForm);
	}

	@Test
	void onlyPathsOfThisApplicationAreAPlaceToContinue() {
		for (String next : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "/%2F%2Fevil",
				"/login?x", "/logout", "/students/../../etc", "/x\r\nSet-Cookie:a=b", "javascript:alert(1)")) {
			PageClient page = new PageClient(port);
			assertThat(page.get("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)).status())
				.as(next).isEqualTo(200);
			var signedIn = page.post("/login", Map.of("username", "mentor1", "password", Api.PASSWORD));
			assertThat(signedIn.location().replaceFirst("^https?://[^/]+", "")).as(next).isEqualTo("/");
		}
		// A form posted from another site's page (a forged Referer) never names that page.
		long student = student();
		PageClient page = expiredOnTalkForm("/students/" + student + "/talks/new");
		var post = page.post("/students/" + student + "/talks", Map.of("topics", "x"),
				Map.of("Referer", "http://evil.example:" + port + "/students/" + student + "/talks/new"));
		assertThat(post.location()).endsWith("/login?expired=session");
	}

	@Test
	void aSignedInUserWithAStaleTokenSeesWhyNotTheLoginPage() {
		long student = student();
		PageClient page = PageClient.login(port, "mentor1");
		page.get("/students/" + student + "/talks/new");
		page.useCsrf("not-the-token");
		var post = page.post("/students/" + student + "/talks", Map.of("topics", "x"));
		assertThat(post.status()).isEqualTo(403);
		assertThat(post.body()).contains("这个页面已过期");
	}
}
