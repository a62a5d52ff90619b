package org.mindgrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks in the build, not timed (issue 11 point 4): each simulation runs for a few seconds with a handful
 * of users against the test server, in a JVM of its own as the Gatling plugin runs it, and must end with no
 * failed request (its Gatling assertion) and with every step of its journeys sent; the raw SQL of each list must
 * return the endpoint's page, row for row. The journeys work in a school of their own (staff, 20 students, an
 * urgent report with its case) so that the demo data other tests count stays as it is.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatlingSmokeIntegrationTests {

	private static final Path RESULTS = Path.of("target/gatling-smoke");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	DataSource dataSource;

	private String psych;

	private String leader;

	private String head;

	private String mentor;

	@BeforeAll
	void school() {
		long school = jdbc.sql("""
				insert into school (district_id, name, stage) values ((select min(id) from district), :name, 'JUNIOR')
				returning id""").param("name", "压测学校G" + System.nanoTime() % 100_000_000).query(Long.class).single();
		long semester = jdbc.sql("""
				insert into semester (school_id, name, starts_on, ends_on, current)
				values (:s, '2026学年第一学期', current_date - 60, current_date + 60, true) returning id""")
			.param("s", school).query(Long.class).single();
		long grade = jdbc.sql("insert into grade (school_id, level, name) values (:s, 8, '八年级') returning id")
			.param("s", school).query(Long.class).single();
		long klass = jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, '1班') returning id")
			.param("s", school).param("g", grade).query(Long.class).single();
		jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				select :s, :c, 'GS' || :c || '-' || n, '压测' || n, 'F', date '2012-05-01' from generate_series(1, 20) n""")
			.param("s", school).param("c", klass).update();
		psych = user(school, null, "PSYCH_TEACHER");
		leader = user(school, null, "SCHOOL_LEADER", "SCHOOL_ADMIN");
		head = user(school, klass, "HEAD_TEACHER", "MENTOR");
		mentor = user(school, klass, "MENTOR");
		// half the class each, and each mentee's semester talk as a duty (what the mentor's journey starts from)
		jdbc.sql("""
				insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at)
				select s.class_id, u.id, s.id, now() from student s
				  join app_user u on u.username = case when s.id % 2 = 0 then :head else :mentor end
				 where s.class_id = :c""").param("head", head).param("mentor", mentor).param("c", klass).update();
		jdbc.sql("""
				insert into duty (kind, school_id, student_id, class_id, assignee_user_id, due_at, semester_id, created_at)
				select 'SEMESTER_TALK', :s, ma.student_id, ma.class_id, ma.mentor_user_id, now() + interval '30 days', :sem,
				       now() from mentor_assignment ma where ma.class_id = :c""")
			.param("s", school).param("sem", semester).param("c", klass).update();
		// an urgent sign: a report in the queue, a case in the list, notices in the inboxes
		long student = jdbc.sql("select min(id) from student where class_id = :c").param("c", klass)
			.query(Long.class).single();
		Api.Response obs = new Api(port).post(head, "/api/v1/observations", Map.of("studentId", student, "signs",
				List.of(1), "categories", List.of(), "crisisLevel", "NONE", "notes", "压测：情绪低落"));
		assertThat(obs.status()).as(obs.body()).isEqualTo(201);
	}

	private String user(long school, Long klass, String... roles) {
		String username = "gatling-" + roles[0].toLowerCase(java.util.Locale.ROOT).replace("_", "") + school;
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '压测', :h) returning id")
			.param("u", username).param("h", encoder.encode(Api.PASSWORD)).query(Long.class).single();
		for (String role : roles) {
			jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, :r, :s, :c)")
				.param("u", id).param("r", role).param("s", school).param("c", klass).update();
		}
		return username;
	}

	@Test
	void staffJourneysRunWithoutAFailedRequest() throws Exception {
		Path run = gatling("StaffJourneysSimulation", "-Dbench.mentors=" + head + "," + mentor, "-Dbench.psychs=" + psych,
				"-Dbench.leaders=" + leader, "-Dbench.users.psychs=2", "-Dbench.ramp=1", "-Dbench.duration=6",
				"-Dbench.think=0.2", "-Dbench.talk-share=1", "-Dbench.sign-share=0");
		assertThat(BenchReport.read(run)).containsKeys("mentor: my duties", "mentor: students",
				"mentor: student", "mentor: observation", "mentor: timeline", "mentor: talk", "psych: queue",
				"psych: report", "psych: cases", "psych: case", "psych: inbox", "leader: inbox", "leader: crisis events",
				"leader: students");
	}

	@Test
	void studentsAnswerTheScreeningWithoutAFailedRequest() throws Exception {
		Path run = gatling("ScreeningSimulation", "-Dbench.screening.students=8", "-Dbench.screening.psych=" + psych,
				"-Dbench.screening.admin=" + leader, "-Dbench.screening.think=0.02", "-Dbench.screening.ramp=1");
		var lines = BenchReport.read(run);
		assertThat(lines).containsKeys("student: open session", "student: save answer", "student: submit");
		// PHQ-9 and GAD-7: 16 items a student
		assertThat(lines.get("student: save answer").count()).isEqualTo(8 * 16);
	}

	@Test
	void listStressRunsAndTimesTheListsOwnSql() throws Exception {
		Path run = gatling("ListStressSimulation", "-Dbench.stress.endpoints=students,students-p100,queue,cases,duties,notifications",
				"-Dbench.stress.concurrency=1,4", "-Dbench.stress.seconds=1", "-Dbench.stress.user=" + psych,
				"-Dbench.stress.user.duties=" + mentor, "-Dbench.sql.seconds=0.3");
		var lines = BenchReport.read(run);
		List<RawSql.Figures> sql = RawSql.read(RESULTS.resolve("raw-sql.tsv"));
		for (Endpoint e : Endpoint.values()) {
			assertThat(lines).containsKeys(e.key() + " c=1", e.key() + " c=4");
			assertThat(sql).filteredOn(f -> f.endpoint().equals(e.key())).hasSize(2).allMatch(f -> f.count() > 0);
		}
		assertThat(BenchReport.stress(lines, sql, 1)).contains("| students | 4 |");
	}

	/** The raw SQL is the endpoint's: the same rows in the same order for the same caller. */
	@Test
	void eachListsRawSqlReturnsTheEndpointsPage() {
		BenchClient client = new BenchClient("http://localhost:" + port);
		RawSql sql = raw();
		for (String username : List.of(psych, leader, head, mentor, "psych1", "mentor1", "principal1")) {
			String token = client.token(username, Api.PASSWORD);
			CurrentUser caller = client.me(token);
			for (Endpoint e : Endpoint.values()) {
				List<Long> api = new ArrayList<>();
				JsonNode page = client.get(token, e.path());
				page.get("items").forEach(item -> api.add(item.get("id").asLong()));
				List<Long> raw = sql.pageIds(ListSql.of(e, caller, e.page(), Endpoint.SIZE, Instant.now()));
				assertThat(raw).as(e.key() + " of " + username).isEqualTo(api);
			}
		}
	}

	private RawSql raw() {
		HikariDataSource pool = (HikariDataSource) dataSource;
		return new RawSql(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword() == null ? "" : pool.getPassword());
	}

	/** Runs one simulation in a JVM of its own; fails with its output unless Gatling exits 0. The run's folder. */
	private Path gatling(String simulation, String... properties) throws IOException, InterruptedException {
		HikariDataSource pool = (HikariDataSource) dataSource;
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
				// as the plugin starts Gatling: its log writer reads strings' bytes directly
				"--add-opens=java.base/java.lang=ALL-UNNAMED",
				"-Dlogback.configurationFile=" + Path.of("src/test/resources/gatling-logback.xml").toAbsolutePath(),
				"-Dbench.base=http://localhost:" + port, "-Dbench.out=" + RESULTS,
				"-Dbench.jdbc.url=" + pool.getJdbcUrl(), "-Dbench.jdbc.user=" + pool.getUsername(),
				"-Dbench.jdbc.password=" + (pool.getPassword() == null ? "" : pool.getPassword())));
		command.addAll(List.of(properties));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling", "-s",
				"org.mindgrid.bench." + simulation, "-rf", RESULTS.toString(), "-rd", "smoke"));
		Files.createDirectories(RESULTS);
		Path log = RESULTS.resolve(simulation + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean ended = process.waitFor(5, TimeUnit.MINUTES);
		if (!ended) {
			process.destroyForcibly();
		}
		String output = Files.readString(log);
		System.out.println(output);
		assertThat(ended && process.exitValue() == 0).as(simulation + " failed:\n" + tail(output)).isTrue();
		return BenchReport.latest(RESULTS, simulation);
	}

	private static String tail(String output) {
		String[] lines = output.split("\n");
		return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 80), lines.length));
	}
}
