package org.mindgrid.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.Simulation;
import org.mindgrid.load.ScreeningLoad;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Students answering a screening at once (issue 11 point 4; the screening load of issue 9 as a Gatling journey):
 * before the run a psychology teacher opens a PHQ-9 + GAD-7 campaign for {@code bench.screening.students}
 * students (default 2,000) and every parent consents ({@link ScreeningLoad#prepare}); then each student opens their
 * session with their code, saves every item with a think time before it ({@code bench.screening.think}, seconds)
 * and submits. The students are imported into new classes by {@code bench.screening.admin} (the demo), or are
 * those of {@code bench.screening.classes} (ids, or {@code auto}: grade 7 and up of the teacher's school, read
 * from the database as {@link RawSql} finds it). Fails if any request failed.
 */
public class ScreeningSimulation extends Simulation {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	{
		String base = BenchSettings.base();
		int students = BenchSettings.integer("bench.screening.students", 2000);
		String psych = BenchSettings.text("bench.screening.psych", "psych1");
		Duration think = BenchSettings.seconds("bench.screening.think", 3);
		Duration ramp = BenchSettings.seconds("bench.screening.ramp", 10);
		ScreeningLoad.Options options = ScreeningLoad.Options.defaults().withBase(base)
			.withUsers(psych, BenchSettings.text("bench.screening.admin", "principal1"))
			.withStudents(students, 40, 0, 0)
			.withClasses(classes(psych, students));
		List<String> codes;
		try {
			codes = new ScreeningLoad(options).prepare().codes();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		List<Map<String, Object>> records = codes.stream().limit(students).map(c -> Map.<String, Object>of("code", c))
			.toList();
		setUp(scenario("students")
			.feed(listFeeder(records).queue())
			.exec(http("student: open session").get("/api/v1/screening/sessions/#{code}")
				.check(status().is(200), bodyString().saveAs("sessionJson")))
			.exec(s -> s.set("answers", answers(s.getString("sessionJson"))).remove("sessionJson"))
			.foreach("#{answers}", "answer").on(exec(Journeys.think(think))
				.exec(http("student: save answer").post("/api/v1/screening/sessions/#{code}/answers")
					.body(StringBody("#{answer}")).check(status().is(200))))
			.exec(Journeys.think(think))
			.exec(http("student: submit").post("/api/v1/screening/sessions/#{code}/submit").body(StringBody("{}"))
				.check(status().is(200)))
			.injectOpen(rampUsers(records.size()).during(ramp)))
			.protocols(Journeys.protocol())
			.maxDuration(ramp.plus(think.multipliedBy(3 * 60)).plusSeconds(120))
			.assertions(global().failedRequests().count().is(0L));
	}

	/** Every unanswered item of every scale not yet submitted, each with one of its scale's options. */
	static List<String> answers(String sessionJson) {
		List<String> answers = new ArrayList<>();
		for (JsonNode scale : JSON.readTree(sessionJson).get("scales")) {
			if (scale.path("submitted").asBoolean(false)) {
				continue;
			}
			List<Integer> values = new ArrayList<>();
			scale.get("options").forEach(o -> values.add(o.get("value").asInt()));
			for (JsonNode item : scale.get("items")) {
				int value = values.get(ThreadLocalRandom.current().nextInt(values.size()));
				answers.add(JSON.writeValueAsString(Map.of("scaleId", scale.get("id").asString(), "answers",
						Map.of(String.valueOf(item.get("no").asInt()), value))));
			}
		}
		return answers;
	}

	/** The classes to screen: none (import new students), the given ids, or enough of the school's from grade 7. */
	private static List<Long> classes(String psych, int students) {
		String classes = BenchSettings.text("bench.screening.classes", "");
		if (classes.isBlank()) {
			return List.of();
		}
		if (!classes.strip().equals("auto")) {
			return BenchSettings.words("bench.screening.classes", "").stream().map(Long::valueOf).toList();
		}
		List<Long> picked = new ArrayList<>();
		long sum = 0;
		for (long[] c : RawSql.fromSettings().classesFromGrade7(psych)) {
			if (sum >= students) {
				break;
			}
			picked.add(c[0]);
			sum += c[1];
		}
		if (sum < students) {
			throw new IllegalStateException(psych + "'s school has only " + sum + " students from grade 7 on");
		}
		return picked;
	}
}
