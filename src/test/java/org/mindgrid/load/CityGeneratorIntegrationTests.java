package org.mindgrid.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.MindGridApplication;
import org.mindgrid.support.Api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code generate} as the jar runs it, into a data directory of its own (never the shared test database): a small
 * city (5 schools, 3,000 students, 30,000 records), its tables in the budget's proportions, the grid's rules, an
 * intact audit chain, the printed psychology teachers logging in and listing their school's students, and a second
 * run refused.
 */
class CityGeneratorIntegrationTests {

	record Result(int exit, String out, String err) {
	}

	static final long RECORDS = 30_000;

	Path root;

	@AfterEach
	void removeDataDirectory() throws IOException {
		if (root != null) {
			FileSystemUtils.deleteRecursively(root);
		}
	}

	Result command(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String[] all = java.util.Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--mindgrid.data-dir=" + root.toAbsolutePath();
		all[args.length + 1] = "--lang=en";
		int exit = MindGridApplication.command(all, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void aSmallCityInItsProportionsWhoseTeachersLogIn() throws Exception {
		root = Files.createDirectories(Path.of("target", "city-generator-it")).resolve("run-" + System.nanoTime());
		Result made = command("generate", "--schools", "5", "--students", "3000", "--records", String.valueOf(RECORDS));
		System.out.println(made.out());
		assertThat(made.exit()).as(made.out() + made.err()).isZero();
		Matcher largest = Pattern.compile("largest school: (psych-\\d+) \\(([\\d,]+) students\\)").matcher(made.out());
		Matcher smallest = Pattern.compile("smallest school: (psych-\\d+) \\(([\\d,]+) students\\)").matcher(made.out());
		assertThat(largest.find()).as(made.out()).isTrue();
		assertThat(smallest.find()).as(made.out()).isTrue();
		assertThat(largest.group(1)).isEqualTo("psych-0001");

		Result verified = command("audit-verify");
		assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
		assertThat(verified.out()).contains("intact");

		try (ConfigurableApplicationContext app = SpringApplication.run(MindGridApplication.class, "--server.port=0",
				"--mindgrid.data-dir=" + root.toAbsolutePath(), "--mindgrid.two-factor.required=false")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Map<String, Long> counts = counts(jdbc);
			System.out.println(counts);
			assertThat(counts.get("student")).isEqualTo(3000);
			assertThat(counts.get("school")).isEqualTo(5);
			assertThat(jdbc.sql("select count(distinct stage) from school").query(Long.class).single()).isEqualTo(5);
			// the budget's shares (drawn per student around a mean, so roughly)
			assertThat(share(counts, "observation")).isCloseTo(0.24, within(0.04));
			assertThat(counts.get("audit_event")).isBetween((long) (RECORDS * 0.38), (long) (RECORDS * 0.38) + 5);
			assertThat(share(counts, "talk")).isCloseTo(0.10, within(0.03));
			assertThat(share(counts, "notification")).isCloseTo(0.10, within(0.03));
			assertThat(share(counts, "warning_report")).isCloseTo(0.006, within(0.003));
			assertThat((double) counts.get("warning_case") / counts.get("warning_report")).isCloseTo(0.1, within(0.06));
			assertThat(counts.get("warning_report_source")).isEqualTo(counts.get("warning_report"));
			// duties: a talk per student and a visit per mentor at least, whatever the budget
			assertThat(counts.get("duty")).isGreaterThan(3000);

			// the grid: every student has a mentor of their class, ≥ 3 mentors per class, ≤ 15 students each
			assertThat(jdbc.sql("""
					select count(*) from student s where not exists (select 1 from mentor_assignment ma
					 join post p on p.user_id = ma.mentor_user_id and p.role = 'MENTOR' and p.class_id = s.class_id
					 where ma.student_id = s.id and ma.class_id = s.class_id)""").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("""
					select min(n) from (select c.id, count(p.id) as n from school_class c
					  left join post p on p.class_id = c.id and p.role = 'MENTOR' group by c.id) x""")
				.query(Long.class).single()).isGreaterThanOrEqualTo(3);
			assertThat(jdbc.sql("select max(n) from (select count(*) as n from mentor_assignment group by mentor_user_id) x")
				.query(Long.class).single()).isLessThanOrEqualTo(15);
			assertThat(jdbc.sql("""
					select count(*) from school_class c where (select count(*) from post p
					 where p.class_id = c.id and p.role = 'HEAD_TEACHER') <> 1""").query(Long.class).single()).isZero();
			// a psychology teacher per 1,000 students, at least one
			assertThat(jdbc.sql("""
					select count(*) from school s where (select count(*) from post p where p.school_id = s.id
					 and p.role = 'PSYCH_TEACHER') < greatest(1, (select count(*) from student t where t.school_id = s.id) / 1000)""")
				.query(Long.class).single()).isZero();
			// skew: the classes with the most reports (a tenth of them) hold a large part of the reports
			assertThat(jdbc.sql("""
					select sum(n)::float / (select count(*) from warning_report) from (select count(*) as n
					  from warning_report w join student s on s.id = w.student_id group by s.class_id
					 order by n desc limit (select count(*) / 10 from school_class)) x""").query(Double.class).single())
				.isGreaterThan(0.3);
			// records of the current semester, never in the future
			assertThat(jdbc.sql("select count(*) from observation where created_at > now() or observed_on < date '2026-09-01'")
				.query(Long.class).single()).isZero();

			// the printed teachers log in with the demo's password and see their school's students
			String hash = jdbc.sql("select password_hash from app_user where username = :u").param("u", largest.group(1))
				.query(String.class).single();
			assertThat(app.getBean(PasswordEncoder.class).matches(Api.PASSWORD, hash)).isTrue();
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			for (Matcher m : new Matcher[] { largest, smallest }) {
				Api.Response list = api.get(m.group(1), "/api/v1/students?size=20");
				assertThat(list.status()).as(list.body()).isEqualTo(200);
				assertThat(list.json().get("total").asLong()).isEqualTo(Long.parseLong(m.group(2).replace(",", "")));
				assertThat(list.json().get("items").size()).isEqualTo(20);
			}
			Api.Response duties = api.get(largest.group(1), "/api/v1/duties?mine=true");
			assertThat(duties.status()).as(duties.body()).isEqualTo(200);
			Api.Response inbox = api.get(largest.group(1), "/api/v1/notifications");
			assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
			Api.Response queue = api.get(largest.group(1), "/api/v1/warning-reports");
			assertThat(queue.status()).as(queue.body()).isEqualTo(200);
		}

		Result again = command("generate", "--schools", "5", "--students", "3000", "--records", "30000");
		assertThat(again.exit()).isEqualTo(3);
		assertThat(again.err()).contains("already has students");
	}

	private static double share(Map<String, Long> counts, String table) {
		return (double) counts.get(table) / RECORDS;
	}

	private static Map<String, Long> counts(JdbcClient jdbc) {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : new String[] { "school", "school_class", "student", "app_user", "post", "mentor_assignment",
				"observation", "audit_event", "talk", "home_visit", "home_school_contact", "duty", "notification",
				"warning_report", "warning_report_source", "warning_case" }) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}
}
