package org.mindgrid.reporting.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three control classes (issue 12 point 5) on a city of its own: one district, school A with a suicide attempt
 * this year (suggested key control), school B with none; the city's officer assigns, the district's reads.
 */
@IntegrationTest
class ControlClassIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	long city;

	long district;

	long schoolA;

	long schoolB;

	String cityOfficer;

	String districtOfficer;

	@BeforeEach
	void fixture() {
		api = new Api(port);
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		city = id("insert into city (name) values ('管控市" + tag + "') returning id");
		district = id("insert into district (city_id, name) values (" + city + ", '管控区" + tag + "') returning id");
		schoolA = id("insert into school (district_id, name, stage, locale) values (" + district + ", '管控甲校" + tag + "', 'PRIMARY', 'RURAL') returning id");
		schoolB = id("insert into school (district_id, name, stage, locale) values (" + district + ", '管控乙校" + tag + "', 'PRIMARY', 'RURAL') returning id");
		cityOfficer = "kcity" + tag;
		long cityId = user(cityOfficer);
		jdbc.sql("insert into post (user_id, role, city_id) values (:u, 'CITY_OFFICER', :c)").param("u", cityId).param("c", city).update();
		districtOfficer = "kdistrict" + tag;
		jdbc.sql("insert into post (user_id, role, district_id) values (:u, 'DISTRICT_OFFICER', :d)")
			.param("u", user(districtOfficer)).param("d", district).update();
		Instant at = clock.instant().minus(Duration.ofDays(30));
		jdbc.sql("""
				insert into crisis_event (school_id, district_id, city_id, kind, occurred_at, raised_by, raised_at, report_due_at)
				values (:s, :d, :c, 'SUICIDE_ATTEMPT', :at, :u, :at, :due)""")
			.param("s", schoolA).param("d", district).param("c", city).param("at", Timestamp.from(at)).param("u", cityId)
			.param("due", Timestamp.from(at.plus(Duration.ofHours(1)))).update();
	}

	@Test
	void theRulesSuggestAndTheCityAssignsWithAReason() {
		Map<Long, JsonNode> schools = rows(api.get(districtOfficer, "/api/v1/control-classes?districtId=" + district));
		assertThat(schools.get(schoolA).get("suggested").get("controlClass").asString()).isEqualTo("KEY");
		assertThat(schools.get(schoolA).get("events").asLong()).isEqualTo(1);
		assertThat(schools.get(schoolB).get("suggested").get("controlClass").asString()).isNotEqualTo("KEY");
		assertThat(schools.get(schoolA).get("current").isNull()).isTrue();
		Map<Long, JsonNode> districts = rows(api.get(cityOfficer, "/api/v1/control-classes?cityId=" + city));
		assertThat(districts.get(district).get("suggested").get("controlClass").asString()).isEqualTo("KEY");

		Api.Response first = api.post(cityOfficer, "/api/v1/control-classes", Map.of("schoolId", schoolA,
				"controlClass", "WATCH", "reason", "先观察一个月"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Api.Response second = api.post(cityOfficer, "/api/v1/control-classes", Map.of("schoolId", schoolA,
				"controlClass", "KEY", "reason", "发生自杀未遂事件，列为重点管控"));
		assertThat(second.status()).isEqualTo(201);
		JsonNode now = rows(api.get(cityOfficer, "/api/v1/control-classes?districtId=" + district)).get(schoolA).get("current");
		assertThat(now.get("controlClass").asString()).isEqualTo("KEY");
		assertThat(now.get("reason").asString()).contains("自杀未遂");
		assertThat(jdbc.sql("select count(*) from control_class where school_id = :s").param("s", schoolA)
			.query(Long.class).single()).as("the history stays").isEqualTo(2);
		assertThat(api.post(cityOfficer, "/api/v1/control-classes", Map.of("districtId", district, "controlClass", "KEY",
				"reason", "辖区发生自杀未遂事件")).status()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'CONTROL_CLASS_ASSIGN' and resource in (:r)")
			.param("r", java.util.List.of("school/" + schoolA + "/control-class", "district/" + district + "/control-class"))
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void othersAreRefusedAndBadInputNamesTheField() {
		Map<String, Object> body = Map.of("schoolId", schoolA, "controlClass", "KEY", "reason", "理由");
		for (String other : new String[] { districtOfficer, "city", "district", "principal1", "admin" }) {
			assertThat(api.post(other, "/api/v1/control-classes", body).status()).as(other).isEqualTo(403);
		}
		assertThat(api.get("city", "/api/v1/control-classes?districtId=" + district).status()).isEqualTo(403);
		assertThat(api.get("district", "/api/v1/control-classes?districtId=" + district).status()).isEqualTo(403);
		assertThat(api.get(districtOfficer, "/api/v1/control-classes?cityId=" + city).status()).isEqualTo(403);
		assertThat(api.post(cityOfficer, "/api/v1/control-classes", Map.of("schoolId", 999_999_999L, "controlClass", "KEY",
				"reason", "x")).status()).isEqualTo(403);
		field(Map.of("schoolId", schoolA, "controlClass", "KEY", "reason", "  "), "reason");
		field(Map.of("schoolId", schoolA, "districtId", district, "controlClass", "KEY", "reason", "x"), "districtId");
		field(Map.of("schoolId", schoolA, "controlClass", "RED", "reason", "x"), "controlClass");
		Map<String, Object> nul = new HashMap<>(Map.of("schoolId", schoolA, "controlClass", "KEY", "reason", "含\u0000"));
		assertThat(api.post(cityOfficer, "/api/v1/control-classes", nul).status()).isEqualTo(400);
	}

	@Test
	void theCityPageShowsTheBoardAndTheFormKeepsWhatWasTyped() {
		PageClient page = PageClient.login(port, cityOfficer);
		PageClient.Page dashboard = page.get("/oversight/cities/" + city);
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("control-table", "管控区", "/control-classes/new?districtId=" + district);
		PageClient.Page form = page.get("/control-classes/new?schoolId=" + schoolA + "&controlClass=KEY");
		assertThat(form.status()).isEqualTo(200);
		PageClient.Page refused = page.post("/control-classes", Map.of("schoolId", Long.toString(schoolA),
				"controlClass", "KEY", "reason", ""));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("control-error", "理由");
		assertThat(refused.body()).containsPattern("value=\"KEY\"\\s+checked");
		PageClient.Page saved = page.post("/control-classes", Map.of("schoolId", Long.toString(schoolA),
				"controlClass", "KEY", "reason", "页面上确定的理由"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).contains("/oversight/districts/" + district);
		PageClient.Page district = PageClient.login(port, districtOfficer).get("/oversight/districts/" + this.district);
		assertThat(district.body()).contains("页面上确定的理由").doesNotContain("/control-classes/new?");
		assertThat(PageClient.login(port, districtOfficer).get("/control-classes/new?schoolId=" + schoolA).status())
			.isEqualTo(403);
	}

	private void field(Map<String, Object> body, String field) {
		Api.Response r = api.post(cityOfficer, "/api/v1/control-classes", body);
		assertThat(r.status()).as(body + " " + r.body()).isEqualTo(400);
		assertThat(r.json().path("errors").path(field).asString()).as(r.body()).isNotBlank();
	}

	private static Map<Long, JsonNode> rows(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Map<Long, JsonNode> map = new HashMap<>();
		r.json().get("items").forEach(i -> map.put(i.get("id").asLong(), i));
		return map;
	}

	private long user(String username) {
		return jdbc.sql("insert into app_user (username, display_name, password_hash) select :u, '管控测试', password_hash "
				+ "from app_user where username = 'head1' returning id").param("u", username).query(Long.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
