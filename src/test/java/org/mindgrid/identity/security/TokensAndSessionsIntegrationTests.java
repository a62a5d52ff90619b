package org.mindgrid.identity.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6, point 7: tokens and sessions do not outlive logout, password changes, resets or inactivity. */
@IntegrationTest
class TokensAndSessionsIntegrationTests {

	static final String PASSWORD = "Right#Pass2026";

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

	String newUser(String password) {
		String username = "ts" + System.nanoTime();
		long school = jdbc.sql("select id from school order by id limit 1").query(Long.class).single();
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash, school_id) values (:u, '测试教师', :h, :s)
				returning id""")
			.param("u", username).param("h", encoder.encode(password)).param("s", school).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, 'PSYCH_TEACHER', :s)")
			.param("u", id).param("s", school).update();
		return username;
	}

	String token(String username, String password) {
		clock.advance(Duration.ofSeconds(2));
		Api.Response r = api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("token").asString();
	}

	Api.Response with(String token, String method, String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Bearer " + token);
		b = method.equals("GET") ? b.GET() : method.equals("DELETE") ? b.DELETE()
				: b.POST(HttpRequest.BodyPublishers.noBody());
		return api.send(null, b);
	}

	@Test
	void logoutRevokesTheTokenOfTheRequest() {
		String user = newUser(PASSWORD);
		String a = token(user, PASSWORD);
		String b = token(user, PASSWORD);
		assertThat(with(a, "POST", "/api/v1/auth/logout").status()).isEqualTo(204);
		assertThat(with(a, "GET", "/api/v1/me").status()).isEqualTo(401);
		assertThat(with(b, "GET", "/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aUserSeesAndRevokesTheirTokens() {
		String user = newUser(PASSWORD);
		String a = token(user, PASSWORD);
		String b = token(user, PASSWORD);
		Api.Response list = with(a, "GET", "/api/v1/auth/tokens");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().size()).isEqualTo(2);
		long other = 0;
		for (var t : list.json()) {
			if (!t.get("current").asBoolean()) {
				other = t.get("id").asLong();
			}
			assertThat(t.has("token")).isFalse();
		}
		assertThat(with(a, "DELETE", "/api/v1/auth/tokens/" + other).status()).isEqualTo(204);
		assertThat(with(b, "GET", "/api/v1/me").status()).isEqualTo(401);
		// nobody revokes someone else's token
		long psychToken = jdbc.sql("""
				select t.id from api_token t join app_user u on u.id = t.user_id where u.username = 'psych1' limit 1""")
			.query(Long.class).optional().orElse(-1L);
		api.token("psych1");
		long anyPsych = jdbc.sql("""
				select t.id from api_token t join app_user u on u.id = t.user_id where u.username = 'psych1' limit 1""")
			.query(Long.class).single();
		assertThat(with(a, "DELETE", "/api/v1/auth/tokens/" + anyPsych).status()).isEqualTo(404);
		assertThat(psychToken).isNotNull();
		assertThat(api.get("psych1", "/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aTokenEndsAfterEightHoursUnusedAndAtTheLatestAfterADay() {
		String user = newUser(PASSWORD);
		String idle = token(user, PASSWORD);
		String busy = token(user, PASSWORD);
		for (int hour = 1; hour <= 7; hour++) {
			clock.advance(Duration.ofHours(1));
			assertThat(with(busy, "GET", "/api/v1/me").status()).isEqualTo(200);
		}
		clock.advance(Duration.ofHours(1).plusMinutes(5));
		assertThat(with(idle, "GET", "/api/v1/me").status()).as("unused for 8 h").isEqualTo(401);
		assertThat(with(busy, "GET", "/api/v1/me").status()).isEqualTo(200);
		for (int hour = 9; hour <= 23; hour++) {
			clock.advance(Duration.ofHours(1));
			assertThat(with(busy, "GET", "/api/v1/me").status()).isEqualTo(200);
		}
		clock.advance(Duration.ofHours(1));
		assertThat(with(busy, "GET", "/api/v1/me").status()).as("older than 24 h").isEqualTo(401);
	}

	@Test
	void aPasswordChangeEndsOtherSessionsAndEveryToken() {
		String user = newUser(PASSWORD);
		String apiToken = token(user, PASSWORD);
		clock.advance(Duration.ofSeconds(2));
		PageClient here = new PageClient(port);
		assertThat(here.signIn(user, PASSWORD).location()).doesNotContain("error");
		clock.advance(Duration.ofSeconds(2));
		PageClient there = new PageClient(port);
		assertThat(there.signIn(user, PASSWORD).location()).doesNotContain("error");
		assertThat(there.get("/account").status()).isEqualTo(200);

		here.get("/account/password");
		var changed = here.post("/account/password",
				Map.of("current", PASSWORD, "password", "完全不同的新口令2027年", "confirm", "完全不同的新口令2027年"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(302);
		assertThat(here.get("/account").status()).as("the session that changed it goes on").isEqualTo(200);
		var ended = there.get("/account");
		assertThat(ended.status()).isEqualTo(302);
		assertThat(ended.location()).contains("/login?ended");
		assertThat(with(apiToken, "GET", "/api/v1/me").status()).isEqualTo(401);
		assertThat(token(user, "完全不同的新口令2027年")).isNotBlank();
	}

	@Test
	void anAdminResetEndsEverySessionAndToken() {
		String user = newUser(PASSWORD);
		long userId = jdbc.sql("select id from app_user where username = :u").param("u", user).query(Long.class).single();
		long school = jdbc.sql("select school_id from app_user where id = :u").param("u", userId).query(Long.class).single();
		String apiToken = token(user, PASSWORD);
		clock.advance(Duration.ofSeconds(2));
		PageClient page = new PageClient(port);
		page.signIn(user, PASSWORD);
		assertThat(page.get("/account").status()).isEqualTo(200);
		PageClient admin = PageClient.login(port, "principal1");
		admin.get("/admin/schools/" + school + "/staff/" + userId);
		var reset = admin.post("/admin/schools/" + school + "/staff/" + userId + "/reset-password", Map.of());
		assertThat(reset.status()).isIn(200, 302);
		assertThat(page.get("/account").location()).contains("/login?ended");
		assertThat(with(apiToken, "GET", "/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aWrongCurrentPasswordOnTheChangeFormCountsAsAFailedLogin() {
		String user = newUser(PASSWORD);
		PageClient page = new PageClient(port);
		page.signIn(user, PASSWORD);
		for (int i = 0; i < 5; i++) {
			clock.advance(Duration.ofSeconds(20));
			page.get("/account/password");
			var wrong = page.post("/account/password", Map.of("current", "guess-" + i, "password", "Another#Pass2027",
					"confirm", "Another#Pass2027"));
			assertThat(wrong.body()).contains("当前密码不正确");
		}
		clock.advance(Duration.ofSeconds(20));
		page.get("/account/password");
		var locked = page.post("/account/password",
				Map.of("current", PASSWORD, "password", "Another#Pass2027", "confirm", "Another#Pass2027"));
		assertThat(locked.body()).contains("登录尝试过于频繁");
		long recorded = jdbc.sql("""
				select count(*) from login_failure f join app_user u on u.id = f.user_id
				 where u.username = :u and f.reason = 'CURRENT_PASSWORD'""").param("u", user).query(Long.class).single();
		assertThat(recorded).isEqualTo(5);
	}

	@Test
	void longPassphrasesWorkAndOldHashesUpgradeAtLogin() {
		String passphrase = "我家门前有两棵树一棵是枣树另一棵也是枣树这是鲁迅先生写的";
		assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
		String user = newUser(passphrase);
		assertThat(token(user, passphrase)).isNotBlank();
		String legacy = "lg" + System.nanoTime();
		String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD);
		long school = jdbc.sql("select id from school order by id limit 1").query(Long.class).single();
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '旧账号', :h) returning id")
			.param("u", legacy).param("h", bcrypt).query(Long.class).single();
		jdbc.sql("""
				insert into post (user_id, role, school_id, class_id)
				values (:u, 'SUBJECT_TEACHER', :s, (select min(id) from school_class where school_id = :s))""")
			.param("u", id).param("s", school).update();
		assertThat(token(legacy, PASSWORD)).isNotBlank();
		String upgraded = jdbc.sql("select password_hash from app_user where id = :id").param("id", id).query(String.class).single();
		assertThat(upgraded).startsWith("{argon2id}");
		assertThat(token(legacy, PASSWORD)).isNotBlank();
		// a long password against a bcrypt hash is a refusal, not an error
		clock.advance(Duration.ofSeconds(20));
		String other = "lg" + System.nanoTime();
		jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '旧账号', :h)")
			.param("u", other).param("h", bcrypt).update();
		Api.Response longOne = api.post(null, "/api/v1/auth/token", Map.of("username", other, "password", "长".repeat(60)));
		assertThat(longOne.status()).as(longOne.body()).isEqualTo(401);
	}
}
