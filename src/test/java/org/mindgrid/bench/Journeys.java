package org.mindgrid.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import tools.jackson.databind.json.JsonMapper;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What staff do, as the API sees it: each step one request, a think time between steps (uniform, half to one
 * and a half times {@code bench.think} seconds), ids picked at random from the lists just read. Request names
 * start with the journey, so the report groups them.
 */
final class Journeys {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The school's day: the app's "today" for the records' dates. */
	private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

	private Journeys() {
	}

	static HttpProtocolBuilder protocol() {
		// no warm-up request: it would go to gatling.io (and the benchmarks talk to this machine only)
		return http.baseUrl(BenchSettings.base()).acceptHeader("application/json").acceptLanguageHeader("zh-CN")
			.contentTypeHeader("application/json").userAgentHeader("mindgrid-bench").disableWarmUp();
	}

	/** Users by name with their token (signed in once, before the run), round robin over the names. */
	static FeederBuilder<Object> users(List<String> names) {
		BenchClient client = new BenchClient(BenchSettings.base());
		List<Map<String, Object>> records = new ArrayList<>();
		names.forEach(n -> records.add(Map.of("username", n, "token", client.token(n, BenchSettings.password()))));
		return listFeeder(records).circular();
	}

	static HttpRequestActionBuilder get(String name, String path) {
		return http(name).get(path).header("Authorization", "Bearer #{token}").check(status().is(200));
	}

	static ChainBuilder think(Duration mean) {
		return pause(mean.dividedBy(2), mean.plus(mean.dividedBy(2)));
	}

	/**
	 * A mentor: their duties (which name their mentees), their class's students, one student opened and an
	 * observation recorded on them; a mentee's timeline and, now and then, a talk logged with the mentee.
	 */
	static ChainBuilder mentor(Duration think, double talkShare, double signShare) {
		return exec(s -> s.remove("studentId").remove("menteeId"))
			.exec(get("mentor: my duties", "/api/v1/duties?mine=true&size=20")
				.check(jsonPath("$.items[*].studentId").findAll().optional().saveAs("dutyStudents")))
			.exec(s -> pick(s, "dutyStudents", "menteeId"))
			.exec(think(think))
			.exec(get("mentor: students", "/api/v1/students?size=20")
				.check(jsonPath("$.items[*].id").findRandom().optional().saveAs("studentId")))
			.exec(think(think))
			.doIf(s -> s.contains("studentId")).then(exec(get("mentor: student", "/api/v1/students/#{studentId}"))
				.exec(think(think))
				.exec(http("mentor: observation").post("/api/v1/observations")
					.header("Authorization", "Bearer #{token}")
					.body(StringBody(s -> observation(s.getString("studentId"), signShare)))
					.check(status().is(201)))
				.exec(think(think)))
			.doIf(s -> s.contains("menteeId")).then(exec(get("mentor: timeline", "/api/v1/students/#{menteeId}/timeline"))
				.exec(think(think))
				.doIf(s -> ThreadLocalRandom.current().nextDouble() < talkShare).then(exec(http("mentor: talk")
					.post("/api/v1/talks")
					.header("Authorization", "Bearer #{token}")
					.body(StringBody(s -> talk(s.getString("menteeId"))))
					.check(status().is(201)))
					.exec(think(think))));
	}

	/** A psychology teacher: the warning queue, one report opened; the cases, one opened; the inbox. */
	static ChainBuilder psych(Duration think) {
		return exec(s -> s.remove("reportId").remove("caseId"))
			.exec(get("psych: queue", "/api/v1/warning-reports?size=20")
				.check(jsonPath("$.items[*].id").findRandom().optional().saveAs("reportId")))
			.exec(think(think))
			.doIf(s -> s.contains("reportId"))
			.then(exec(get("psych: report", "/api/v1/warning-reports/#{reportId}")).exec(think(think)))
			.exec(get("psych: cases", "/api/v1/cases?size=20")
				.check(jsonPath("$.items[*].id").findRandom().optional().saveAs("caseId")))
			.exec(think(think))
			.doIf(s -> s.contains("caseId")).then(exec(get("psych: case", "/api/v1/cases/#{caseId}")).exec(think(think)))
			.exec(get("psych: inbox", "/api/v1/notifications?size=20"))
			.exec(think(think));
	}

	/** A leader's morning: the inbox, the crisis events (one opened), the students list. */
	static ChainBuilder leader(Duration think) {
		return exec(s -> s.remove("eventId"))
			.exec(get("leader: inbox", "/api/v1/notifications?size=20"))
			.exec(think(think))
			.exec(get("leader: crisis events", "/api/v1/crisis-events?size=20")
				.check(jsonPath("$.items[*].id").findRandom().optional().saveAs("eventId")))
			.exec(think(think))
			.doIf(s -> s.contains("eventId"))
			.then(exec(get("leader: crisis event", "/api/v1/crisis-events/#{eventId}")).exec(think(think)))
			.exec(get("leader: students", "/api/v1/students?size=20"))
			.exec(think(think));
	}

	/** One of the non-null values of a list attribute, at random, under {@code to}. */
	private static Session pick(Session s, String from, String to) {
		List<Object> values = s.contains(from) ? s.getList(from) : List.of();
		List<String> ids = values.stream().filter(v -> v != null && !"null".equals(v.toString()))
			.map(Object::toString).toList();
		s = s.remove(from);
		return ids.isEmpty() ? s : s.set(to, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
	}

	/** A day's observation: nothing alarming, now and then a sign (3, withdrawn in class) for the queue. */
	static String observation(String studentId, double signShare) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("studentId", Long.parseLong(studentId));
		body.put("signs", ThreadLocalRandom.current().nextDouble() < signShare ? List.of(3) : List.of());
		body.put("categories", List.of());
		body.put("crisisLevel", "NONE");
		body.put("notes", "课间与同学交流正常，作业按时完成");
		return JSON.writeValueAsString(body);
	}

	static String talk(String studentId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("studentId", Long.parseLong(studentId));
		body.put("date", LocalDate.now(SCHOOL_ZONE).toString());
		body.put("place", "心理辅导室");
		body.put("topics", "学习压力与作息安排");
		body.put("state", "情绪平稳，愿意交流");
		body.put("followUp", "两周后再谈一次");
		return JSON.writeValueAsString(body);
	}
}
