package org.mindgrid.reporting.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

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
 * The indicators on a district and school of their own whose values are known by hand: two classes of grade 5
 * (A: 3 students, 3 mentors, 2 lesson periods this month; B: 1 student, 1 mentor, 1 period), 3 of the 4 students
 * with a mentor, 1 with a talk, one full-time psychology teacher, one theme activity, no joint meeting. Then a
 * district's own threshold and target, access by role and place, the small-cell rule and bad input.
 */
@IntegrationTest
class IndicatorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IndicatorStore store;

	@Autowired
	Clock clock;

	Api api;

	long district;

	long school;

	long classA;

	long classB;

	String psych;

	String officer;

	YearMonth month;

	@BeforeEach
	void fixture() {
		api = new Api(port);
		month = YearMonth.now(clock);
		LocalDate today = LocalDate.now(clock);
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long city = jdbc.sql("select city_id from post p join app_user u on u.id = p.user_id where u.username = 'city'")
			.query(Long.class).single();
		district = id("insert into district (city_id, name) values (" + city + ", '指标区" + tag + "') returning id");
		school = id("insert into school (district_id, name, stage, ownership, locale) values (" + district + ", '指标学校" + tag
				+ "', 'PRIMARY', 'PRIVATE', 'RURAL') returning id");
		long grade = id("insert into grade (school_id, level, name) values (" + school + ", 5, '五年级') returning id");
		classA = id("insert into school_class (school_id, grade_id, name) values (" + school + ", " + grade + ", '甲班') returning id");
		classB = id("insert into school_class (school_id, grade_id, name) values (" + school + ", " + grade + ", '乙班') returning id");
		psych = "ipsych" + tag;
		long psychId = user(psych, "PSYCH_TEACHER", null, false);
		officer = "iofficer" + tag;
		long officerId = jdbc.sql("insert into app_user (username, display_name, password_hash) select :u, '区教育局', password_hash "
				+ "from app_user where username = 'head1' returning id").param("u", officer).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, district_id) values (:u, 'DISTRICT_OFFICER', :d)")
			.param("u", officerId).param("d", district).update();
		long[] mentorsA = { user("imentora1" + tag, "MENTOR", classA, false), user("imentora2" + tag, "MENTOR", classA, false),
				user("imentora3" + tag, "MENTOR", classA, false) };
		long mentorB = user("imentorb" + tag, "MENTOR", classB, false);
		long[] students = { student(classA, tag + "1"), student(classA, tag + "2"), student(classA, tag + "3"),
				student(classB, tag + "4") };
		assign(mentorsA[0], classA, students[0]);
		assign(mentorsA[1], classA, students[1]);
		assign(mentorB, classB, students[3]);
		lesson(classA, 2, today, psychId);
		lesson(classB, 1, today, psychId);
		jdbc.sql("""
				insert into talk (student_id, school_id, talk_date, place, topics, student_state, created_by, created_at)
				values (:st, :s, :d, '心理室', '学习', '平稳', :u, now())""")
			.param("st", students[0]).param("s", school).param("d", today).param("u", mentorsA[0]).update();
		jdbc.sql("insert into theme_activity (school_id, kind, title, held_on, recorded_by) values (:s, 'FESTIVAL_525', '5·25', :d, :u)")
			.param("s", school).param("d", today).param("u", psychId).update();
		store.refresh(district, month, null);
	}

	@Test
	void aSchoolsValuesAreTheCountsByHand() {
		Map<String, JsonNode> items = items(api.get(psych, "/api/v1/indicators?level=school&id=" + school + "&period=" + month));
		assertValue(items, "mentors_per_class", "50.0", "RED");
		assertValue(items, "psych_lessons", "50.0", "RED");
		assertValue(items, "students_with_mentor", "75.0", "RED");
		assertValue(items, "talks", "25.0", "RED");
		// 3 mentors with 1 student each, 1 with 1: nobody over 15
		assertValue(items, "students_per_mentor", "100.0", "GREEN");
		assertValue(items, "psych_fulltime_ratio", "100.0", "GREEN");
		assertValue(items, "psych_parttime_ratio", "0.0", "RED");
		assertValue(items, "theme_activities", "100.0", "GREEN");
		assertThat(items.get("crisis_report_on_time").get("status").asString()).isEqualTo("NONE");
		assertThat(items.get("crisis_report_on_time").get("value").isNull()).isTrue();
		assertThat(items).as("the district's own meetings are not a school's").doesNotContainKey("joint_meetings");
		assertThat(items.get("psych_lessons").get("name").asString()).isEqualTo("心理辅导课");
	}

	@Test
	void justUnderTheTargetIsAmberAndADistrictTunesThresholdAndTarget() {
		// 9 of 10 classes would be amber; here: the talks' target lowered to 30 % leaves 25 % amber (within 10 points)
		setting("talks", null, "30");
		setting("psych_lessons", "1", null);
		store.refresh(district, month, null);
		Map<String, JsonNode> items = items(api.get(psych, "/api/v1/indicators?level=school&id=" + school + "&period=" + month));
		assertValue(items, "talks", "25.0", "AMBER");
		assertThat(items.get("talks").get("target").decimalValue()).isEqualByComparingTo("30");
		assertValue(items, "psych_lessons", "100.0", "GREEN");
	}

	@Test
	void theDistrictLevelSumsItsSchoolsAndCountsItsOwnMeetings() {
		Map<String, JsonNode> items = items(api.get(officer, "/api/v1/indicators?level=district&id=" + district));
		assertValue(items, "mentors_per_class", "50.0", "RED");
		assertValue(items, "joint_meetings", "0.0", "RED");
		jdbc.sql("insert into joint_meeting (district_id, held_on, departments, minutes, recorded_by) "
				+ "values (:d, :on, '{EDUCATION,HEALTH}', '纪要', (select id from app_user where username = :u))")
			.param("d", district).param("on", LocalDate.now(clock)).param("u", officer).update();
		store.refresh(district, month, null);
		items = items(api.get(officer, "/api/v1/indicators?level=district&id=" + district));
		assertValue(items, "joint_meetings", "100.0", "GREEN");

		var table = api.get(officer, "/api/v1/districts/" + district + "/schools/indicators");
		assertThat(table.status()).isEqualTo(200);
		JsonNode row = table.json().get("items").get(0);
		assertThat(row.get("schoolId").asLong()).isEqualTo(school);
		assertThat(row.get("ownership").asString()).isEqualTo("PRIVATE");
		assertThat(row.get("locale").asString()).isEqualTo("RURAL");
		Map<String, JsonNode> cells = new HashMap<>();
		row.get("indicators").forEach(i -> cells.put(i.get("indicator").asString(), i));
		assertThat(cells.get("students_with_mentor").get("status").asString())
			.as("4 students: a bureau sees <5, not 75 %").isEqualTo("SUPPRESSED");
		assertThat(cells.get("students_with_mentor").get("value").isNull()).isTrue();
		assertValue(cells, "mentors_per_class", "50.0", "RED");
	}

	@Test
	void onlyTheSchoolsStaffAndItsBureauRead() {
		String path = "/api/v1/indicators?level=school&id=" + school;
		assertThat(api.get(psych, path).status()).isEqualTo(200);
		assertThat(api.get(officer, path).status()).isEqualTo(200);
		assertThat(api.get("city", path).status()).as("the city's officer").isEqualTo(200);
		assertThat(items(api.get("city", path)).get("talks").get("status").asString()).isEqualTo("SUPPRESSED");
		assertThat(api.get("psych1", path).status()).as("another school's psychology teacher").isEqualTo(403);
		assertThat(api.get("district", path).status()).as("another district's officer").isEqualTo(403);
		assertThat(api.get("mentor1", path).status()).isEqualTo(403);
		assertThat(api.get("district", "/api/v1/indicators?level=district&id=" + district).status()).isEqualTo(403);
		assertThat(api.get("district", "/api/v1/districts/" + district + "/schools/indicators").status()).isEqualTo(403);
		assertThat(api.get(officer, "/api/v1/indicators?level=city&id=1").status()).isEqualTo(403);
		assertThat(api.get("city", "/api/v1/indicators?level=district&id=" + district).status()).isEqualTo(200);
		assertThat(api.get(psych, "/api/v1/indicators?level=school&id=999999999").status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'INDICATORS_READ' and resource like :r")
			.param("r", "indicators/school/" + school + "/%").query(Long.class).single()).as("reads audited").isGreaterThanOrEqualTo(3);
	}

	@Test
	void badInputNamesTheField() {
		String base = "/api/v1/indicators?level=school&id=" + school;
		for (String period : new String[] { "2026-13", "26-11", "2026-11-01", "%00", "9999-01", "1999-12" }) {
			var r = api.get(psych, base + "&period=" + period);
			assertThat(r.status()).as(period).isEqualTo(400);
			assertThat(r.json().path("errors").path("period").asString()).as(period + " " + r.body()).isNotBlank();
		}
		var r = api.get(psych, "/api/v1/indicators?level=galaxy&id=" + school);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().path("errors").path("level").asString()).contains("school");
		r = api.get(psych, "/api/v1/indicators?level=school&id=abc");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().path("errors").has("id")).as(r.body()).isTrue();
		r = api.get(psych, "/api/v1/indicators?level=school");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().path("errors").has("id")).as(r.body()).isTrue();
	}

	private void setting(String indicator, String threshold, String target) {
		jdbc.sql("""
				insert into indicator_setting (indicator_id, district_id, threshold, target, updated_by, updated_at)
				values (:i, :d, cast(:th as numeric), cast(:ta as numeric), (select id from app_user where username = :u), now())
				on conflict (indicator_id, district_id) do update set threshold = excluded.threshold, target = excluded.target""")
			.param("i", indicator).param("d", district).param("th", threshold).param("ta", target).param("u", officer)
			.update();
	}

	private static Map<String, JsonNode> items(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Map<String, JsonNode> map = new HashMap<>();
		r.json().get("items").forEach(i -> map.put(i.get("indicator").asString(), i));
		return map;
	}

	private static void assertValue(Map<String, JsonNode> items, String indicator, String value, String status) {
		JsonNode item = items.get(indicator);
		assertThat(item).as(indicator).isNotNull();
		assertThat(item.get("value").decimalValue()).as(indicator).isEqualByComparingTo(value);
		assertThat(item.get("status").asString()).as(indicator).isEqualTo(status);
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long user(String username, String role, Long classId, boolean partTime) {
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) select :u, '指标测试', password_hash "
				+ "from app_user where username = 'head1' returning id").param("u", username).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id, class_id, part_time) values (:u, :r, :s, :c, :p)")
			.param("u", id).param("r", role).param("s", school).param("c", classId).param("p", partTime).update();
		return id;
	}

	private long student(long classId, String no) {
		return jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:s, :c, :no, '指标生', 'F', date '2015-03-04') returning id""")
			.param("s", school).param("c", classId).param("no", "I" + no).query(Long.class).single();
	}

	private void assign(long mentor, long classId, long student) {
		jdbc.sql("insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at) values (:c, :m, :s, now())")
			.param("c", classId).param("m", mentor).param("s", student).update();
	}

	private void lesson(long classId, int periods, LocalDate on, long teacher) {
		jdbc.sql("insert into psych_lesson (school_id, class_id, given_on, periods, topic, teacher_user_id, recorded_by) "
				+ "values (:s, :c, :d, :p, '情绪管理', :t, :t)")
			.param("s", school).param("c", classId).param("d", on).param("p", periods).param("t", teacher).update();
	}
}
