package org.mindgrid.reporting.inspection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The monthly inspection (issue 12 point 4) on a district of its own with three schools, its officer, school A's
 * leader and psychology teacher, and school B's leader: sampling by name and at random with the values kept, every
 * step by its actor, what each reader sees, refusals, bad input, the PDF of the published results and the pages.
 */
@IntegrationTest
class InspectionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	long district;

	long schoolA;

	long schoolB;

	long schoolC;

	String officer;

	String leaderA;

	String psychA;

	String leaderB;

	String month;

	String tag;

	@BeforeEach
	void fixture() {
		api = new Api(port);
		month = YearMonth.now(clock).toString();
		tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long city = jdbc.sql("select city_id from post p join app_user u on u.id = p.user_id where u.username = 'city'")
			.query(Long.class).single();
		district = id("insert into district (city_id, name) values (" + city + ", '抽查区" + tag + "') returning id");
		schoolA = school("抽查甲校" + tag);
		schoolB = school("抽查乙校" + tag);
		schoolC = school("抽查丙校" + tag);
		long grade = id("insert into grade (school_id, level, name) values (" + schoolA + ", 5, '五年级') returning id");
		id("insert into school_class (school_id, grade_id, name) values (" + schoolA + ", " + grade + ", '1班') returning id");
		officer = "qofficer" + tag;
		post(user(officer), "DISTRICT_OFFICER", null);
		leaderA = "qleadera" + tag;
		post(user(leaderA), "SCHOOL_LEADER", schoolA);
		psychA = "qpsycha" + tag;
		post(user(psychA), "PSYCH_TEACHER", schoolA);
		leaderB = "qleaderb" + tag;
		post(user(leaderB), "SCHOOL_LEADER", schoolB);
	}

	@Test
	void anInspectionRunsFromSampleToPublishedResults() throws Exception {
		Api.Response created = api.post(officer, "/api/v1/inspections", Map.of("districtId", district, "period", month,
				"schoolIds", List.of(schoolA, schoolB), "indicators", List.of("psych_lessons", "mentors_per_class")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode inspection = created.json();
		long id = inspection.get("id").asLong();
		assertThat(inspection.get("state").asString()).isEqualTo("DRAFT");
		assertThat(inspection.get("items")).hasSize(4);
		// the values kept are those the indicator API gives for the school and month
		JsonNode live = api.get(officer, "/api/v1/indicators?level=school&id=" + schoolA + "&period=" + month).json();
		Map<String, String> liveStatus = new HashMap<>();
		live.get("items").forEach(i -> liveStatus.put(i.get("indicator").asString(), i.get("status").asString()));
		for (JsonNode item : inspection.get("items")) {
			if (item.get("schoolId").asLong() == schoolA) {
				assertThat(item.get("status").asString()).isEqualTo(liveStatus.get(item.get("indicator").asString()));
			}
		}
		// a draft is the officer's alone
		assertThat(api.get(leaderA, "/api/v1/inspections/" + id).status()).isEqualTo(404);
		assertThat(api.get("city", "/api/v1/inspections/" + id).status()).isEqualTo(404);
		assertThat(api.get("district", "/api/v1/inspections/" + id).status()).isEqualTo(404);

		int version = inspection.get("version").asInt();
		Api.Response started = api.post(officer, "/api/v1/inspections/" + id + "/start", Map.of("version", version));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		assertThat(started.json().get("state").asString()).isEqualTo("IN_PROGRESS");
		assertThat(api.post(officer, "/api/v1/inspections/" + id + "/start", Map.of("version", version + 1)).status())
			.as("started once").isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from notification n join app_user u on u.id = n.user_id where u.username = :u and n.kind = 'INSPECTION'")
			.param("u", leaderA).query(Long.class).single()).isEqualTo(1);

		JsonNode seenByA = api.get(leaderA, "/api/v1/inspections/" + id).json();
		assertThat(seenByA.get("items")).hasSize(2).allSatisfy(i -> assertThat(i.get("schoolId").asLong()).isEqualTo(schoolA));
		assertThat(seenByA.get("officer").asBoolean()).isFalse();
		assertThat(api.get(psychA, "/api/v1/inspections").json().get("items").toString()).contains("\"id\":" + id + ",");
		assertThat(api.get("city", "/api/v1/inspections/" + id).json().get("items")).hasSize(4);

		List<Long> itemsA = new ArrayList<>();
		seenByA.get("items").forEach(i -> itemsA.add(i.get("id").asLong()));
		long lessons = itemsA.get(0);
		String item = "/api/v1/inspections/" + id + "/items/" + lessons;
		// steps out of turn or by the wrong actor
		assertThat(api.post(leaderA, item + "/answer", Map.of("text", "已整改")).status()).as("nothing to answer yet").isEqualTo(409);
		assertThat(api.post(leaderA, item + "/finding", Map.of("verdict", "MET", "text", "x")).status()).isEqualTo(403);
		assertThat(api.post(leaderB, item + "/answer", Map.of("text", "x")).status()).as("another school").isEqualTo(404);

		Api.Response finding = api.post(officer, item + "/finding", Map.of("verdict", "NOT_MET", "text", "两个班本月只上了 1 课时"));
		assertThat(finding.status()).as(finding.body()).isEqualTo(200);
		assertThat(api.post(officer, "/api/v1/inspections/" + id + "/publish", Map.of("version", version + 1)).status())
			.as("items without a finding").isEqualTo(409);
		String due = LocalDate.now(clock).plusDays(14).toString();
		assertThat(api.post(officer, item + "/correction", Map.of("text", "本月内补足课时", "dueOn", due)).status()).isEqualTo(200);
		assertThat(api.post(psychA, item + "/answer", Map.of("text", "已排课补足")).status()).isEqualTo(200);
		assertThat(api.post(officer, item + "/reopen", Map.of("text", "请附课表", "dueOn", due)).status()).isEqualTo(200);
		assertThat(api.post(leaderA, item + "/answer", Map.of("text", "课表已上传")).status()).isEqualTo(200);
		Api.Response accepted = api.post(officer, item + "/accept", null);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		JsonNode closed = itemOf(accepted.json(), lessons);
		assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("events")).hasSize(6);
		assertThat(closed.get("events").get(2).get("note").asString()).as("the first answer is kept").isEqualTo("已排课补足");

		JsonNode all = api.get(officer, "/api/v1/inspections/" + id).json();
		for (JsonNode i : all.get("items")) {
			if (i.get("id").asLong() != lessons) {
				String path = "/api/v1/inspections/" + id + "/items/" + i.get("id").asLong();
				assertThat(api.post(officer, path + "/finding", Map.of("verdict", "MET", "text", "符合要求")).status()).isEqualTo(200);
				assertThat(api.post(officer, path + "/close", null).status()).isEqualTo(200);
			}
		}
		assertThat(api.get(officer, "/api/v1/inspections/" + id + "/results.pdf").status()).as("not yet published").isEqualTo(409);
		Api.Response published = api.post(officer, "/api/v1/inspections/" + id + "/publish", Map.of("version", all.get("version").asInt()));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("state").asString()).isEqualTo("PUBLISHED");
		String anyItem = "/api/v1/inspections/" + id + "/items/" + itemsA.get(1);
		assertThat(api.post(officer, anyItem + "/finding", Map.of("verdict", "NOT_MET", "text", "改")).status())
			.as("a published finding stays").isEqualTo(409);

		byte[] pdf = bytes(leaderA, "/api/v1/inspections/" + id + "/results.pdf");
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("抽查甲校" + tag, "两个班本月只上了 1 课时", "课表已上传").doesNotContain("抽查乙校" + tag);
		}
		assertThat(jdbc.sql("select count(*) from audit_event where resource = :r and action = 'INSPECTION_PDF'")
			.param("r", "inspection/" + id + "/results.pdf").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where resource like :r and action like 'INSPECTION_ITEM_%'")
			.param("r", "inspection/" + id + "/items/%").query(Long.class).single()).isEqualTo(12);
	}

	/** The demo samples last month after its records are committed: the kept value is the month's real one. */
	@Test
	void theDemosInspectionKeptTheValuesOfItsRecords() {
		long school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		var kept = jdbc.sql("""
				select i.period, x.value from inspection i join inspection_item x on x.inspection_id = i.id
				 where i.id = (select min(id) from inspection) and x.school_id = :s and x.indicator_id = 'psych_lessons'""")
			.param("s", school1).query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).single();
		assertThat(kept.getValue()).as("lessons were given last month").isNotNull().isPositive();
		JsonNode live = api.get("principal1", "/api/v1/indicators?level=school&id=" + school1 + "&period=" + kept.getKey()).json();
		live.get("items").forEach(i -> {
			if (i.get("indicator").asString().equals("psych_lessons")) {
				assertThat(i.get("value").decimalValue()).isEqualByComparingTo(kept.getValue());
			}
		});
	}

	@Test
	void theSystemPicksAtRandomWithinTheDistrict() {
		Api.Response r = api.post(officer, "/api/v1/inspections", Map.of("districtId", district, "period", month,
				"randomSchools", 2, "randomIndicators", 3));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("sampledRandomly").asBoolean()).isTrue();
		assertThat(r.json().get("items")).hasSize(6);
		List<Long> ours = List.of(schoolA, schoolB, schoolC);
		r.json().get("items").forEach(i -> assertThat(ours).contains(i.get("schoolId").asLong()));
		long id = r.json().get("id").asLong();
		long dropped = r.json().get("items").get(0).get("schoolId").asLong();
		Api.Response after = api.delete(officer, "/api/v1/inspections/" + id + "/schools/" + dropped);
		assertThat(after.status()).as(after.body()).isEqualTo(200);
		assertThat(after.json().get("items")).hasSize(3);
	}

	@Test
	void othersAreRefusedAndBadInputNamesTheField() {
		Map<String, Object> good = Map.of("districtId", district, "period", month, "schoolIds", List.of(schoolA),
				"indicators", List.of("talks"));
		for (String other : new String[] { leaderA, psychA, "district", "city", "admin", "principal1" }) {
			assertThat(api.post(other, "/api/v1/inspections", good).status()).as(other).isEqualTo(403);
		}
		long foreignSchool = jdbc.sql("select id from school where district_id <> :d order by id limit 1").param("d", district)
			.query(Long.class).single();
		assertField(Map.of("districtId", district, "period", month, "schoolIds", List.of(foreignSchool), "indicators",
				List.of("talks")), "schoolIds");
		assertField(Map.of("districtId", district, "period", month, "schoolIds", List.of(999_999_999L), "indicators",
				List.of("talks")), "schoolIds");
		assertField(Map.of("districtId", district, "period", month, "schoolIds", List.of(schoolA), "indicators",
				List.of("no_such_rule")), "indicators");
		assertField(Map.of("districtId", district, "period", "2026-13", "schoolIds", List.of(schoolA), "indicators",
				List.of("talks")), "period");
		assertField(Map.of("districtId", district, "period", YearMonth.now(clock).plusMonths(2).toString(), "schoolIds",
				List.of(schoolA), "indicators", List.of("talks")), "period");
		assertField(Map.of("districtId", district, "period", month, "schoolIds", List.of(schoolA), "randomSchools", 1,
				"indicators", List.of("talks")), "randomSchools");
		assertField(Map.of("districtId", district, "period", month, "randomSchools", 99, "indicators", List.of("talks")),
				"randomSchools");
		assertField(Map.of("districtId", district, "period", month, "indicators", List.of("talks")), "schoolIds");

		long id = api.post(officer, "/api/v1/inspections", good).json().get("id").asLong();
		JsonNode started = api.post(officer, "/api/v1/inspections/" + id + "/start", Map.of("version", 0)).json();
		String item = "/api/v1/inspections/" + id + "/items/" + started.get("items").get(0).get("id").asLong();
		Api.Response r = api.post(officer, item + "/finding", Map.of("text", "无结论"));
		assertThat(r.json().path("errors").path("verdict").asString()).as(r.body()).isNotBlank();
		r = api.post(officer, item + "/finding", Map.of("verdict", "MET", "text", "   "));
		assertThat(r.json().path("errors").path("text").asString()).as(r.body()).isNotBlank();
		r = api.post(officer, item + "/finding", Map.of("verdict", "MET", "text", "含\u0000字符"));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		r = api.post(officer, item + "/finding", Map.of("verdict", "MET", "text", "长".repeat(2001)));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		api.post(officer, item + "/finding", Map.of("verdict", "NOT_MET", "text", "不足"));
		for (String due : new String[] { "1999-01-01", LocalDate.now(clock).plusDays(90).toString(), "99999-01-01", "" }) {
			r = api.post(officer, item + "/correction", Map.of("text", "整改", "dueOn", due));
			assertThat(r.status()).as(due + " " + r.body()).isEqualTo(400);
		}
		assertThat(api.get("mentor1", "/api/v1/inspections/" + id).status()).isEqualTo(404);
		assertThat(api.get("mentor1", "/api/v1/inspections").json().get("items")).isEmpty();
	}

	@Test
	void thePagesSampleAndAnswerAndKeepWhatWasTyped() {
		PageClient page = PageClient.login(port, officer);
		PageClient.Page list = page.get("/inspections");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("抽查甲校" + tag, "inspection-form");
		PageClient.Page refused = page.post("/inspections", List.of(Map.entry("period", month),
				Map.entry("schoolIds", Long.toString(schoolA)), Map.entry("randomIndicators", "abc")));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("inspection-error", "随机抽取指标数").contains("value=\"abc\"");
		PageClient.Page saved = page.post("/inspections", List.of(Map.entry("period", month),
				Map.entry("schoolIds", Long.toString(schoolA)), Map.entry("indicators", "talks")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String path = saved.location().replaceFirst("^https?://[^/]+", "");
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		assertThat(page.post(path + "/start", Map.of("version", "0")).status()).isEqualTo(302);
		long itemId = api.get(officer, "/api/v1/inspections/" + id).json().get("items").get(0).get("id").asLong();
		PageClient.Page noVerdict = page.post(path + "/items/" + itemId + "/finding", Map.of("text", "写好的发现"));
		assertThat(noVerdict.status()).isEqualTo(200);
		assertThat(noVerdict.body()).contains("写好的发现", "请选择结论");
		page.post(path + "/items/" + itemId + "/finding", Map.of("verdict", "NOT_MET", "text", "谈心未覆盖"));
		page.post(path + "/items/" + itemId + "/correction", Map.of("text", "补齐谈心",
				"dueOn", LocalDate.now(clock).plusDays(7).toString()));

		PageClient school = PageClient.login(port, leaderA);
		PageClient.Page seen = school.get(path);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.body()).contains("补齐谈心", "answer-" + itemId);
		assertThat(school.post(path + "/items/" + itemId + "/answer", Map.of("text", "本周完成")).status()).isEqualTo(302);
		assertThat(api.get(officer, "/api/v1/inspections/" + id).json().get("items").get(0).get("state").asString())
			.isEqualTo("ANSWERED");
		assertThat(PageClient.login(port, leaderB).get(path).status()).isEqualTo(404);
		assertThat(school.get("/inspections?lang=en").body()).contains("Monthly inspection");
	}

	private void assertField(Map<String, Object> body, String field) {
		Api.Response r = api.post(officer, "/api/v1/inspections", body);
		assertThat(r.status()).as(body + " " + r.body()).isEqualTo(400);
		assertThat(r.json().path("errors").path(field).asString()).as(r.body()).isNotBlank();
	}

	private static JsonNode itemOf(JsonNode inspection, long itemId) {
		for (JsonNode i : inspection.get("items")) {
			if (i.get("id").asLong() == itemId) {
				return i;
			}
		}
		throw new AssertionError("no item " + itemId);
	}

	private byte[] bytes(String user, String path) throws Exception {
		HttpResponse<byte[]> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Bearer " + api.token(user))
				.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	private long school(String name) {
		return jdbc.sql("insert into school (district_id, name, stage) values (:d, :n, 'PRIMARY') returning id")
			.param("d", district).param("n", name).query(Long.class).single();
	}

	private long user(String username) {
		return jdbc.sql("insert into app_user (username, display_name, password_hash) select :u, '抽查测试', password_hash "
				+ "from app_user where username = 'head1' returning id").param("u", username).query(Long.class).single();
	}

	private void post(long userId, String role, Long school) {
		if (school == null) {
			jdbc.sql("insert into post (user_id, role, district_id) values (:u, :r, :d)")
				.param("u", userId).param("r", role).param("d", district).update();
		}
		else {
			jdbc.sql("insert into post (user_id, role, school_id) values (:u, :r, :s)")
				.param("u", userId).param("r", role).param("s", school).update();
		}
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
