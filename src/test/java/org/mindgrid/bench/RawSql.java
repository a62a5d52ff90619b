package org.mindgrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.shared.db.EmbeddedDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Times the SQL of a list ({@link ListSql}) straight over JDBC, in the same run as its endpoint: the limit the
 * endpoint is compared with. Each thread has a connection of its own and runs the request's statements one after
 * the other, back to back, reading every column of every row, for a fixed time after a few warm-up rounds (the
 * driver prepares a statement on the server from its fifth execution, as for the app).
 * <p>
 * The database: {@code bench.jdbc.url} ({@code bench.jdbc.user}, {@code bench.jdbc.password}), else the embedded
 * server of the data directory {@code bench.data-dir} (default {@code MINDGRID_DATA_DIR}, then {@code ./data}),
 * found through its {@code postmaster.pid} as the app's commands find it.
 */
final class RawSql {

	/** One endpoint at one concurrency; milliseconds. */
	record Figures(String endpoint, int concurrency, int connections, long count, double seconds, double p50,
			double p95, double p99) {

		double perSecond() {
			return count / seconds;
		}

		static final String HEADER = "endpoint\tconcurrency\tconnections\tcount\tseconds\tp50_ms\tp95_ms\tp99_ms\tper_second";

		String tsv() {
			return String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.2f\t%.3f\t%.3f\t%.3f\t%.1f", endpoint, concurrency,
					connections, count, seconds, p50, p95, p99, perSecond());
		}

		static Figures parse(String line) {
			String[] f = line.split("\t");
			return new Figures(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
					Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
					Double.parseDouble(f[7]));
		}
	}

	private static final int WARM_UP = 10;

	private final String url;

	private final String user;

	private final String password;

	RawSql(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static RawSql fromSettings() {
		String url = BenchSettings.text("bench.jdbc.url", null);
		if (url == null) {
			String dir = BenchSettings.text("bench.data-dir",
					System.getenv().getOrDefault("MINDGRID_DATA_DIR", "data"));
			OptionalInt port = EmbeddedDatabase.runningPort(Path.of(dir));
			if (port.isEmpty()) {
				throw new IllegalStateException("no running embedded PostgreSQL under " + dir
						+ ": set bench.data-dir to the app's MINDGRID_DATA_DIR, or bench.jdbc.url");
			}
			url = "jdbc:postgresql://localhost:" + port.getAsInt() + "/postgres";
		}
		return new RawSql(url, BenchSettings.text("bench.jdbc.user", "postgres"),
				BenchSettings.text("bench.jdbc.password", ""));
	}

	/** The ids of the request's page, in order: what the endpoint's items must be. */
	List<Long> pageIds(ListSql.Request request) {
		try (Connection c = connect()) {
			ListSql.Statement page = request.pageStatement();
			return JdbcClient.create(new SingleConnectionDataSource(c, true)).sql(page.sql()).params(page.params())
				.query((rs, i) -> rs.getLong(1)).list();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * {id, enrolled students} of the classes from grade 7 of {@code psych}'s school, by id: students a PHQ-9 +
	 * GAD-7 campaign reaches (the screening journey on the generator's city).
	 */
	List<long[]> classesFromGrade7(String psych) {
		try (Connection c = connect()) {
			return JdbcClient.create(new SingleConnectionDataSource(c, true)).sql("""
					select sc.id, count(s.id) from school_class sc join grade g on g.id = sc.grade_id
					  join student s on s.class_id = sc.id and s.status = 'ENROLLED'
					 where g.level >= 7 and sc.school_id = (select p.school_id from post p join app_user u on u.id = p.user_id
					        where u.username = :psych and p.role = 'PSYCH_TEACHER' limit 1)
					 group by sc.id order by sc.id""")
				.param("psych", psych).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** {@code endpoint}'s SQL for {@code caller} on {@code connections} threads for {@code time}, after warm-up. */
	Figures time(Endpoint endpoint, CurrentUser caller, int concurrency, int connections, Duration time)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		try {
			CountDownLatch warm = new CountDownLatch(connections);
			CountDownLatch go = new CountDownLatch(1);
			AtomicLong end = new AtomicLong();
			List<Future<long[]>> runs = new ArrayList<>();
			for (int t = 0; t < connections; t++) {
				runs.add(pool.submit(() -> loop(endpoint, caller, warm, go, end)));
			}
			warm.await();
			long start = System.nanoTime();
			end.set(start + time.toNanos());
			go.countDown();
			List<long[]> all = new ArrayList<>();
			for (Future<long[]> run : runs) {
				all.add(run.get());
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long[] micros = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			return new Figures(endpoint.key(), concurrency, connections, micros.length, seconds, pct(micros, 50),
					pct(micros, 95), pct(micros, 99));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long[] loop(Endpoint endpoint, CurrentUser caller, CountDownLatch warm, CountDownLatch go, AtomicLong end)
			throws SQLException, InterruptedException {
		try (Connection c = connect()) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
			try {
				for (int i = 0; i < WARM_UP; i++) {
					run(jdbc, ListSql.of(endpoint, caller, endpoint.page(), Endpoint.SIZE, Instant.now()));
				}
			}
			finally {
				warm.countDown();
			}
			go.await();
			long[] micros = new long[1024];
			int n = 0;
			while (System.nanoTime() < end.get()) {
				// built per round as the app builds it per request (its "now" moves on)
				ListSql.Request request = ListSql.of(endpoint, caller, endpoint.page(), Endpoint.SIZE, Instant.now());
				long t0 = System.nanoTime();
				run(jdbc, request);
				if (n == micros.length) {
					micros = Arrays.copyOf(micros, n * 2);
				}
				micros[n++] = (System.nanoTime() - t0) / 1000;
			}
			return Arrays.copyOf(micros, n);
		}
	}

	private static void run(JdbcClient jdbc, ListSql.Request request) {
		for (ListSql.Statement s : request.statements()) {
			jdbc.sql(s.sql()).params(s.params()).query(rs -> {
				int columns = rs.getMetaData().getColumnCount();
				for (int i = 1; i <= columns; i++) {
					rs.getObject(i);
				}
			});
		}
	}

	private Connection connect() throws SQLException {
		Connection c = DriverManager.getConnection(url, user, password);
		c.setAutoCommit(true);
		return c;
	}

	/** Nearest rank, in milliseconds; NaN without samples. */
	static double pct(long[] sortedMicros, double p) {
		if (sortedMicros.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
		return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank - 1))] / 1000.0;
	}

	static void write(Path file, List<Figures> figures) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		List<String> lines = new ArrayList<>(List.of(Figures.HEADER));
		figures.forEach(f -> lines.add(f.tsv()));
		Files.write(file, lines);
	}

	static List<Figures> read(Path file) throws IOException {
		return Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).map(Figures::parse).toList();
	}
}
