package org.mindgrid.crisis.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mindgrid.crisis.review.ReviewFixture.T;
import static org.mindgrid.crisis.review.ReviewFixture.at;
import static org.mindgrid.crisis.review.ReviewFixture.daysBefore;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 point 5: the review of a seeded student history finds each kind of gap — one fixture per rule, each a
 * student of a class of its own whose history is otherwise complete (a talk this semester) — and no gap where the
 * whole record is complete. The district officer opens each review through the API.
 */
@IntegrationTest
class ReviewGapsIntegrationTests {

	/** A talk this semester, so that only the fixture's own gap shows. */
	static final LocalDate TALKED = LocalDate.of(2026, 9, 15);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private JsonNode review(long eventId) {
		var r = api.post("district", "/api/v1/crisis-events/" + eventId + "/review", Map.of());
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	private static List<String> rules(JsonNode review) {
		List<String> rules = new ArrayList<>();
		review.get("gaps").forEach(g -> rules.add(g.get("rule").asString()));
		return rules;
	}

	private static JsonNode gap(JsonNode review, String rule) {
		for (JsonNode g : review.get("gaps")) {
			if (g.get("rule").asString().equals(rule)) {
				return g;
			}
		}
		throw new AssertionError("no gap " + rule + " in " + review.get("gaps"));
	}

	@Test
	void noTalkThisSemester() {
		var f = new ReviewFixture(jdbc);
		f.talk(LocalDate.of(2026, 6, 10)); // last semester's talk does not count
		JsonNode r = review(f.event());
		assertThat(rules(r)).containsExactly("NO_TALK_THIS_SEMESTER");
		assertThat(gap(r, "NO_TALK_THIS_SEMESTER").get("refKind").asString()).isEqualTo("SEMESTER");
		assertThat(gap(r, "NO_TALK_THIS_SEMESTER").get("text").asString()).contains("2026-09-01");
		assertThat(r.get("timeline")).anySatisfy(i -> assertThat(i.get("kind").asString()).isEqualTo("TALK"));
	}

	@Test
	void triggerVisitDoneLate() {
		var f = new ReviewFixture(jdbc);
		f.talk(TALKED);
		var recorded = at(2026, 11, 9, 10); // a Monday: the visit is due Tuesday 18:00
		long trigger = f.trigger(recorded);
		f.duty("TRIGGER_HOME_VISIT", recorded, at(2026, 11, 10, 18), at(2026, 11, 12, 16));
		JsonNode r = review(f.event());
		assertThat(rules(r)).containsExactly("TRIGGER_VISIT_LATE");
		JsonNode g = gap(r, "TRIGGER_VISIT_LATE");
		assertThat(g.get("refId").asLong()).isEqualTo(trigger);
		assertThat(g.get("at").asString()).isEqualTo("2026-11-10T10:00:00Z");
		// the trigger's own line is red, and the duty shows as done late
		assertThat(r.get("timeline")).anySatisfy(i -> {
			assertThat(i.get("kind").asString()).isEqualTo("TRIGGER");
			assertThat(i.get("gap").asBoolean()).isTrue();
		});
		assertThat(r.get("timeline")).anySatisfy(i -> {
			assertThat(i.get("kind").asString()).isEqualTo("DUTY");
			assertThat(i.get("code").asString()).isEqualTo("LATE");
		});
	}

	@Test
	void triggerVisitNeverMade() {
		var f = new ReviewFixture(jdbc);
		f.talk(TALKED);
		var recorded = at(2026, 11, 9, 10);
		long trigger = f.trigger(recorded);
		f.duty("TRIGGER_HOME_VISIT", recorded, at(2026, 11, 10, 18), null);
		JsonNode r = review(f.event());
		assertThat(rules(r)).containsExactly("TRIGGER_VISIT_MISSING");
		assertThat(gap(r, "TRIGGER_VISIT_MISSING").get("refId").asLong()).isEqualTo(trigger);
		assertThat(r.get("timeline")).anySatisfy(i -> {
			assertThat(i.get("kind").asString()).isEqualTo("DUTY");
			assertThat(i.get("code").asString()).isEqualTo("MISSED");
		});
	}

	@Test
	void redSignNotAssessedByItsDeadline() {
		var f = new ReviewFixture(jdbc);
		f.talk(TALKED);
		var seen = at(2026, 11, 16, 9); // red (not urgent): due one school day later
		long obs = f.redObservation(seen, at(2026, 11, 17, 9), at(2026, 11, 18, 14));
		JsonNode r = review(f.event());
		assertThat(rules(r)).containsExactly("RED_SIGN_UNASSESSED");
		assertThat(gap(r, "RED_SIGN_UNASSESSED").get("refId").asLong()).isEqualTo(obs);
		// who saw what when: the psychology teacher opened the report, and took it up late
		assertThat(r.get("timeline")).anySatisfy(i -> {
			assertThat(i.get("kind").asString()).isEqualTo("REPORT_VIEWED");
			assertThat(i.get("by").asString()).isNotBlank();
		});
		assertThat(r.get("timeline")).anySatisfy(i -> assertThat(i.get("kind").asString()).isEqualTo("REPORT_TAKEN_UP"));
	}

	@Test
	void screeningFlagNeverReviewedBeforeTheEvent() {
		var f = new ReviewFixture(jdbc);
		f.talk(TALKED);
		// dismissed, but only after the event: at the event it had waited three weeks
		long flag = f.screeningFlag(daysBefore(21), T.plus(Duration.ofDays(2)));
		JsonNode r = review(f.event());
		assertThat(rules(r)).containsExactly("SCREENING_FLAG_UNREVIEWED");
		assertThat(gap(r, "SCREENING_FLAG_UNREVIEWED").get("refId").asLong()).isEqualTo(flag);
		assertThat(r.get("timeline")).anySatisfy(i -> {
			assertThat(i.get("kind").asString()).isEqualTo("SCREENING_FLAG");
			assertThat(i.get("code").asString()).isEqualTo("OPEN");
		});
	}

	@Test
	void weeklySessionsMissed() {
		var f = new ReviewFixture(jdbc);
		f.talk(TALKED);
		long c = f.caseOnWatch(daysBefore(40));
		f.step(c, daysBefore(31), "RECORD_SESSION", "WATCH", "WATCH");
		JsonNode r = review(f.event());
		assertThat(rules(r)).containsExactly("WEEKLY_SESSION_MISSED");
		JsonNode g = gap(r, "WEEKLY_SESSION_MISSED");
		assertThat(g.get("refKind").asString()).isEqualTo("CASE");
		assertThat(g.get("refId").asLong()).isEqualTo(c);
		assertThat(g.get("at").asString()).isEqualTo(daysBefore(24).toString());
	}

	@Test
	void referralWithoutDiagnosis() {
		var f = new ReviewFixture(jdbc);
		f.talk(TALKED);
		long c = f.caseOnWatch(daysBefore(60));
		f.step(c, daysBefore(57), "NOTIFY_FAMILY", "WATCH", "FAMILY");
		long refer = f.step(c, daysBefore(56), "REFER", "FAMILY", "REFERRED");
		f.sessions(c, daysBefore(55), 6, "REFERRED");
		JsonNode r = review(f.event());
		assertThat(rules(r)).containsExactly("REFERRAL_NO_DIAGNOSIS");
		assertThat(gap(r, "REFERRAL_NO_DIAGNOSIS").get("refId").asLong()).isEqualTo(refer);
	}

	@Test
	void aCompleteRecordHasNoGap() {
		var f = new ReviewFixture(jdbc);
		f.talk(TALKED);
		var recorded = at(2026, 11, 9, 10);
		f.trigger(recorded);
		f.duty("TRIGGER_HOME_VISIT", recorded, at(2026, 11, 10, 18), at(2026, 11, 10, 16));
		f.redObservation(at(2026, 11, 16, 9), at(2026, 11, 17, 9), at(2026, 11, 16, 11));
		f.screeningFlag(daysBefore(21), daysBefore(19));
		long c = f.caseOnWatch(daysBefore(60));
		f.step(c, daysBefore(57), "NOTIFY_FAMILY", "WATCH", "FAMILY");
		f.step(c, daysBefore(56), "REFER", "FAMILY", "REFERRED");
		f.step(c, daysBefore(46), "RECORD_DIAGNOSIS", "REFERRED", "REFERRED");
		f.sessions(c, daysBefore(55), 6, "REFERRED");
		JsonNode r = review(f.event());
		assertThat(rules(r)).isEmpty();
		List<String> kinds = new ArrayList<>();
		r.get("timeline").forEach(i -> kinds.add(i.get("kind").asString()));
		assertThat(kinds).contains("TALK", "TRIGGER", "DUTY", "OBSERVATION", "WARNING_REPORT", "REPORT_VIEWED",
				"REPORT_TAKEN_UP", "SCREENING_RESULT", "SCREENING_FLAG", "CASE_STEP");
		assertThat(r.get("timeline")).allSatisfy(i -> {
			assertThat(i.get("gap").asBoolean()).isFalse();
			assertThat(i.get("text").asString()).doesNotContain("{").doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b");
		});
	}

	@Test
	void anEventWithoutAStudentHasAnEmptyTimelineThatSaysSo() {
		var f = new ReviewFixture(jdbc);
		long event = f.event();
		jdbc.sql("update crisis_event set student_id = null, class_id = null where id = :id").param("id", event).update();
		JsonNode r = review(event);
		assertThat(r.get("timeline")).isEmpty();
		assertThat(r.get("gaps")).isEmpty();
		assertThat(r.get("timelineNote").asString()).isNotBlank();
	}
}
