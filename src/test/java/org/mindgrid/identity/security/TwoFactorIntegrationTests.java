package org.mindgrid.identity.security;

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
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6, point 12: enrolment with a QR code, login with a code (page and API), recovery codes, enforcement. */
@IntegrationTest
class TwoFactorIntegrationTests {

	static final String PASSWORD = "Right#Pass2026";

	private static final Pattern SECRET = Pattern.compile("id=\"mg-totp-secret\">([A-Z2-7]+)<");

	private static final Pattern CODE = Pattern.compile("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>");

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

	String newUser() {
		String username = "tf" + System.nanoTime();
		long school = jdbc.sql("select id from school order by id limit 1").query(Long.class).single();
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash, school_id) values (:u, '心理教师', :h, :s)
				returning id""")
			.param("u", username).param("h", encoder.encode(PASSWORD)).param("s", school).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, 'PSYCH_TEACHER', :s)")
			.param("u", id).param("s", school).update();
		return username;
	}

	String code(String secret, long offsetSteps) {
		return Totp.code(Totp.fromBase32(secret), Totp.step(clock.instant()) + offsetSteps);
	}

	/** Enrols through the pages, as a teacher would; returns the secret and the recovery codes. */
	record Enrolled(String secret, java.util.List<String> recoveryCodes) {
	}

	Enrolled enrol(PageClient page) {
		var empty = page.get("/account/two-factor");
		assertThat(empty.status()).isEqualTo(200);
		page.post("/account/two-factor/start", Map.of());
		var shown = page.get("/account/two-factor");
		assertThat(shown.body()).contains("data:image/svg+xml;base64,");
		Matcher m = SECRET.matcher(shown.body());
		assertThat(m.find()).as(shown.body()).isTrue();
		String secret = m.group(1);
		var wrong = page.post("/account/two-factor", Map.of("code", "000000".equals(code(secret, 0)) ? "111111" : "000000"));
		assertThat(wrong.body()).contains("动态码不正确");
		var done = page.post("/account/two-factor", Map.of("code", code(secret, 0)));
		assertThat(done.status()).isEqualTo(200);
		Matcher codes = CODE.matcher(done.body());
		java.util.List<String> list = new java.util.ArrayList<>();
		while (codes.find()) {
			list.add(codes.group(1));
		}
		assertThat(list).hasSize(10);
		return new Enrolled(secret, list);
	}

	Api.Response apiLogin(String user, String totp) {
		clock.advance(Duration.ofSeconds(20));
		return api.post(null, "/api/v1/auth/token", totp == null ? Map.of("username", user, "password", PASSWORD)
				: Map.of("username", user, "password", PASSWORD, "totp", totp));
	}

	@Test
	void anyAccountEnrolsAndThenLogsInWithACode() {
		String user = newUser();
		PageClient page = new PageClient(port);
		page.signIn(user, PASSWORD);
		Enrolled enrolled = enrol(page);

		Api.Response without = apiLogin(user, null);
		assertThat(without.status()).isEqualTo(401);
		assertThat(without.json().get("code").asString()).isEqualTo("login.two-factor-required");
		Api.Response wrong = apiLogin(user, "12345x");
		assertThat(wrong.json().get("code").asString()).isEqualTo("login.two-factor-wrong");
		clock.advance(Duration.ofSeconds(30));
		String code = code(enrolled.secret(), 0);
		Api.Response ok = api.post(null, "/api/v1/auth/token", Map.of("username", user, "password", PASSWORD, "totp", code));
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(2));
		Api.Response replay = api.post(null, "/api/v1/auth/token", Map.of("username", user, "password", PASSWORD, "totp", code));
		assertThat(replay.status()).as("a code works once").isEqualTo(401);

		// the page login asks for the code in a second step
		clock.advance(Duration.ofSeconds(40));
		PageClient other = new PageClient(port);
		var first = other.signIn(user, PASSWORD);
		assertThat(first.location()).endsWith("/login/two-factor");
		assertThat(other.get("/account").location()).contains("/login");
		other.get("/login/two-factor");
		var second = other.post("/login/two-factor", Map.of("code", code(enrolled.secret(), 0)));
		assertThat(second.status()).isEqualTo(302);
		assertThat(second.location()).doesNotContain("login");
		assertThat(other.get("/account").body()).contains("已开启，剩余 10 个");

		// a recovery code replaces the phone, once
		clock.advance(Duration.ofMinutes(2));
		String recovery = enrolled.recoveryCodes().get(3);
		assertThat(apiLogin(user, recovery.toLowerCase()).status()).isEqualTo(200);
		assertThat(apiLogin(user, recovery).status()).isEqualTo(401);
		assertThat(other.get("/account").body()).contains("剩余 9 个");
	}

	@Test
	void anAccountThatNeedsTwoFactorMustEnrolBeforeAnythingElse() {
		String user = newUser();
		jdbc.sql("update app_user set totp_required = true where username = :u").param("u", user).update();
		Api.Response refused = apiLogin(user, null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("code").asString()).isEqualTo("problem.two-factor-enrolment-required");
		clock.advance(Duration.ofSeconds(20));
		PageClient page = new PageClient(port);
		page.signIn(user, PASSWORD);
		var students = page.get("/students");
		assertThat(students.status()).isEqualTo(302);
		assertThat(students.location()).endsWith("/account/two-factor");
		assertThat(page.get("/account/two-factor").body()).contains("必须开启两步验证");
		Enrolled enrolled = enrol(page);
		assertThat(page.get("/students").status()).isEqualTo(200);
		// the code that switched it on was used: the next step's code logs in
		assertThat(apiLogin(user, code(enrolled.secret(), 1)).status()).isEqualTo(200);
	}

	@Test
	void wrongCodesAreThrottledLikePasswords() {
		String user = newUser();
		PageClient page = new PageClient(port);
		page.signIn(user, PASSWORD);
		enrol(page);
		clock.advance(Duration.ofMinutes(1));
		PageClient attacker = new PageClient(port);
		assertThat(attacker.signIn(user, PASSWORD).location()).endsWith("/login/two-factor");
		int refused = 0;
		for (int i = 0; i < 8; i++) {
			clock.advance(Duration.ofSeconds(20));
			attacker.get("/login/two-factor");
			var answer = attacker.post("/login/two-factor", Map.of("code", String.format("%06d", i)));
			if (answer.body().contains("登录尝试过于频繁")) {
				refused++;
			}
		}
		assertThat(refused).as("codes beyond the limit are not even checked").isGreaterThanOrEqualTo(3);
	}
	/** Issue 7, point 2: a form posted after the session expired comes back after both login steps. */
	@Test
	void aFormWhoseSessionExpiredComesBackAfterTheTwoFactorStep() {
		String user = newUser();
		PageClient page = new PageClient(port);
		assertThat(page.signIn(user, PASSWORD).status()).isEqualTo(302);
		Enrolled enrolled = enrol(page);
		long student = jdbc.sql("select id from student where school_id = (select school_id from app_user where username = :u) "
				+ "order by id limit 1").param("u", user).query(Long.class).single();
		String talkForm = "/students/" + student + "/talks/new";
		assertThat(page.get(talkForm).status()).isEqualTo(200);
		String token = page.csrf();
		page.post("/logout", Map.of());
		page.useCsrf(token);

		var post = page.post("/students/" + student + "/talks", Map.of("topics", "x"), Map.of("Referer", page.base() + talkForm));
		assertThat(post.location()).contains("/login?expired=session&next=");
		page.get(post.location().replaceFirst("^https?://[^/]+", ""));
		var password = page.post("/login", Map.of("username", user, "password", PASSWORD));
		assertThat(password.location()).endsWith("/login/two-factor");
		page.get("/login/two-factor");
		var code = page.post("/login/two-factor", Map.of("code", code(enrolled.secret(), 1)));
		assertThat(code.status()).isEqualTo(302);
		assertThat(code.location()).endsWith(talkForm);
	}
}
