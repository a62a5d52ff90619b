package org.mindgrid.mentoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;
import org.mindgrid.support.PageClient;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 9: a home visit follows tool 3's outline (before term starts) or the short general record; the
 * kind is stored, the API's {@code kind} is optional (absent: the outline, as before), and a red sign in a general
 * visit escalates urgently as in the outline.
 */
@IntegrationTest
class HomeVisitKindIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private long student(int offset) {
		return jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset :o limit 1""")
			.param("o", offset).query(Long.class).single();
	}

	private Map<String, Object> visit(long student, Map<String, Object> answers, String kind) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("studentId", student, "visitedAt",
				clock.instant().minusSeconds(3600).toString(), "interviewee", "刘女士", "relation", "母亲", "answers", answers));
		if (kind != null) {
			body.put("kind", kind);
		}
		return body;
	}

	@Test
	void aGeneralVisitIsStoredWithItsKindAndARedSignEscalatesUrgently() {
		Api api = new Api(port);
		long student = student(41);
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("g1", Map.of("record", "了解近期情绪变化"));
		answers.put("g3", Map.of("record", "孩子把心爱的画册送给了同学"));
		answers.put("g4", Map.of("record", "需要尽快评估", "judgment", List.of("S6", "S12")));
		var r = api.post("psych1", "/api/v1/home-visits", visit(student, answers, "GENERAL"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("visitKind").asString()).isEqualTo("GENERAL");
		assertThat(r.json().get("warningReport").get("urgency").asString()).isEqualTo("URGENT");
		JsonNode read = api.get("psych1", "/api/v1/home-visits/" + r.json().get("id").asLong()).json();
		assertThat(read.get("answers").get("g3").get("record").asString()).isEqualTo("孩子把心爱的画册送给了同学");
		assertThat(read.get("answers").get("g4").get("judgment").toString()).isEqualTo("[\"S6\",\"S12\"]");
		assertThat(jdbc.sql("select kind from home_visit where id = :id").param("id", r.json().get("id").asLong())
			.query(String.class).single()).isEqualTo("GENERAL");
	}

	@Test
	void withoutAKindTheVisitFollowsTheOutlineAsBefore() {
		Api api = new Api(port);
		var r = api.post("psych1", "/api/v1/home-visits",
				visit(student(41), Map.of("a1", Map.of("record", "开朗")), null));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("visitKind").asString()).isEqualTo("TERM_START");
		var alias = api.post("psych1", "/api/v1/home-visits", Map.of("studentId", student(41), "visitedAt",
				clock.instant().minusSeconds(60).toString(), "interviewee", "刘先生", "relation", "父亲", "visitKind", "GENERAL",
				"answers", Map.of("g1", Map.of("record", "回访"))));
		assertThat(alias.status()).as(alias.body()).isEqualTo(201);
		assertThat(alias.json().get("visitKind").asString()).isEqualTo("GENERAL");
	}

	@Test
	void answersMustBelongToTheKindAndTheKindMustBeKnown() {
		Api api = new Api(port);
		long student = student(41);
		var mixed = api.post("psych1", "/api/v1/home-visits",
				visit(student, Map.of("b4", Map.of("record", "x", "judgment", List.of("S1"))), "GENERAL"));
		assertThat(mixed.status()).isEqualTo(400);
		assertThat(mixed.json().get("detail").asString()).contains("b4", "g1–g5");
		var unknown = api.post("psych1", "/api/v1/home-visits", visit(student, Map.of(), "HOLIDAY"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asString()).contains("TERM_START", "GENERAL");
		var english = api.post("psych1", "/api/v1/home-visits?lang=en", visit(student, Map.of(), "HOLIDAY"));
		assertThat(english.json().get("detail").asString()).contains("kind of visit");
	}

	@Test
	void theFormKeepsOnlyTheChosenRecordAndTheRecordPageNamesIt() {
		long student = student(42);
		PageClient psych = PageClient.login(port, "psych1");
		var form = psych.get("/students/" + student + "/home-visits/new");
		assertThat(form.body()).contains("name=\"kind\"", "开学前家访（家访提纲）", "一般家访", "answers[g1].record",
				"answers[a1].record");
		String purpose = "学期中回访 " + System.nanoTime();
		var saved = psych.post("/students/" + student + "/home-visits", List.of(Map.entry("kind", "GENERAL"),
				Map.entry("visitedAt", "2026-11-30T16:00"), Map.entry("interviewee", "刘女士"), Map.entry("relation", "母亲"),
				Map.entry("answers[g1].record", purpose), Map.entry("answers[a1].record", "不该保存的提纲答案"),
				Map.entry("escalate", "")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		long id = jdbc.sql("select id from home_visit where answers->'g1'->>'record' = :p").param("p", purpose)
			.query(Long.class).single();
		assertThat(jdbc.sql("select answers->'a1' is not null from home_visit where id = :id").param("id", id)
			.query(Boolean.class).single()).isFalse();
		var record = psych.get("/students/" + student + "/home-visits/" + id);
		assertThat(record.body()).contains("一般家访", purpose, "家访目的");
	}
}
