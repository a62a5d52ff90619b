package org.mindgrid.reporting.period;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Periods of high risk on a district of their own: the officer announces, bad dates name the field, readers are the
 * district's own and the city's, and the start reminds the district's head teachers and mentors exactly once.
 */
@IntegrationTest
class HighRiskPeriodIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HighRiskPeriods periods;

	@Autowired
	Clock clock;

	Api api;

	long district;

	String officer;

	String mentor;

	String head;

	String staff;

	LocalDate today;

	@BeforeEach
	void fixture() {
		api = new Api(port);
		today = LocalDate.now(clock);
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long city = jdbc.sql("select city_id from post p join app_user u on u.id = p.user_id where u.username = 'city'")
			.query(Long.class).single();
		district = id("insert into district (city_id, name) values (" + city + ", '时段区" + tag + "') returning id");
		long school = id("insert into school (district_id, name, stage, ownership, locale) values (" + district
				+ ", '时段学校" + tag + "', 'JUNIOR', 'PUBLIC', 'URBAN') returning id");
		long grade = id("insert into grade (school_id, level, name) values (" + school + ", 7, '七年级') returning id");
		long klass = id("insert into school_class (school_id, grade_id, name) values (" + school + ", " + grade + ", '一班') returning id");
		officer = "pofficer" + tag;
		long officerId = user(officer);
		jdbc.sql("insert into post (user_id, role, district_id) values (:u, 'DISTRICT_OFFICER', :d)")
			.param("u", officerId).param("d", district).update();
		mentor = "pmentor" + tag;
		post(user(mentor), "MENTOR", school, klass);
		head = "phead" + tag;
		post(user(head), "HEAD_TEACHER", school, klass);
		staff = "pstaff" + tag;
		post(user(staff), "SUBJECT_TEACHER", school, klass);
	}

	@Test
	void theOfficerAnnouncesAndTheDistrictsStaffAndTheCityRead() {
		Api.Response created = api.post(officer, "/api/v1/high-risk-periods", body(today, today.plusDays(6)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("current").asBoolean()).isTrue();
		assertThat(created.json().get("kind").asString()).isEqualTo("EXAM");

		for (String reader : new String[] { officer, staff, mentor, "city" }) {
			Api.Response list = api.get(reader, "/api/v1/high-risk-periods?districtId=" + district);
			assertThat(list.status()).as(reader).isEqualTo(200);
			assertThat(list.json().get("items").get(0).get("id").asLong()).isEqualTo(id);
			assertThat(api.get(reader, "/api/v1/high-risk-periods/" + id).status()).as(reader).isEqualTo(200);
		}
		// the demo district's officer and school staff belong to another district
		for (String outsider : new String[] { "district", "psych1", "head1" }) {
			assertThat(api.get(outsider, "/api/v1/high-risk-periods?districtId=" + district).status()).as(outsider).isEqualTo(403);
			assertThat(api.get(outsider, "/api/v1/high-risk-periods/" + id).status()).as(outsider).isEqualTo(403);
		}
		assertThat(api.get(officer, "/api/v1/high-risk-periods/999999999").status()).isEqualTo(404);
	}

	@Test
	void onlyTheDistrictsOfficerAnnounces() {
		for (String other : new String[] { "district", "city", "principal1", mentor }) {
			assertThat(api.post(other, "/api/v1/high-risk-periods", body(today, today.plusDays(3))).status()).as(other)
				.isEqualTo(403);
		}
		assertThat(jdbc.sql("select count(*) from high_risk_period where district_id = :d").param("d", district)
			.query(Long.class).single()).isZero();
	}

	@Test
	void badDatesNameTheField() {
		assertField(api.post(officer, "/api/v1/high-risk-periods", body(today.plusDays(5), today.plusDays(1))), "endsOn");
		assertField(api.post(officer, "/api/v1/high-risk-periods", body(today, today.plusDays(200))), "endsOn");
		assertField(api.post(officer, "/api/v1/high-risk-periods", body(today.minusDays(9), today.minusDays(2))), "endsOn");
		Map<String, Object> noKind = new java.util.HashMap<>(body(today, today.plusDays(1)));
		noKind.put("kind", "PANIC");
		assertThat(api.post(officer, "/api/v1/high-risk-periods", noKind).status()).isEqualTo(400);
		Map<String, Object> absurd = new java.util.HashMap<>(body(today, today.plusDays(1)));
		absurd.put("startsOn", "99999-01-01");
		assertThat(api.post(officer, "/api/v1/high-risk-periods", absurd).status()).isEqualTo(400);
		Map<String, Object> nul = new java.util.HashMap<>(body(today, today.plusDays(1)));
		nul.put("title", "期中\u0000考试");
		assertThat(api.post(officer, "/api/v1/high-risk-periods", nul).status()).isEqualTo(400);
	}

	@Test
	void theStartRemindsHeadTeachersAndMentorsOnce() {
		api.post(officer, "/api/v1/high-risk-periods", body(today.plusDays(3), today.plusDays(5)));
		periods.remindStarted();
		assertThat(notices(mentor)).as("not started yet").isZero();

		long started = api.post(officer, "/api/v1/high-risk-periods", body(today, today.plusDays(5))).json().get("id").asLong();
		periods.remindStarted();
		periods.remindStarted();
		assertThat(notices(mentor)).isEqualTo(1);
		assertThat(notices(head)).isEqualTo(1);
		assertThat(notices(staff)).as("other staff are not reminded").isZero();
		assertThat(jdbc.sql("select link from notification n join app_user u on u.id = n.user_id where u.username = :u")
			.param("u", mentor).query(String.class).single()).isEqualTo("/high-risk-periods/" + started);
		assertThat(periods.current(district)).extracting(HighRiskPeriods.Period::id).containsExactly(started);
	}

	@Test
	void thePageFormKeepsWhatWasTypedAndSaysWhyTheDaysAreRefused() {
		PageClient page = PageClient.login(port, officer);
		page.get("/high-risk-periods");
		Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("kind", "EXAM", "title", "期末考试周",
				"startsOn", today.plusDays(5).toString(), "endsOn", today.plusDays(1).toString(), "message", "请关注预警库学生"));
		PageClient.Page refused = page.post("/high-risk-periods", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("结束日期").doesNotContain("period.problem").contains("value=\"期末考试周\"");
		form.put("endsOn", today.plusDays(200).toString());
		assertThat(page.post("/high-risk-periods", form).body()).contains("92");
		form.put("endsOn", today.plusDays(6).toString());
		PageClient.Page saved = page.post("/high-risk-periods", form);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).contains("/high-risk-periods/");
	}

	private void assertField(Api.Response r, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.json().path("errors").has(field)).as(r.body()).isTrue();
	}

	private long notices(String username) {
		return jdbc.sql("select count(*) from notification n join app_user u on u.id = n.user_id "
				+ "where u.username = :u and n.kind = 'HIGH_RISK_PERIOD'").param("u", username).query(Long.class).single();
	}

	private Map<String, Object> body(LocalDate from, LocalDate to) {
		return Map.of("districtId", district, "kind", "EXAM", "title", "期中考试周", "startsOn", from.toString(),
				"endsOn", to.toString(), "message", "请加强家校沟通，关注预警库学生");
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long user(String username) {
		return jdbc.sql("insert into app_user (username, display_name, password_hash) select :u, '时段测试', password_hash "
				+ "from app_user where username = 'head1' returning id").param("u", username).query(Long.class).single();
	}

	private void post(long user, String role, long school, Long klass) {
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, :r, :s, :c)")
			.param("u", user).param("r", role).param("s", school).param("c", klass).update();
	}
}
