package org.mindgrid;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mindgrid.shared.db.JobLock;
import org.mindgrid.support.Api;
import org.mindgrid.support.AppProcess;
import org.mindgrid.support.PostgresCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11 point 6, ADR 0028: two app processes on one external PostgreSQL (Debian's server, a throw-away cluster
 * under {@code target/}). A page login on one instance is a login on the other, and a logout on either ends it; a
 * scheduled job (the urgent duty escalation, every second on both) waits while its lock is held elsewhere and then
 * does its work once; {@code kill -9} of one instance while observations are posted leaves every acknowledged one
 * in the database and the other instance serving.
 */
class TwoInstancesIntegrationTests {

	/** Both instances must share the key that seals two-factor secrets (test value, base64 of 32 bytes). */
	private static final String SECRET_KEY = "dHdvLWluc3RhbmNlcy10ZXN0LWtleS0zMi1ieXRlcyE=";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	private static final Duration READY = Duration.ofSeconds(150);

	@Test
	void twoInstancesShareSessionsRunAJobOnceAndOneSurvivesTheOthersKill() throws Exception {
		var bin = PostgresCluster.binaries();
		assumeTrue(bin.isPresent(), "Skipped: no PostgreSQL server under /usr/lib/postgresql/*/bin "
				+ "(apt-get install postgresql; .ci/run installs it)");
		Path dir = Path.of("target", "two-instances").toAbsolutePath();
		try (PostgresCluster pg = PostgresCluster.start(bin.get(), dir.resolve("pg"))) {
			pg.createDatabase("mindgrid");
			try (AppProcess a = start("a", pg, dir); AppProcess b = startAfter(a, "b", pg, dir)) {
				try (Connection db = pg.connect("mindgrid")) {
					sessionsAreShared(db, a, b);
					aJobRunsOnce(pg, db);
					killOneDuringWrites(db, a, b);
				}
			}
		}
	}

	private static AppProcess start(String name, PostgresCluster pg, Path dir) throws Exception {
		return AppProcess.start(name, PostgresCluster.freePort(), dir.resolve(name + ".log"), List.of(
				"--spring.datasource.url=" + pg.jdbcUrl("mindgrid"), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--mindgrid.demo=true", "--mindgrid.secret-key=" + SECRET_KEY,
				"--mindgrid.data-dir=" + dir.resolve(name + "-data"),
				// the urgent escalation every second on both instances: plenty of chances to run it twice
				"--mindgrid.duty.urgent-cron=* * * * * *"));
	}

	/** The second starts once the first is ready: the demo data is loaded by whichever instance starts first. */
	private static AppProcess startAfter(AppProcess first, String name, PostgresCluster pg, Path dir) throws Exception {
		first.awaitReady(READY);
		AppProcess second = start(name, pg, dir);
		second.awaitReady(READY);
		return second;
	}

	private static void sessionsAreShared(Connection db, AppProcess a, AppProcess b) throws Exception {
		Pages pages = new Pages();
		var login = pages.post(a.base(), "/login", Map.of("username", "mentor1", "password", Api.PASSWORD),
				pages.csrf(a.base(), "/login"));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error").doesNotContain("login");
		assertThat(longOf(db, "select max(max_inactive_interval) from spring_session where principal_name = 'mentor1'"))
			.as("the session is in PostgreSQL with the 30-minute idle timeout").isEqualTo(1800);

		var onB = pages.get(b.base(), "/students");
		assertThat(onB.statusCode()).as("signed in on a, the same session on b").isEqualTo(200);
		assertThat(onB.body()).doesNotContain("name=\"password\"");

		// a form of b posted with the CSRF token of the session a created, then logout there
		var logout = pages.post(b.base(), "/logout", Map.of(), pages.csrf(b.base(), "/students"));
		assertThat(logout.headers().firstValue("Location").orElse("")).contains("/login?logout");
		var onA = pages.get(a.base(), "/students");
		assertThat(onA.statusCode()).as("logged out on b, out on a").isEqualTo(302);
		assertThat(onA.headers().firstValue("Location").orElse("")).contains("/login");
		assertThat(longOf(db, "select count(*) from spring_session where principal_name = 'mentor1'")).isZero();
	}

	private static void aJobRunsOnce(PostgresCluster pg, Connection db) throws Exception {
		long duty;
		try (Connection holder = pg.connect("mindgrid")) {
			// Another instance is running the escalation: both app instances must skip it while the lock is held.
			query(holder, "select pg_advisory_lock(" + JobLock.key("duty-escalation") + ")");
			duty = longOf(db, """
					insert into duty (kind, school_id, student_id, assignee_user_id, due_at, created_at)
					select 'ASSESSMENT', s.school_id, s.id, (select id from app_user where username = 'psych1'),
					       now() - interval '1 hour', now() - interval '2 hours'
					  from student s where s.status = 'ENROLLED' order by s.id limit 1
					returning id""");
			Thread.sleep(3_000);
			assertThat(longOf(db, "select escalation_level from duty where id = " + duty))
				.as("no instance escalates while the job's lock is held elsewhere").isZero();
			query(holder, "select pg_advisory_unlock(" + JobLock.key("duty-escalation") + ")");
		}
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (longOf(db, "select escalation_level from duty where id = " + duty) == 0 && System.nanoTime() < until) {
			Thread.sleep(200);
		}
		assertThat(longOf(db, "select escalation_level from duty where id = " + duty)).isEqualTo(1);
		Thread.sleep(2_000);
		assertThat(longOf(db, "select count(*) from notification where link = '/duties/" + duty + "'"))
			.as("the assignee told once, though both instances run the job every second").isEqualTo(1);
	}

	private static void killOneDuringWrites(Connection db, AppProcess a, AppProcess b) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String token = json(http, a.base(), "/api/v1/auth/token", null,
				"{\"username\":\"mentor1\",\"password\":\"" + Api.PASSWORD + "\"}").body()
			.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		long student = longOf(db, """
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = 'mentor1' order by ma.student_id limit 1""");
		String run = "two-instances " + System.nanoTime();

		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger afterKill = new AtomicInteger();
		AtomicInteger lost = new AtomicInteger();
		AtomicBoolean bDown = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		for (int w = 0; w < 4; w++) {
			int writer = w;
			writers.submit(() -> {
				for (int n = 0; !stop.get(); n++) {
					String note = run + " " + writer + "-" + n;
					// a load balancer's choice: b until it stops answering, then a
					String base = bDown.get() ? a.base() : b.base();
					try {
						var r = json(http, base, "/api/v1/observations", token, "{\"studentId\":" + student
								+ ",\"signs\":[],\"categories\":[],\"crisisLevel\":\"NONE\",\"notes\":\"" + note + "\"}");
						if (r.statusCode() == 201) {
							acknowledged.add(note);
							if (bDown.get()) {
								afterKill.incrementAndGet();
							}
						}
					}
					catch (IOException e) {
						// no answer: not acknowledged, so it may or may not be stored; the next goes elsewhere
						lost.incrementAndGet();
						bDown.set(true);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			});
		}
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (acknowledged.size() < 40 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		int beforeKill = acknowledged.size();
		b.kill();
		until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (afterKill.get() < 40 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		stop.set(true);
		writers.shutdown();
		assertThat(writers.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

		assertThat(b.alive()).isFalse();
		assertThat(beforeKill).isGreaterThanOrEqualTo(40);
		assertThat(afterKill.get()).as("a serves on after b died").isGreaterThanOrEqualTo(40);
		Set<String> stored = new HashSet<>();
		try (var s = db.prepareStatement("select notes from observation where notes like ?")) {
			s.setString(1, run + " %");
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					stored.add(rs.getString(1));
				}
			}
		}
		assertThat(stored).as("every acknowledged write is in the database (%d unanswered at the kill)", lost.get())
			.containsAll(acknowledged);
		System.out.printf("two instances: %d observations acknowledged before the kill of b, %d by a after it; "
				+ "%d unanswered at the kill, %d of them stored all the same%n", beforeKill, afterKill.get(), lost.get(),
				stored.size() - acknowledged.size());
		assertThat(json(http, a.base(), "/api/v1/me", token, null).statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> json(HttpClient http, String base, String path, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void query(Connection c, String sql) throws SQLException {
		try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
		}
	}

	private static long longOf(Connection c, String sql) throws SQLException {
		try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** A browser's cookie jar over both instances (cookies know hosts, not ports), no redirects followed. */
	private static final class Pages {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();

		HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		String csrf(String base, String path) throws IOException, InterruptedException {
			Matcher m = CSRF.matcher(get(base, path).body());
			assertThat(m.find()).as("a CSRF token on " + base + path).isTrue();
			return m.group(1);
		}

		HttpResponse<String> post(String base, String path, Map<String, String> form, String csrf)
				throws IOException, InterruptedException {
			List<String> fields = new ArrayList<>(form.entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
			fields.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(fields.stream().collect(Collectors.joining("&"))))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
