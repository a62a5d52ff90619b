package org.mindgrid.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LockoutAndPasswordIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MutableClock clock;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String newUser(boolean mustChange) {
		String username = "t" + System.nanoTime();
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash, must_change_password)
				values (:u, '测试教师', :h, :m) returning id""")
			.param("u", username).param("h", encoder.encode("Right#Pass2026")).param("m", mustChange)
			.query(Long.class).single();
		long school = jdbc.sql("select id from school order by id limit 1").query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, 'PSYCH_TEACHER', :s)")
			.param("u", id).param("s", school).update();
		return username;
	}

	private Api.Response token(String username, String password) {
		return api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
	}

	@Test
	void fiveFailuresLockTheClientForFifteenMinutes() {
		String user = newUser(false);
		for (int i = 0; i < 5; i++) {
			clock.advance(Duration.ofSeconds(20));
			assertThat(token(user, "wrong-" + i).status()).isEqualTo(401);
		}
		clock.advance(Duration.ofSeconds(20));
		Api.Response locked = token(user, "Right#Pass2026");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.json().get("code").asString()).isEqualTo("login.throttled");
		assertThat(locked.json().get("detail").asString()).contains("分钟");

		clock.advance(Duration.ofMinutes(14));
		assertThat(token(user, "Right#Pass2026").status()).isEqualTo(429);
		clock.advance(Duration.ofMinutes(2));
		Api.Response ok = token(user, "Right#Pass2026");
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().get("token").asString()).isNotBlank();
		assertThat(ok.json().get("expiresAt").asString()).isNotBlank();
	}

	@Test
	void eachFailureMakesTheNextAttemptWaitLonger() {
		String user = newUser(false);
		assertThat(token(user, "wrong").status()).isEqualTo(401);
		Api.Response tooSoon = token(user, "Right#Pass2026");
		assertThat(tooSoon.status()).isEqualTo(429);
		clock.advance(Duration.ofMillis(1100));
		assertThat(token(user, "wrong").status()).isEqualTo(401);
		clock.advance(Duration.ofMillis(1100));
		assertThat(token(user, "Right#Pass2026").status()).as("second delay is 2 s").isEqualTo(429);
		clock.advance(Duration.ofMillis(1000));
		assertThat(token(user, "Right#Pass2026").status()).isEqualTo(200);
	}

	@Test
	void fourFailuresThenSuccessResetTheCounter() {
		String user = newUser(false);
		for (int i = 0; i < 4; i++) {
			clock.advance(Duration.ofSeconds(20));
			token(user, "wrong");
		}
		clock.advance(Duration.ofSeconds(20));
		assertThat(token(user, "Right#Pass2026").status()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			clock.advance(Duration.ofSeconds(20));
			token(user, "wrong");
		}
		clock.advance(Duration.ofSeconds(20));
		assertThat(token(user, "Right#Pass2026").status()).isEqualTo(200);
	}

	@Test
	void newAccountMustChangeItsPasswordBeforeAnythingElse() throws Exception {
		String user = newUser(true);
		Api.Response refused = token(user, "Right#Pass2026");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");

		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String base = api.base();
		String csrf = csrf(browser, base + "/login");
		HttpResponse<String> login = browser.send(form(base + "/login",
				Map.of("username", user, "password", "Right#Pass2026", "_csrf", csrf)), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);

		HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(base + "/students")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/account/password");

		String csrf2 = csrf(browser, base + "/account/password");
		HttpResponse<String> weak = browser.send(form(base + "/account/password",
				Map.of("current", "Right#Pass2026", "password", "short", "confirm", "short", "_csrf", csrf2)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(weak.statusCode()).isEqualTo(200);
		assertThat(weak.body()).contains("至少需要 10 位");

		HttpResponse<String> changed = browser.send(form(base + "/account/password",
				Map.of("current", "Right#Pass2026", "password", "Better#Pass2027", "confirm", "Better#Pass2027", "_csrf", csrf2)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(changed.statusCode()).isEqualTo(302);
		HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(token(user, "Better#Pass2027").status()).isEqualTo(200);
	}

	@Test
	void loginPageIsChineseAndOffersEnglish() throws Exception {
		HttpClient browser = HttpClient.newHttpClient();
		HttpResponse<String> zh = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
			.header("Accept-Language", "en-US").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(zh.body()).contains("用户名", "演示", "Demo#2026");
		HttpResponse<String> en = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/login?lang=en")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(en.body()).contains("Username", "Log in");
	}

	static String csrf(HttpClient browser, String url) throws Exception {
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(m.find()).as("csrf field on " + url).isTrue();
		return m.group(1);
	}

	static HttpRequest form(String url, Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
	}
}
