package org.mindgrid;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.mindgrid.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code generate --schools N --students N --records N} (issue 11 point 1): fills an empty database with a city for
 * benchmarks, in SQL only and in one transaction, so that a failed or interrupted run leaves the database as empty as
 * it found it. Set-based {@code insert ... select ... generate_series} per table, the audit chain computed in Java
 * and sent with {@code COPY}; the tables' plain indexes are dropped for the load and built again before the commit.
 * Writes the tables directly (no module beans), as {@link Commands} does for backup and restore.
 */
final class CityGenerator {

	static final String PASSWORD = "Demo#2026";

	static final int REFUSED = 3;

	static final String USAGE = "usage: generate --schools 700 --students 1000000 --records 50000000";

	/** Tables written in bulk: their non-constraint indexes are dropped for the load and built again. */
	static final List<String> BULK_TABLES = List.of("student", "mentor_assignment", "post", "observation", "talk",
			"home_visit", "home_school_contact", "duty", "notification", "audit_event", "warning_report",
			"warning_report_source", "warning_case", "warning_case_event");

	/** The options, checked. */
	record Options(int schools, long students, long records) {

		static Options parse(Map<String, String> options) {
			try {
				int schools = Integer.parseInt(options.getOrDefault("schools", "").replace("_", ""));
				long students = Long.parseLong(options.getOrDefault("students", "").replace("_", ""));
				long records = Long.parseLong(options.getOrDefault("records", "").replace("_", ""));
				if (schools < 1 || students < 10L * schools || records < 0 || students > 20_000_000) {
					return null;
				}
				return new Options(schools, students, records);
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
	}

	/** What the run made, for the report and the tests. */
	record Result(CityPlan plan, String largestPsych, String smallestPsych, long rows, double seconds) {
	}

	private final PrintStream out;

	private final Clock clock;

	private long started;

	private long total;

	CityGenerator(PrintStream out, Clock clock) {
		this.out = out;
		this.clock = clock;
	}

	/** The app's encoder (identity's SecurityConfiguration): new hashes are Argon2id. */
	static PasswordEncoder encoder() {
		return new DelegatingPasswordEncoder("argon2id", Map.of("argon2id",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	/** Refuses (returns null) when the database already has students or schools. */
	Result generate(DataSource dataSource, Options options, String[] flywayLocations, PrintStream err)
			throws SQLException {
		started = System.nanoTime();
		JdbcClient plain = JdbcClient.create(dataSource);
		if (occupied(plain, err)) {
			return null;
		}
		step("schema (Flyway migrations)", () -> {
			Flyway.configure().dataSource(dataSource).locations(flywayLocations).load().migrate();
			return 0;
		});
		LocalDate today = LocalDate.now(clock);
		CityPlan plan = CityPlan.of(options.schools(), options.students(), options.records(), today);
		out.printf("city: %d districts, %d schools (%,d to %,d students), %,d students, %,d records, %s to %s%n",
				plan.districts(), plan.schools().size(), plan.smallest().students(), plan.largest().students(),
				plan.students(), plan.records(), plan.from(), plan.to());
		String hash = encoder().encode(PASSWORD);
		try (Connection connection = dataSource.getConnection()) {
			session(connection);
			connection.setAutoCommit(false);
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			jdbc.sql("lock table student, school in exclusive mode").update();
			if (occupied(jdbc, err)) {
				connection.rollback();
				return null;
			}
			CityIndexes indexes = CityIndexes.drop(jdbc, BULK_TABLES);
			out.printf("indexes dropped for the load: %d%n", indexes.count());
			new CityStructure(jdbc, plan, this).build(hash);
			new CityRecords(jdbc, plan, this).build();
			step("audit (hash-chained, COPY)", () -> new CityAudit(connection, plan).write());
			step("indexes rebuilt", () -> indexes.recreate(jdbc));
			step("commit", () -> {
				connection.commit();
				return 0;
			});
			connection.setAutoCommit(true);
			step("analyze", () -> {
				jdbc.sql("analyze").update();
				return 0;
			});
			String largest = psych(jdbc, plan.largest().no());
			String smallest = psych(jdbc, plan.smallest().no());
			double seconds = (System.nanoTime() - started) / 1e9;
			AuditLog.recordCommand(dataSource, clock, "CITY_GENERATED", "city/" + plan.schools().size(),
					"schools " + plan.schools().size() + " students " + plan.students() + " rows " + total);
			out.printf("done: %,d rows in %.1f s (password of every account: %s)%n", total, seconds, PASSWORD);
			out.printf("largest school: %s (%,d students)%n", largest, plan.largest().students());
			out.printf("smallest school: %s (%,d students)%n", smallest, plan.smallest().students());
			return new Result(plan, largest, smallest, total, seconds);
		}
	}

	private boolean occupied(JdbcClient jdbc, PrintStream err) {
		boolean schema = jdbc.sql("select to_regclass('student') is not null").query(Boolean.class).single();
		if (!schema) {
			return false;
		}
		long students = jdbc.sql("select count(*) from (select 1 from student limit 1) s").query(Long.class).single();
		long schools = jdbc.sql("select count(*) from (select 1 from school limit 1) s").query(Long.class).single();
		if (students + schools > 0) {
			err.println("generate refused: the database already has " + (students > 0 ? "students" : "schools")
					+ "; it fills an empty database only (a new MINDGRID_DATA_DIR, or an empty external database)");
			return true;
		}
		return false;
	}

	/**
	 * Settings of this session only: no wait for the WAL flush at commit, memory for the sorts and index builds,
	 * no JIT (it compiles each big statement for seconds), and, where the role may (the embedded superuser), no
	 * trigger or foreign key check per row: every row is made valid by construction and the tests check the rules.
	 */
	private void session(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute("set synchronous_commit = off");
			s.execute("set work_mem = '256MB'");
			s.execute("set maintenance_work_mem = '1GB'");
			s.execute("set temp_buffers = '512MB'");
			s.execute("set jit = off");
			try {
				s.execute("set session_replication_role = replica");
				out.println("session: synchronous_commit off, triggers and foreign key checks off for the load");
			}
			catch (SQLException e) {
				out.println("session: synchronous_commit off; triggers stay on (" + e.getMessage() + ")");
			}
		}
	}

	private static String psych(JdbcClient jdbc, int schoolNo) {
		return jdbc.sql("""
				select u.username from app_user u join post p on p.user_id = u.id and p.role = 'PSYCH_TEACHER'
				  join city_school cs on cs.id = p.school_id
				 where cs.no = :no order by u.username limit 1""").param("no", schoolNo).query(String.class).single();
	}

	/** Runs one step and prints its rows and seconds. */
	long step(String name, LongSupplierWithSql work) {
		long t = System.nanoTime();
		long rows;
		try {
			rows = work.getAsLong();
		}
		catch (SQLException e) {
			throw new IllegalStateException(name + ": " + e.getMessage(), e);
		}
		total += rows;
		out.printf("  %-34s %,14d rows %8.1f s  (total %.0f s)%n", name, rows, (System.nanoTime() - t) / 1e9,
				(System.nanoTime() - started) / 1e9);
		return rows;
	}

	/** A step's work: answers the rows it wrote. */
	interface LongSupplierWithSql {

		long getAsLong() throws SQLException;
	}
}
