package org.mindgrid.identity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * A client that retries after a timeout must not create a second record: the same {@code Idempotency-Key} with the
 * same body answers the first answer again, over the API and from the page forms.
 */
@IntegrationTest
class IdempotencyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	long student;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		// A student of 八年级（1）班 of school 1 whom mentor2 mentors and head1 heads.
		student = jdbc.sql("""
				select sa.student_id from student_access sa join app_user u on u.id = sa.user_id
				 where u.username = 'mentor2' and sa.level = 2 order by sa.student_id desc limit 1""")
			.query(Long.class).single();
	}

	private Api.Response post(String user, String path, String key, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Api.json().writeValueAsString(body)));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return api.send(user, request);
	}

	private Map<String, Object> talk(String topics) {
		return Map.of("studentId", student, "date", LocalDate.now(clock).toString(), "place", "心理辅导室",
				"topics", topics, "state", "平稳");
	}

	private long talks(String topics) {
		return jdbc.sql("select count(*) from talk where topics = :t").param("t", topics).query(Long.class).single();
	}

	@Test
	void aRetryWithTheSameKeyAndBodyAnswersTheFirstAnswerAndCreatesNothing() {
		String topics = "重试测试 " + System.nanoTime();
		String key = UUID.randomUUID().toString();
		Api.Response first = post("mentor2", "/api/v1/talks", key, talk(topics));
		Api.Response again = post("mentor2", "/api/v1/talks", key, talk(topics));
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.contentType()).startsWith("application/json");
		assertThat(talks(topics)).isEqualTo(1);

		// Without a key, every POST is a new record, as before.
		assertThat(post("mentor2", "/api/v1/talks", null, talk(topics)).status()).isEqualTo(201);
		assertThat(talks(topics)).isEqualTo(2);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedAndKeysBelongToOneUser() {
		String topics = "换了内容 " + System.nanoTime();
		String key = UUID.randomUUID().toString();
		assertThat(post("mentor2", "/api/v1/talks", key, talk(topics)).status()).isEqualTo(201);
		Api.Response reused = post("mentor2", "/api/v1/talks", key, talk(topics + " 改"));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.contentType()).startsWith("application/problem+json");
		assertThat(reused.json().get("code").asString()).isEqualTo("idempotency.key-reused");
		assertThat(reused.json().get("errors").has("Idempotency-Key")).isTrue();
		Api.Response english = post("mentor2", "/api/v1/talks?lang=en", key, talk(topics));
		assertThat(english.status()).isEqualTo(422);
		assertThat(english.json().get("detail").asString()).contains("Idempotency-Key");
		assertThat(talks(topics + " 改")).isZero();
		// The same key on another endpoint is another request, too.
		assertThat(post("mentor2", "/api/v1/contacts", key,
				Map.of("studentId", student, "channel", "PHONE", "content", topics)).status()).isEqualTo(422);

		// Another user's key of the same name is theirs.
		assertThat(post("head1", "/api/v1/talks", key, talk(topics)).status()).isEqualTo(201);
		assertThat(talks(topics)).isEqualTo(2);
	}

	@Test
	void onlySuccessfulAnswersAreKeptSoAFixedRequestCanBeRetriedWithItsKey() {
		String topics = "先错后对 " + System.nanoTime();
		String key = UUID.randomUUID().toString();
		Map<String, Object> missingPlace = Map.of("studentId", student, "date", LocalDate.now(clock).toString(),
				"topics", topics, "state", "平稳");
		Api.Response bad = post("mentor2", "/api/v1/talks", key, missingPlace);
		assertThat(bad.status()).isEqualTo(400);
		Api.Response fixed = post("mentor2", "/api/v1/talks", key, talk(topics));
		assertThat(fixed.status()).isEqualTo(201);
		assertThat(talks(topics)).isEqualTo(1);

		// A refusal is not kept either.
		String refusedKey = UUID.randomUUID().toString();
		// mentor1 mentors the class but not this student: list level, so 403 (ADR 0018).
		assertThat(post("mentor1", "/api/v1/talks", refusedKey, talk(topics)).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from idempotency_key where key = :k").param("k", refusedKey)
			.query(Long.class).single()).isZero();
	}

	@Test
	void badKeysAreRefusedWithAProblemThatNamesTheHeader() {
		String topics = "坏的键 " + System.nanoTime();
		Api.Response tooLong = post("mentor2", "/api/v1/talks", "k".repeat(201), talk(topics));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.contentType()).startsWith("application/problem+json");
		assertThat(tooLong.json().get("code").asString()).isEqualTo("idempotency.key-invalid");
		assertThat(tooLong.json().get("errors").has("Idempotency-Key")).isTrue();
		assertThat(tooLong.json().get("detail").asString()).contains("Idempotency-Key", "200");
		Api.Response english = post("mentor2", "/api/v1/talks?lang=en", "k".repeat(201), talk(topics));
		assertThat(english.json().get("detail").asString()).contains("Idempotency-Key", "200", "characters");
		assertThat(post("mentor2", "/api/v1/talks", "a b", talk(topics)).status()).isEqualTo(400);
		assertThat(post("mentor2", "/api/v1/talks", "k".repeat(200), talk(topics)).status()).isEqualTo(201);
		assertThat(talks(topics)).isEqualTo(1);

		// A body too large to keep is refused before it reaches the ledger.
		Api.Response huge = post("mentor2", "/api/v1/talks", UUID.randomUUID().toString(),
				talk("x".repeat(2 * 1024 * 1024)));
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.contentType()).startsWith("application/problem+json");
	}

	@Test
	void keysExpireAfterADay() {
		String topics = "过期的键 " + System.nanoTime();
		String key = UUID.randomUUID().toString();
		Api.Response first = post("mentor2", "/api/v1/talks", key, talk(topics));
		assertThat(first.status()).isEqualTo(201);
		// A day and an hour later (moved in the table: the clock would expire the API tokens, too).
		jdbc.sql("update idempotency_key set created_at = created_at - interval '25 hours' where key = :k")
			.param("k", key).update();
		Api.Response later = post("mentor2", "/api/v1/talks", key, talk(topics));
		assertThat(later.status()).isEqualTo(201);
		assertThat(later.json().get("id").asLong()).isNotEqualTo(first.json().get("id").asLong());
		assertThat(talks(topics)).isEqualTo(2);
	}

	@Test
	void twentyParallelRetriesOfAnUrgentObservationCreateOneObservationAndOneWarning() throws Exception {
		String marker = "并发重试 " + System.nanoTime();
		String key = UUID.randomUUID().toString();
		Map<String, Object> urgent = Map.of("studentId", student, "signs", List.of(1), "categories", List.of(),
				"otherClues", marker, "crisisLevel", "HIGH", "notes", "");
		api.token("staff1");
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				Callable<Api.Response> call = () -> {
					start.await();
					return post("staff1", "/api/v1/observations", key, urgent);
				};
				answers.add(pool.submit(call));
			}
			start.countDown();
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				responses.add(answer.get());
			}
			String created = null;
			for (Api.Response r : responses) {
				assertThat(r.status()).as(r.body()).isIn(201, 409);
				if (r.status() == 201) {
					if (created == null) {
						created = r.body();
					}
					assertThat(r.body()).isEqualTo(created);
				}
				else {
					assertThat(r.json().get("code").asString()).isEqualTo("idempotency.in-progress");
				}
			}
			assertThat(created).isNotNull();
		}
		finally {
			pool.shutdownNow();
		}
		List<Long> observations = jdbc.sql("select id from observation where other_clues = :m").param("m", marker)
			.query(Long.class).list();
		assertThat(observations).hasSize(1);
		long reports = jdbc.sql("""
				select count(*) from warning_report where source_kind = 'OBSERVATION' and source_id = :id""")
			.param("id", observations.get(0)).query(Long.class).single();
		assertThat(reports).isEqualTo(1);
		assertThat(post("staff1", "/api/v1/observations", key, urgent).status()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from observation where other_clues = :m").param("m", marker)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDoubleSubmittedTalkFormCreatesOneTalk() {
		PageClient web = PageClient.login(port, "mentor2");
		PageClient.Page form = web.get("/students/" + student + "/talks/new");
		assertThat(form.status()).isEqualTo(200);
		String key = hiddenKey(form.body());
		assertThat(key).isNotBlank();
		assertThat(hiddenKey(web.get("/students/" + student + "/talks/new").body())).isNotEqualTo(key);
		String topics = "重复提交 " + System.nanoTime();
		List<Map.Entry<String, String>> fields = List.of(Map.entry("idempotencyKey", key),
				Map.entry("date", LocalDate.now(clock).toString()), Map.entry("place", "走廊"),
				Map.entry("topics", topics), Map.entry("state", "平稳"), Map.entry("escalate", ""));
		PageClient.Page first = web.post("/students/" + student + "/talks", fields);
		PageClient.Page second = web.post("/students/" + student + "/talks", fields);
		assertThat(first.status()).isEqualTo(302);
		assertThat(second.status()).isEqualTo(302);
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(talks(topics)).isEqualTo(1);

		List<Map.Entry<String, String>> nul = new ArrayList<>(fields);
		nul.set(0, Map.entry("idempotencyKey", "bad\u0000key"));
		PageClient.Page refused = web.post("/students/" + student + "/talks", nul);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("idempotencyKey");
		nul.set(0, Map.entry("idempotencyKey", "带中文的键"));
		assertThat(web.post("/students/" + student + "/talks", nul).status()).isEqualTo(400);
		nul.set(0, Map.entry("idempotencyKey", ""));
		assertThat(web.post("/students/" + student + "/talks", nul).status()).isEqualTo(400);
		assertThat(talks(topics)).isEqualTo(1);
	}

	@Test
	void theLedgerObservationAndConcernFormsCarryAKey() {
		PageClient mentor = PageClient.login(port, "mentor2");
		assertThat(hiddenKey(mentor.get("/students/" + student + "/home-visits/new").body())).isNotBlank();
		assertThat(hiddenKey(mentor.get("/students/" + student + "/contacts/new").body())).isNotBlank();
		assertThat(hiddenKey(mentor.get("/observations/new?studentId=" + student).body())).isNotBlank();
		PageClient committee = PageClient.login(port, "committee1");
		assertThat(hiddenKey(committee.get("/concerns/new").body())).isNotBlank();
	}

	private static String hiddenKey(String html) {
		var m = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(html);
		return m.find() ? m.group(1) : null;
	}
}
