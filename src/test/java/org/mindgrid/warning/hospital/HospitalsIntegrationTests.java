package org.mindgrid.warning.hospital;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8 point 6: the hospital directory, seeded with attachment 7, kept by the city, districts and schools. */
@IntegrationTest
class HospitalsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Hospitals hospitals;

	private Map<String, Object> input(String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("departments", "心理科");
		body.put("address", "海曙区测试路 1 号");
		body.put("phone", "0574-12345678");
		return body;
	}

	private static List<JsonNode> items(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		r.json().get("items").forEach(items::add);
		return items;
	}

	private static List<String> names(Api.Response r) {
		return items(r).stream().map(n -> n.get("name").asString()).toList();
	}

	@Test
	void theSeedsHospitalsAreListedCityWideWithTheGreenChannelFirstAndNoPersonalNames() {
		Api api = new Api(port);
		List<JsonNode> items = items(api.get("psych1", "/api/v1/hospitals"));
		assertThat(items.stream().map(n -> n.get("name").asString()).toList()).contains("宁波市康宁医院",
				"宁波大学附属第一医院", "宁波市第二医院", "宁波市医疗中心李惠利医院", "宁波市妇女儿童医院");
		JsonNode kangning = items.get(0);
		assertThat(kangning.get("name").asString()).isEqualTo("宁波市康宁医院");
		assertThat(kangning.get("greenChannel").asBoolean()).isTrue();
		assertThat(kangning.get("scope").asString()).isEqualTo("CITY");
		assertThat(kangning.get("departments").asString()).contains("心理门诊");
		assertThat(kangning.get("address").asString()).contains("庄俞南路1号");
		assertThat(kangning.get("phone").asString()).contains("0574-26251111");
		assertThat(items.stream().filter(n -> n.get("greenChannel").asBoolean()).count()).isEqualTo(1);
		JsonNode second = items.stream().filter(n -> n.get("name").asString().equals("宁波市第二医院")).findFirst()
			.orElseThrow();
		assertThat(second.get("departments").asString()).isEqualTo("临床心理科");
		assertThat(second.get("id").asLong()).isPositive();
		// the seed names the green channel's contact person: the directory keeps public facts only
		assertThat(api.get("psych1", "/api/v1/hospitals").body()).doesNotContain("李琼");
		assertThat(jdbc.sql("select count(*) from hospital where district_id is null and school_id is null and created_by is null")
			.query(Long.class).single()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void aSchoolsRowIsSeenByThatSchoolOnlyAndADistrictsRowByItsSchools() {
		Api api = new Api(port);
		String schoolName = "海曙区实验学校合作心理门诊" + System.nanoTime();
		var created = api.post("psych1", "/api/v1/hospitals", input(schoolName));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("scope").asString()).isEqualTo("SCHOOL");
		long schoolRow = created.json().get("id").asLong();
		assertThat(names(api.get("psych1", "/api/v1/hospitals"))).contains(schoolName);
		assertThat(names(api.get("head1", "/api/v1/hospitals"))).contains(schoolName);
		assertThat(names(api.get("psych2", "/api/v1/hospitals"))).doesNotContain(schoolName).contains("宁波市康宁医院");
		assertThat(names(api.get("district", "/api/v1/hospitals"))).doesNotContain(schoolName);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'HOSPITAL_CREATE' and resource = :r")
			.param("r", "hospital/" + schoolRow).query(Long.class).single()).isEqualTo(1);

		String districtName = "海曙区精神卫生中心" + System.nanoTime();
		var district = api.post("district", "/api/v1/hospitals", input(districtName));
		assertThat(district.status()).as(district.body()).isEqualTo(201);
		assertThat(district.json().get("scope").asString()).isEqualTo("DISTRICT");
		long districtRow = district.json().get("id").asLong();
		// 海曙区实验学校 lies in 海曙区, 江北区育才初级中学 does not
		assertThat(names(api.get("psych1", "/api/v1/hospitals"))).contains(districtName);
		assertThat(names(api.get("psych2", "/api/v1/hospitals"))).doesNotContain(districtName);
		assertThat(names(api.get("district", "/api/v1/hospitals"))).contains(districtName, "宁波市康宁医院");

		long school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		long school2 = jdbc.sql("select id from school where name = '江北区育才初级中学'").query(Long.class).single();
		assertThat(hospitals.find(schoolRow, school1)).isPresent();
		assertThat(hospitals.find(schoolRow, school2)).isEmpty();
		assertThat(hospitals.find(districtRow, school1)).isPresent();
		assertThat(hospitals.find(districtRow, school2)).isEmpty();
		long kangning = jdbc.sql("select id from hospital where name = '宁波市康宁医院' and green_channel").query(Long.class)
			.single();
		assertThat(hospitals.find(kangning, school2)).get().extracting(Hospital::greenChannel).isEqualTo(true);
		assertThat(hospitals.forSchool(school2)).extracting(Hospital::name).doesNotContain(schoolName, districtName);
	}

	@Test
	void badInputIsA400NamingTheFieldInBothLanguages() {
		Api api = new Api(port);
		Map<String, Object> noName = input("");
		var r = api.post("psych1", "/api/v1/hospitals", noName);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("errors").get("name").asString()).contains("医院名称");

		Map<String, Object> badPhone = input("某医院");
		badPhone.put("phone", "请找李医生");
		var en = api.post("psych1", "/api/v1/hospitals?lang=en", badPhone);
		assertThat(en.status()).isEqualTo(400);
		assertThat(en.json().get("errors").get("phone").asString()).contains("phone", "digits");

		Map<String, Object> noAddress = input("某医院");
		noAddress.remove("address");
		assertThat(api.post("psych1", "/api/v1/hospitals", noAddress).json().get("errors").has("address")).isTrue();

		Map<String, Object> longName = input("院".repeat(201));
		assertThat(api.post("psych1", "/api/v1/hospitals", longName).json().get("errors").has("name")).isTrue();
	}

	@Test
	void onlyThoseWhoKeepTheDirectoryMayAddAndStudentsSeeNothing() {
		Api api = new Api(port);
		var head = api.post("head1", "/api/v1/hospitals", input("班主任添加的医院"));
		assertThat(head.status()).isEqualTo(403);
		assertThat(head.json().get("code").asString()).isEqualTo("hospital.create-forbidden");
		assertThat(api.post("mentor1", "/api/v1/hospitals", input("导师添加的医院")).status()).isEqualTo(403);
		var student = api.post("committee1", "/api/v1/hospitals", input("学生添加的医院"));
		assertThat(student.status()).isEqualTo(403);
		assertThat(student.json().get("code").asString()).isEqualTo("problem.forbidden.student");
		assertThat(api.get("committee1", "/api/v1/hospitals").status()).isEqualTo(403);
		assertThat(api.get("admin", "/api/v1/hospitals").status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from hospital where name in ('班主任添加的医院', '导师添加的医院', '学生添加的医院')")
			.query(Long.class).single()).isZero();

		String name = "重复医院" + System.nanoTime();
		assertThat(api.post("principal1", "/api/v1/hospitals", input(name)).status()).isEqualTo(201);
		var again = api.post("psych1", "/api/v1/hospitals", input(" " + name + " "));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("hospital.duplicate");
		// another school may list the same hospital for itself
		assertThat(api.post("psych2", "/api/v1/hospitals", input(name)).status()).isEqualTo(201);
	}

	@Test
	void thePageListsTheDirectoryExplainsTheGreenChannelAndOffersTheFormToThoseWhoKeepIt() {
		PageClient psych = PageClient.login(port, "psych1");
		var page = psych.get("/hospitals");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("宁波市康宁医院", "心理门诊（诊疗）", "心理咨询", "可使用医保", "不能使用医保",
				"首选心理门诊", "id=\"hospital-form\"");
		var en = psych.get("/hospitals?lang=en");
		assertThat(en.body()).contains("Psychological clinic", "Counselling", "medical insurance", "Add a hospital");

		String name = "页面添加的医院" + System.nanoTime();
		var saved = psych.post("/hospitals?lang=zh_CN", Map.of("name", name, "address", "海曙区页面路 2 号", "phone",
				"0574-88888888", "greenChannel", "true", "idempotencyKey", "hospital-page-" + System.nanoTime()));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/hospitals");
		assertThat(psych.get("/hospitals").body()).contains(name);

		var invalid = psych.post("/hospitals", Map.of("name", "", "address", "", "phone", "abc", "idempotencyKey",
				"hospital-page-" + System.nanoTime()));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("请填写医院名称", "请填写医院地址", "联系电话只能包含数字");

		PageClient head = PageClient.login(port, "head1");
		var headPage = head.get("/hospitals");
		assertThat(headPage.status()).isEqualTo(200);
		assertThat(headPage.body()).contains("宁波市康宁医院").doesNotContain("id=\"hospital-form\"");
		assertThat(PageClient.login(port, "committee1").get("/hospitals").status()).isEqualTo(403);
	}
}
