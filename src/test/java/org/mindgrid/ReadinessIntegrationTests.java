package org.mindgrid;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 12: readiness is UP only once the app can serve. The app starts on a data directory of its own
 * while this test holds a lock on the first table the demo fills, so the demo load stops half-way inside its
 * transaction for as long as the test likes: the web server answers, liveness is UP, readiness (and the overall
 * health) is not, and a login fails. Released, readiness turns UP and the same login works at once.
 */
class ReadinessIntegrationTests {

	static final Duration STARTUP = Duration.ofMinutes(4);

	@Test
	void readinessTurnsUpOnlyAfterTheDemoDataIsInAndALoginWorks() throws Exception {
		int port = freePort();
		Path dir = Files.createDirectories(Path.of("target", "readiness-it")).resolve("run-" + System.nanoTime());
		AtomicReference<Connection> lock = new AtomicReference<>();
		SpringApplication application = new SpringApplication(MindGridApplication.class);
		// After the migrations, before the ApplicationRunners (DemoData): the demo's first insert will wait.
		application.addListeners((ApplicationListener<ApplicationStartedEvent>) e -> lock
			.set(lockTable(e.getApplicationContext().getBean(DataSource.class), "city")));
		ExecutorService starter = Executors.newSingleThreadExecutor();
		Future<ConfigurableApplicationContext> started = starter.submit(() -> application.run(
				"--server.port=" + port, "--mindgrid.data-dir=" + dir.toAbsolutePath(), "--mindgrid.demo=true",
				// one refused login must not delay the next by a second: this test is about readiness
				"--mindgrid.lockout.first-delay=0s"));
		ConfigurableApplicationContext context = null;
		try {
			await(() -> started.isDone() || (lock.get() != null && demoWaitsOn(lock.get(), "city")), "demo load to wait");
			assertThat(started.isDone()).as("the app started without waiting for the demo data").isFalse();
			Api api = new Api(port);

			var liveness = api.get(null, "/actuator/health/liveness");
			assertThat(liveness.status()).isEqualTo(200);
			assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
			var readiness = api.get(null, "/actuator/health/readiness");
			assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
			assertThat(readiness.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(readiness.body()).doesNotContain("components", "details");
			var health = api.get(null, "/actuator/health");
			assertThat(health.status()).as("overall health while loading: " + health.body()).isEqualTo(503);
			assertThat(api.post(null, "/api/v1/auth/token", login()).status()).isEqualTo(401);

			release(lock.get());
			context = started.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
			await(() -> api.get(null, "/actuator/health/readiness").status() == 200, "readiness");
			readiness = api.get(null, "/actuator/health/readiness");
			assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
			assertThat(readiness.body()).doesNotContain("components", "details");
			var token = api.post(null, "/api/v1/auth/token", login());
			assertThat(token.status()).as(token.body()).isEqualTo(200);
			assertThat(api.get(null, "/actuator/health").json().get("status").asString()).isEqualTo("UP");
			assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
		}
		finally {
			if (lock.get() != null && !lock.get().isClosed()) {
				release(lock.get());
			}
			if (context == null && !started.isCancelled()) {
				try {
					context = started.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
				}
				catch (Exception ignored) {
					// the assertion above already says what went wrong
				}
			}
			if (context != null) {
				context.close();
			}
			starter.shutdownNow();
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	static Map<String, String> login() {
		return Map.of("username", "psych1", "password", Api.PASSWORD);
	}

	static Connection lockTable(DataSource dataSource, String table) {
		try {
			Connection c = dataSource.getConnection();
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("lock table " + table + " in exclusive mode");
			}
			return c;
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** True when another session waits for the lock this connection holds on the table. */
	static boolean demoWaitsOn(Connection c, String table) {
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select count(*) from pg_locks l join pg_class t on t.oid = l.relation "
						+ "where t.relname = '" + table + "' and not l.granted")) {
			rs.next();
			return rs.getLong(1) > 0;
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	static void release(Connection c) throws SQLException {
		c.commit();
		c.close();
	}

	static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(100);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
