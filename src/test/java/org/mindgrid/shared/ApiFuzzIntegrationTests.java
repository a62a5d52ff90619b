package org.mindgrid.shared;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.shared.ApiFuzzCases.Probe;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, point 16: a deterministic sweep (fixed seed) of malformed requests against every operation of the
 * OpenAPI document, sent as several real roles and without a token, four at a time; any 5xx fails the build.
 * The page forms get the same treatment in {@link PageFormFuzzIntegrationTests}.
 */
@IntegrationTest
class ApiFuzzIntegrationTests {

	static final long SEED = 20261201L;

	/** Variants per operation after the seeded shuffle; each is sent as two of the roles, the baseline as all. */
	static final int CASES_PER_OPERATION = 26;

	static final List<String> ROLES = Arrays.asList("psych1", "head1", "admin", "committee1", null);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	record Outcome(Probe probe, String role, int status, String body) {

		@Override
		public String toString() {
			return status + " " + probe.method() + " " + ApiFuzzCases.abbreviate(probe.path()) + " as " + role + " ["
					+ probe.what() + "] " + ApiFuzzCases.abbreviate(body == null ? "" : body.replace('\n', ' '));
		}
	}

	@Test
	void noMalformedRequestToAnyOperationAnswers5xx() throws Exception {
		JsonNode docs = api.get(null, "/v3/api-docs").json();
		ApiFuzzCases cases = new ApiFuzzCases(docs, pathBaselines(), fuzzStudent(jdbc), clock);
		Random random = new Random(SEED);
		List<Runnable> sends = new ArrayList<>();
		Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
		int operations = 0;
		for (var path : docs.path("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				List<Probe> probes = cases.probes(method, path.getKey(), operation.getValue());
				operations++;
				Probe baseline = probes.get(0);
				List<Probe> variants = new ArrayList<>(probes.subList(1, probes.size()));
				Collections.shuffle(variants, random);
				List<String> roles = rolesFor(method, path.getKey(), operation.getValue());
				for (String role : roles) {
					sends.add(() -> outcomes.add(send(baseline, role)));
				}
				int i = random.nextInt(roles.size());
				for (Probe variant : variants.subList(0, Math.min(CASES_PER_OPERATION, variants.size()))) {
					String first = roles.get(i++ % roles.size());
					String second = roles.get((i + 1) % roles.size());
					sends.add(() -> outcomes.add(send(variant, first)));
					if (!java.util.Objects.equals(first, second)) {
						sends.add(() -> outcomes.add(send(variant, second)));
					}
				}
			}
		}
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		sends.forEach(pool::execute);
		pool.shutdown();
		assertThat(pool.awaitTermination(170, TimeUnit.SECONDS)).as("fuzz finished in time").isTrue();
		long seconds = (System.nanoTime() - start) / 1_000_000_000;

		List<Outcome> errors = outcomes.stream().filter(o -> o.status() >= 500 || o.status() < 0).toList();
		List<Outcome> acceptedWrites = outcomes.stream()
			.filter(o -> o.status() >= 200 && o.status() < 300 && !"GET".equals(o.probe().method())
					&& !"baseline".equals(o.probe().what()))
			.toList();
		Map<Integer, AtomicInteger> byStatus = new java.util.TreeMap<>();
		outcomes.forEach(o -> byStatus.computeIfAbsent(o.status(), s -> new AtomicInteger()).incrementAndGet());
		System.out.printf("API fuzz (seed %d): %d requests to %d operations in %d s, %d answered 5xx "
				+ "(or no answer); by status %s; malformed writes accepted: %d%n", SEED, outcomes.size(), operations,
				seconds, errors.size(), byStatus, acceptedWrites.size());
		errors.stream().limit(25).forEach(o -> System.out.println("  5xx: " + o));
		acceptedWrites.stream().limit(25).forEach(o -> System.out.println("  accepted: " + o));
		assertThat(outcomes).hasSize(sends.size());
		assertThat(errors).as("requests answered 5xx").isEmpty();
		assertThat(acceptedWrites).as("malformed writes that were accepted").isEmpty();
	}

	/** Operations that change things without any input (generate, escalate) are only sent by callers refused. */
	private static List<String> rolesFor(String method, String path, JsonNode operation) {
		if (path.equals("/api/v1/auth/logout")) {
			// it revokes the caller's token, which the other tests share: sent without one (the matrix logs out)
			return Arrays.asList((String) null);
		}
		boolean noInput = !operation.has("parameters") && !operation.has("requestBody");
		return noInput && !"GET".equals(method) ? Arrays.asList(null, "committee1", "head1") : ROLES;
	}

	private Outcome send(Probe probe, String role) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.base() + probe.path()));
		if (probe.contentType() != null) {
			builder.header("Content-Type", probe.contentType());
		}
		builder.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(probe.body()));
		try {
			Api.Response r = api.send(role, builder);
			return new Outcome(probe, role, r.status(), r.status() >= 500 ? r.body() : null);
		}
		catch (RuntimeException e) {
			return new Outcome(probe, role, -1, e.toString());
		}
	}

	private Map<String, String> pathBaselines() {
		long school = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		long student = fuzzStudent(jdbc);
		long classId = jdbc.sql("select class_id from student where id = :s").param("s", student).query(Long.class)
			.single();
		Map<String, String> values = new HashMap<>();
		values.put("kind", "talks");
		values.put("version", "1");
		for (String template : List.of("/api/v1/students/{id}", "/api/v1/students/{id}/archive",
				"/api/v1/students/{id}/archive/revisions", "/api/v1/students/{id}/archive/revisions/{version}",
				"/api/v1/students/{id}/timeline", "/api/v1/students/{id}/timeline.pdf", "/api/v1/students/{id}/audit")) {
			values.put(template + "|id", String.valueOf(student));
		}
		for (String template : List.of("/api/v1/schools/{id}/staff", "/api/v1/schools/{id}/semesters",
				"/api/v1/schools/{id}/classes", "/api/v1/schools/{id}/grid-warnings",
				"/api/v1/schools/{id}/staff/{userId}/unlock", "/api/v1/schools/{id}/staff/{userId}/enable",
				"/api/v1/schools/{id}/staff/{userId}/disable", "/api/v1/schools/{id}/semesters/{semesterId}/current")) {
			values.put(template + "|id", String.valueOf(school));
		}
		for (String template : List.of("/api/v1/classes/{id}/grid", "/api/v1/classes/{id}/mentors",
				"/api/v1/classes/{id}/mentors/{userId}", "/api/v1/classes/{id}/mentors/{userId}/students")) {
			values.put(template + "|id", String.valueOf(classId));
		}
		return values;
	}

	/** A student of 八年级（1）班 near the end of its roster, in reach of psych1, head1 and committee1. */
	static long fuzzStudent(JdbcClient jdbc) {
		return jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset 42 limit 1""")
			.query(Long.class).single();
	}
}
