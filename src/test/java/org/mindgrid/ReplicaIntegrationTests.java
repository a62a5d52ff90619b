package org.mindgrid;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.AppProcess;
import org.mindgrid.support.PageClient;
import org.mindgrid.support.PostgresCluster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11 point 6, ADR 0030: one app instance on a primary and a streaming hot standby (two clusters of Debian's
 * server under {@code target/replica}), {@code MINDGRID_REPLICA_URL} pointing at the standby. With the standby's
 * replay paused, a change made on the primary stays out of the lists (they are read on the standby) while writes
 * and page logins go on (they are on the primary); resumed, the list shows it. Then, with synchronous
 * {@code remote_apply} replication as ADR 0030 asks of a deployment, the primary dies under a stream of writes
 * and the standby is promoted: the app, on a multi-host URL with {@code targetServerType=primary}, serves on,
 * answers nothing but 201 or 503 meanwhile, and every write it acknowledged is on the new primary.
 */
class ReplicaIntegrationTests {

	private static final String SECRET_KEY = "cmVwbGljYS10ZXN0LWtleS0zMi1ieXRlcy1sb25nISE=";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void listsAreReadOnTheStandbyWritesGoToThePrimaryAndAPromotionIsRiddenThrough() throws Exception {
		var bin = PostgresCluster.binaries();
		assumeTrue(bin.isPresent(), "Skipped: no PostgreSQL server under /usr/lib/postgresql/*/bin "
				+ "(apt-get install postgresql; .ci/run installs it)");
		Path dir = Path.of("target", "replica").toAbsolutePath();
		try (PostgresCluster primary = PostgresCluster.start(bin.get(), dir.resolve("primary"))) {
			primary.createDatabase("mindgrid");
			try (PostgresCluster standby = primary.standby(dir.resolve("standby"), "replica")) {
				String both = "127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port();
				String reversed = "127.0.0.1:" + standby.port() + ",127.0.0.1:" + primary.port();
				// hostRecheckSeconds: how long the driver trusts what it learnt of a host (default 10 s)
				String options = "&hostRecheckSeconds=1&connectTimeout=2";
				try (AppProcess app = AppProcess.start("replica-app", PostgresCluster.freePort(), dir.resolve("app.log"),
						List.of("--spring.datasource.url=jdbc:postgresql://" + both + "/mindgrid?targetServerType=primary"
								+ options, "--spring.datasource.username=postgres", "--spring.datasource.password=",
								"--mindgrid.demo=true", "--mindgrid.secret-key=" + SECRET_KEY,
								"--mindgrid.data-dir=" + dir.resolve("app-data")),
						Map.of("MINDGRID_REPLICA_URL", "jdbc:postgresql://" + reversed
								+ "/mindgrid?targetServerType=preferSecondary" + options))) {
					app.awaitReady(Duration.ofSeconds(150));
					try (Connection onPrimary = primary.connect("mindgrid"); Connection onStandby = standby.connect("mindgrid")) {
						listsAreReadOnTheStandby(app, onPrimary, onStandby);
					}
					promotionIsRiddenThrough(app, primary, standby);
				}
				catch (AssertionError | RuntimeException e) {
					throw new AssertionError(e.getMessage() + "\n--- primary log ---\n" + tail(primary.log())
							+ "\n--- standby log ---\n" + tail(standby.log()), e);
				}
			}
		}
	}

	private void listsAreReadOnTheStandby(AppProcess app, Connection onPrimary, Connection onStandby) throws Exception {
		String psych = token(app, "psych1");
		String mentor = token(app, "mentor1");
		long student = mentorsStudent(onPrimary);
		String marker = "复制检验" + Long.toString(System.nanoTime() % 100_000, 36);
		assertThat(found(app, psych, marker)).isZero();

		awaitReplayed(onPrimary, onStandby);
		query(onStandby, "select pg_wal_replay_pause()");
		awaitTrue(onStandby, "select pg_get_wal_replay_pause_state() = 'paused'", Duration.ofSeconds(10));
		try {
			try (var s = onPrimary.prepareStatement("update student set name = ? where id = ?")) {
				s.setString(1, marker);
				s.setLong(2, student);
				assertThat(s.executeUpdate()).isEqualTo(1);
			}
			assertThat(found(app, psych, marker)).as("the list is read on the paused standby").isZero();

			var observation = observe(app, mentor, student, "replica paused " + marker);
			assertThat(observation.statusCode()).as("a write goes to the primary: " + observation.body()).isEqualTo(201);
			assertThat(longOf(onPrimary, "select count(*) from observation where notes = 'replica paused " + marker + "'"))
				.isEqualTo(1);

			PageClient pages = PageClient.login(app.port(), "mentor1");
			assertThat(pages.get("/students").status()).as("a page login is kept on the primary").isEqualTo(200);

			assertThat(longOf(onStandby, "select count(*) from pg_stat_activity where application_name = 'mindgrid-replica'"))
				.as("the replica pool's sessions are on the standby").isPositive();
			assertThat(longOf(onPrimary, "select count(*) from pg_stat_activity where application_name = 'mindgrid-replica'"))
				.as("and none on the primary").isZero();
		}
		finally {
			query(onStandby, "select pg_wal_replay_resume()");
		}
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (found(app, psych, marker) == 0 && System.nanoTime() < until) {
			Thread.sleep(100);
		}
		assertThat(found(app, psych, marker)).as("replayed, the list shows the change").isEqualTo(1);
	}

	private void promotionIsRiddenThrough(AppProcess app, PostgresCluster primary, PostgresCluster standby)
			throws Exception {
		try (Connection onPrimary = primary.connect("mindgrid")) {
			query(onPrimary, "alter system set synchronous_standby_names = 'replica'");
			query(onPrimary, "alter system set synchronous_commit = 'remote_apply'");
			query(onPrimary, "select pg_reload_conf()");
			awaitTrue(onPrimary, "select coalesce(bool_or(sync_state = 'sync'), false) from pg_stat_replication",
					Duration.ofSeconds(15));
		}
		String mentor = token(app, "mentor1");
		String psych = token(app, "psych1");
		long student;
		try (Connection onStandby = standby.connect("mindgrid")) {
			student = mentorsStudent(onStandby);
		}
		String run = "failover " + System.nanoTime();
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Map<Integer, AtomicInteger> writeAnswers = new ConcurrentHashMap<>();
		Map<Integer, AtomicInteger> readAnswers = new ConcurrentHashMap<>();
		AtomicInteger afterPromotion = new AtomicInteger();
		AtomicInteger unanswered = new AtomicInteger();
		AtomicBoolean promoted = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong firstWriteAfterKill = new AtomicLong();
		AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		for (int w = 0; w < 3; w++) {
			int writer = w;
			clients.submit(() -> {
				for (int n = 0; !stop.get(); n++) {
					String note = run + " " + writer + "-" + n;
					long sent = System.nanoTime();
					try {
						var r = observe(app, mentor, student, note);
						writeAnswers.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
						if (r.statusCode() == 201) {
							acknowledged.add(note);
							if (sent > killedAt.get()) {
								// the first write sent after the kill and acknowledged: the outage as a user saw it
								firstWriteAfterKill.compareAndSet(0, System.nanoTime());
							}
							if (promoted.get()) {
								afterPromotion.incrementAndGet();
							}
						}
						else if (r.statusCode() == 503) {
							Thread.sleep(200);
						}
					}
					catch (IOException e) {
						unanswered.incrementAndGet();
					}
					catch (InterruptedException e) {
						return;
					}
				}
			});
		}
		clients.submit(() -> {
			while (!stop.get()) {
				try {
					var r = get(app, psych, "/api/v1/students?size=20");
					readAnswers.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
					Thread.sleep(50);
				}
				catch (IOException e) {
					unanswered.incrementAndGet();
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (acknowledged.size() < 30 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		int beforeKill = acknowledged.size();
		killedAt.set(System.nanoTime());
		primary.kill();
		standby.promote();
		promoted.set(true);
		until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (afterPromotion.get() < 30 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		stop.set(true);
		clients.shutdown();
		assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		assertThat(beforeKill).isGreaterThanOrEqualTo(30);
		assertThat(afterPromotion.get()).as("writes go on on the promoted standby").isGreaterThanOrEqualTo(30);
		assertThat(writeAnswers.keySet()).as("writes answered %s", writeAnswers).isSubsetOf(201, 503);
		assertThat(readAnswers.keySet()).as("reads answered %s", readAnswers).isSubsetOf(200, 503);
		assertThat(unanswered.get()).as("the app itself never stopped answering").isZero();
		Set<String> stored = new HashSet<>();
		try (Connection onNewPrimary = standby.connect("mindgrid");
				var s = onNewPrimary.prepareStatement("select notes from observation where notes like ?")) {
			s.setString(1, run + " %");
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					stored.add(rs.getString(1));
				}
			}
		}
		assertThat(stored).as("every acknowledged write survived the failover").containsAll(acknowledged);
		System.out.printf("replica failover: %d writes acknowledged before the kill, %d after the promotion; "
				+ "first write %d ms after the kill; writes %s, reads %s%n", beforeKill, afterPromotion.get(),
				TimeUnit.NANOSECONDS.toMillis(firstWriteAfterKill.get() - killedAt.get()), writeAnswers, readAnswers);
	}

	private static long mentorsStudent(Connection db) throws SQLException {
		return longOf(db, """
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = 'mentor1' order by ma.student_id limit 1""");
	}

	private long found(AppProcess app, String token, String name) throws Exception {
		var r = get(app, token, "/api/v1/students?size=5&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode page = JSON.readTree(r.body());
		return page.get("total").asLong();
	}

	private String token(AppProcess app, String username) throws Exception {
		var r = send(app, "/api/v1/auth/token", null,
				"{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return JSON.readTree(r.body()).get("token").asString();
	}

	private HttpResponse<String> observe(AppProcess app, String token, long student, String note)
			throws IOException, InterruptedException {
		return send(app, "/api/v1/observations", token, "{\"studentId\":" + student
				+ ",\"signs\":[],\"categories\":[],\"crisisLevel\":\"NONE\",\"notes\":\"" + note + "\"}");
	}

	private HttpResponse<String> get(AppProcess app, String token, String path) throws IOException, InterruptedException {
		return send(app, path, token, null);
	}

	private HttpResponse<String> send(AppProcess app, String path, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base() + path))
			.timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Until the standby has replayed everything the primary has written so far. */
	private static void awaitReplayed(Connection onPrimary, Connection onStandby) throws Exception {
		String lsn;
		try (var s = onPrimary.createStatement(); ResultSet rs = s.executeQuery("select pg_current_wal_lsn()::text")) {
			rs.next();
			lsn = rs.getString(1);
		}
		awaitTrue(onStandby, "select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '" + lsn + "') >= 0",
				Duration.ofSeconds(30));
	}

	private static void awaitTrue(Connection db, String sql, Duration limit) throws Exception {
		long until = System.nanoTime() + limit.toNanos();
		while (true) {
			try (var s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
				rs.next();
				if (rs.getBoolean(1)) {
					return;
				}
			}
			if (System.nanoTime() > until) {
				throw new AssertionError("not true after " + limit.toSeconds() + " s: " + sql);
			}
			Thread.sleep(100);
		}
	}

	private static void query(Connection c, String sql) throws SQLException {
		try (var s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static long longOf(Connection c, String sql) throws SQLException {
		try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}
}
