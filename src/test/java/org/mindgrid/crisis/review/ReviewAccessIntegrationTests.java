package org.mindgrid.crisis.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
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

/**
 * Issue 10 point 5: who runs and reads a review. The district officer opens, saves and closes it; the city officer
 * reads it; the school's psychology teacher only once it is closed; psychology teachers and leaders of another
 * school, and a mentor, never. A closed review refuses writes; an action opens a duty for its owner; bad input is a
 * 400 that names the field.
 */
@IntegrationTest
class ReviewAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private static String path(long event) {
		return "/api/v1/crisis-events/" + event + "/review";
	}

	private String raiser;

	private long event() {
		var f = new ReviewFixture(jdbc);
		f.talk(LocalDate.of(2026, 9, 15));
		raiser = f.headName; // the class's head teacher raised the event
		return f.event();
	}

	private long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private long audited(long event, String action) {
		return jdbc.sql("select count(*) from audit_event where resource = :r and action = :a")
			.param("r", "crisis-event/" + event).param("a", action).query(Long.class).single();
	}

	@Test
	void theDistrictRunsItTheCityReadsItTheSchoolReadsItOnceClosed() {
		long event = event();
		assertThat(api.get("district", path(event)).status()).isEqualTo(404);

		var opened = api.post("district", path(event), Map.of());
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		long id = opened.json().get("id").asLong();
		assertThat(opened.json().get("state").asString()).isEqualTo("OPEN");
		assertThat(opened.json().get("editable").asBoolean()).isTrue();
		var again = api.post("district", path(event), Map.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(id);

		// only the district writes; the city reads
		assertThat(api.post("city", path(event), Map.of("findings", "x")).status()).isEqualTo(403);
		// the school's team may not read it yet: to them it does not exist
		assertThat(api.post("psych1", path(event), Map.of("findings", "x")).status()).isEqualTo(404);
		var city = api.get("city", path(event));
		assertThat(city.status()).as(city.body()).isEqualTo(200);
		assertThat(city.json().get("editable").asBoolean()).isFalse();
		assertThat(city.json().get("studentName").asString()).isNotBlank();

		// the school's team waits for the close; other schools and a mentor never see it
		for (String user : List.of("psych1", "psych2", "principal2", "mentor1", raiser)) {
			var r = api.get(user, path(event));
			assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(404);
		}
		for (String user : List.of("psych2", "principal2", "mentor1")) {
			assertThat(api.post(user, path(event), Map.of()).status()).as(user).isEqualTo(404);
		}

		long owner = userId("principal1");
		String due = today().plusDays(14).toString();
		Map<String, Object> body = new HashMap<>();
		body.put("findings", "四必访家访逾期两天；红色信号未在一个上学日内评估。");
		body.put("responsibility", List.of(Map.of("role", "心导师", "person", "李思远", "finding", "家访晚于期限"),
				Map.of("role", "心理教师", "person", "", "finding", "接手评估迟了一天")));
		body.put("actions", List.of(Map.of("what", "补做家访并记录", "ownerUserId", owner, "dueOn", due),
				Map.of("what", "全体心导师复训四必访", "ownerUserId", owner, "dueOn", today().plusDays(30).toString())));
		var saved = api.post("district", path(event), body);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("responsibility")).hasSize(2);
		JsonNode action = saved.json().get("actions").get(0);
		assertThat(action.get("ownerUserId").asLong()).isEqualTo(owner);
		assertThat(action.get("dueOn").asString()).isEqualTo(due);
		// the owner cannot read the review before it is closed: no duty yet
		assertThat(action.get("dutyId").isNull()).isTrue();

		var closed = api.post("district", path(event), Map.of("close", true));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.json().get("editable").asBoolean()).isFalse();
		// each action is now a duty of its own for its owner, linked to the review
		for (JsonNode a : closed.json().get("actions")) {
			var d = jdbc.sql("select kind, assignee_user_id, status, source_kind, source_id from duty where id = :id")
				.param("id", a.get("dutyId").asLong()).query().singleRow();
			assertThat(d.get("kind")).isEqualTo("CRISIS_REVIEW_ACTION");
			assertThat(((Number) d.get("assignee_user_id")).longValue()).isEqualTo(owner);
			assertThat(d.get("status")).isEqualTo("OPEN");
			assertThat(d.get("source_kind")).isEqualTo("CRISIS_REVIEW_ACTION");
			assertThat(((Number) d.get("source_id")).longValue()).isEqualTo(a.get("id").asLong());
		}
		assertThat(closed.json().get("actions").get(0).get("dutyId").asLong())
			.isNotEqualTo(closed.json().get("actions").get(1).get("dutyId").asLong());

		var school = api.get("psych1", path(event));
		assertThat(school.status()).as(school.body()).isEqualTo(200);
		assertThat(school.json().get("findings").asString()).contains("四必访家访逾期");
		for (String user : List.of("psych2", "principal2", "mentor1", raiser)) {
			assertThat(api.get(user, path(event)).status()).as(user).isEqualTo(404);
		}

		// closed: read-only, for the school's team as well
		assertThat(api.post("psych1", path(event), Map.of("findings", "x")).status()).isEqualTo(403);
		var refused = api.post("district", path(event), Map.of("findings", "改一改"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("review.closed");
		assertThat(api.post("district", path(event), Map.of("actions",
				List.of(Map.of("what", "再加一条", "ownerUserId", owner, "dueOn", due)))).status()).isEqualTo(409);

		assertThat(audited(event, "CRISIS_REVIEW_OPENED")).isEqualTo(1);
		assertThat(audited(event, "CRISIS_REVIEW_SAVED")).isEqualTo(1);
		assertThat(audited(event, "CRISIS_REVIEW_ACTION_ADDED")).isEqualTo(2);
		assertThat(audited(event, "CRISIS_REVIEW_CLOSED")).isEqualTo(1);
		assertThat(audited(event, "CRISIS_REVIEW_READ")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		long event = event();
		assertThat(api.post("district", path(event), Map.of()).status()).isEqualTo(201);
		long mentor = userId("principal1");
		String due = today().plusDays(7).toString();

		assertField(api.post("district", path(event), Map.of("findings", "有\u0000字")), "findings");
		assertField(api.post("district", path(event), Map.of("findings", "长".repeat(8001))), "findings");
		assertField(api.post("district", path(event), Map.of("responsibility",
				List.of(Map.of("role", "班主任", "finding", "x".repeat(501))))), "finding");
		assertField(api.post("district", path(event), Map.of("responsibility",
				java.util.Collections.nCopies(31, Map.of("role", "班主任")))), "responsibility");
		for (String absurd : List.of("1900-01-01", "2999-12-31", today().minusDays(1).toString(),
				today().plusDays(181).toString(), "明天")) {
			assertField(api.post("district", path(event), Map.of("actions",
					List.of(Map.of("what", "补做家访", "ownerUserId", mentor, "dueOn", absurd)))), "dueOn");
		}
		// owners are the school's team (who read the closed review): not a mentor, another school, the bureau
		for (Object owner : List.of(999_999_999L, userId("psych2"), userId("district"), userId("mentor1"), "abc")) {
			assertField(api.post("district", path(event), Map.of("actions",
					List.of(Map.of("what", "补做家访", "ownerUserId", owner, "dueOn", due)))), "ownerUserId");
		}
		assertField(api.post("district", path(event), Map.of("actions",
				List.of(Map.of("ownerUserId", mentor, "dueOn", due)))), "what");
		// closing needs findings
		assertField(api.post("district", path(event), Map.of("close", true)), "findings");

		// nothing of the refused saves was kept, and no duty was opened
		JsonNode r = api.get("district", path(event)).json();
		assertThat(r.get("findings").isNull()).isTrue();
		assertThat(r.get("actions")).isEmpty();
		assertThat(r.get("state").asString()).isEqualTo("OPEN");
		assertThat(jdbc.sql("select count(*) from duty where source_kind = 'CRISIS_REVIEW_ACTION' and source_id in (select a.id from crisis_review_action a join crisis_review r on r.id = a.review_id where r.event_id = :e)")
			.param("e", event).query(Long.class).single()).isZero();
	}

	private static void assertField(Api.Response r, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		JsonNode problem = r.json();
		// the review names the field (and the row); the shared input guard lists it under errors (ADR 0012)
		String named = problem.has("field") ? problem.get("field").asString()
				: String.join(",", problem.path("errors").propertyNames());
		assertThat(named).as(r.body()).contains(field);
		assertThat(problem.get("detail").asString()).as(r.body()).doesNotContain("review.field");
	}

	@Test
	void thePageShowsTheGapsInRedAndKeepsWhatWasTyped() {
		var f = new ReviewFixture(jdbc); // no talk this semester: one gap
		long event = f.event();
		PageClient district = PageClient.login(port, "district");
		var offer = district.get("/crisis/" + event + "/review");
		assertThat(offer.status()).isEqualTo(200);
		assertThat(offer.body()).contains("id=\"review-open\"");
		var opened = district.post("/crisis/" + event + "/review", Map.of("intent", "open"));
		assertThat(opened.status()).as(opened.body()).isEqualTo(302);
		var page = district.get("/crisis/" + event + "/review");
		assertThat(page.body()).contains("mg-gap-line").contains("本学期无谈心").doesNotContain("??");
		var en = district.get("/crisis/" + event + "/review?lang=en");
		assertThat(en.body()).contains("No talk this semester").doesNotContain("??");
		district.get("/crisis/" + event + "/review?lang=zh_CN");

		// a refused save shows the page again with what was typed
		var refused = district.post("/crisis/" + event + "/review", Map.of("intent", "save", "findings", "已发现问题",
				"rows", "1", "role.0", "班主任", "what", "补做谈心", "ownerUserId", "", "dueOn", today().plusDays(3).toString()));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"review-error\"").contains("已发现问题").contains("补做谈心")
			.contains("is-invalid");
		assertThat(PageClient.login(port, "psych1").get("/crisis/" + event + "/review").status()).isEqualTo(404);
	}
}
