package org.mindgrid.reporting.export;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provincial export (issue 12 point 9) on a district of its own: two cases (one ended last year, outside the
 * range), one crisis event with a summary and place that must never leave; JSON and CSV, access and bad input.
 */
@IntegrationTest
class ProvincialExportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	long district;

	long school;

	long openCase;

	long event;

	String officer;

	String psych;

	String tag;

	@BeforeEach
	void fixture() {
		api = new Api(port);
		tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long city = jdbc.sql("select city_id from post p join app_user u on u.id = p.user_id where u.username = 'city'")
			.query(Long.class).single();
		district = id("insert into district (city_id, name) values (" + city + ", '导出区" + tag + "') returning id");
		school = id("insert into school (district_id, name, stage) values (" + district + ", '导出学校" + tag + "', 'JUNIOR') returning id");
		long grade = id("insert into grade (school_id, level, name) values (" + school + ", 8, '八年级') returning id");
		long klass = id("insert into school_class (school_id, grade_id, name) values (" + school + ", " + grade + ", '2班') returning id");
		officer = "xofficer" + tag;
		long officerId = user(officer);
		jdbc.sql("insert into post (user_id, role, district_id) values (:u, 'DISTRICT_OFFICER', :d)")
			.param("u", officerId).param("d", district).update();
		psych = "xpsych" + tag;
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, 'PSYCH_TEACHER', :s)")
			.param("u", user(psych)).param("s", school).update();
		Instant now = clock.instant();
		long st1 = student(klass, "导出生甲" + tag);
		long st2 = student(klass, "导出生乙" + tag);
		openCase = jdbc.sql("""
				insert into warning_case (student_id, school_id, state, category, in_database, opened_by, opened_at)
				values (:st, :s, 'WATCH', 2, true, :u, :at) returning id""")
			.param("st", st1).param("s", school).param("u", officerId).param("at", Timestamp.from(now.minus(Duration.ofDays(3))))
			.query(Long.class).single();
		jdbc.sql("""
				insert into warning_case (student_id, school_id, state, category, in_database, opened_by, opened_at, ended_at)
				values (:st, :s, 'CLOSED', 1, true, :u, :at, :end)""")
			.param("st", st2).param("s", school).param("u", officerId).param("at", Timestamp.from(now.minus(Duration.ofDays(500))))
			.param("end", Timestamp.from(now.minus(Duration.ofDays(400)))).update();
		event = jdbc.sql("""
				insert into crisis_event (school_id, district_id, city_id, student_id, kind, occurred_at, place, summary,
				                          student_hint, raised_by, raised_at, report_due_at, report_submitted_at, case_id)
				values (:s, :d, :c, :st, 'SELF_HARM', :at, '=HYPERLINK(1)宿舍', '秘密的经过', '提示', :u, :at, :due, :at, :case)
				returning id""")
			.param("s", school).param("d", district).param("c", city).param("st", st1)
			.param("at", Timestamp.from(now.minus(Duration.ofDays(2)))).param("due", Timestamp.from(now.minus(Duration.ofDays(2)).plus(Duration.ofHours(1))))
			.param("u", officerId).param("case", openCase).query(Long.class).single();
	}

	@Test
	void theRangesCasesAndEventsWithStableIdsAndNoNarratives() {
		LocalDate today = LocalDate.now(clock);
		String range = "&from=" + today.minusDays(30) + "&to=" + today;
		Api.Response r = api.get(officer, "/api/v1/exports/provincial?districtId=" + district + range);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode json = r.json();
		assertThat(json.get("cases")).hasSize(1);
		JsonNode c = json.get("cases").get(0);
		assertThat(c.get("caseId").asString()).isEqualTo("MG-C-" + openCase);
		assertThat(c.get("category").asInt()).isEqualTo(2);
		assertThat(c.get("gradeLevel").asInt()).isEqualTo(8);
		assertThat(json.get("crisisEvents")).hasSize(1);
		JsonNode e = json.get("crisisEvents").get(0);
		assertThat(e.get("eventId").asString()).isEqualTo("MG-E-" + event);
		assertThat(e.get("caseId").asString()).isEqualTo("MG-C-" + openCase);
		assertThat(e.get("reportStatus").asString()).isEqualTo("ON_TIME");
		assertThat(r.body()).doesNotContain("导出生", "秘密的经过", "宿舍", "提示");
		// the same ids in a later export
		assertThat(api.get(psych, "/api/v1/exports/provincial?schoolId=" + school + range).json().get("cases").get(0)
			.get("caseId").asString()).isEqualTo("MG-C-" + openCase);

		Api.Response csv = api.get(officer, "/api/v1/exports/provincial?districtId=" + district + range + "&format=csv&part=crisis-events");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFFeventId,schoolId,school,kind").contains("MG-E-" + event + ",")
			.doesNotContain("秘密的经过");
		assertThat(api.get(officer, "/api/v1/exports/provincial?districtId=" + district + range + "&format=csv").body())
			.contains("MG-C-" + openCase + "," + school + ",导出学校" + tag + ",");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'PROVINCIAL_EXPORT' and username in (:u, :p)")
			.param("u", officer).param("p", psych).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void othersAreRefusedAndBadInputNamesTheField() {
		LocalDate today = LocalDate.now(clock);
		String range = "&from=" + today.minusDays(30) + "&to=" + today;
		for (String other : new String[] { "district", "psych1", "mentor1", "head1", "committee1" }) {
			assertThat(api.get(other, "/api/v1/exports/provincial?schoolId=" + school + range).status()).as(other).isEqualTo(403);
		}
		assertThat(api.get("city", "/api/v1/exports/provincial?districtId=" + district + range).status()).isEqualTo(200);
		assertThat(api.get(psych, "/api/v1/exports/provincial?districtId=" + district + range).status()).isEqualTo(403);
		assertThat(api.get(officer, "/api/v1/exports/provincial?schoolId=999999999" + range).status()).isEqualTo(403);
		field("/api/v1/exports/provincial?districtId=" + district + "&schoolId=" + school + range, "schoolId");
		field("/api/v1/exports/provincial?districtId=" + district + "&from=" + today + "&to=" + today.minusDays(1), "to");
		field("/api/v1/exports/provincial?districtId=" + district + "&from=2001-01-01&to=" + today, "to");
		field("/api/v1/exports/provincial?districtId=" + district + "&from=1900-01-01&to=1900-02-01", "from");
		field("/api/v1/exports/provincial?districtId=" + district + range + "&format=xml", "format");
		field("/api/v1/exports/provincial?districtId=" + district + range + "&format=csv&part=all", "part");
		Api.Response r = api.get(officer, "/api/v1/exports/provincial?districtId=" + district + "&from=99999-01-01&to=" + today);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
	}

	private void field(String path, String field) {
		Api.Response r = api.get(officer, path);
		assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
		assertThat(r.json().path("errors").path(field).asString()).as(r.body()).isNotBlank();
	}

	private long student(long klass, String name) {
		return jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:s, :c, :no, :n, 'F', date '2012-05-06') returning id""")
			.param("s", school).param("c", klass).param("no", name).param("n", name).query(Long.class).single();
	}

	private long user(String username) {
		return jdbc.sql("insert into app_user (username, display_name, password_hash) select :u, '导出测试', password_hash "
				+ "from app_user where username = 'head1' returning id").param("u", username).query(Long.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
