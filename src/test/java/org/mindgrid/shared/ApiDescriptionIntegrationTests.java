package org.mindgrid.shared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 13: an integrator needs only {@code /v3/api-docs}. Every operation has a summary and a
 * description, declares {@code bearerAuth} (except logging in), lists its 4xx answers as problem details, and
 * describes each path and query parameter; the archive is put back in the shape it is got. The document is written
 * to {@code target/api-docs.json}.
 */
@IntegrationTest
class ApiDescriptionIntegrationTests {

	/** Operations anybody may call without a token. */
	static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/token",
			// screening's code endpoints: the code is the credential (issue 9, ADR 0025)
			"GET /api/v1/screening/sessions/{code}", "POST /api/v1/screening/sessions/{code}/answers",
			"POST /api/v1/screening/sessions/{code}/submit", "POST /api/v1/screening/sessions",
			"GET /api/v1/screening/consent/{parentCode}", "POST /api/v1/screening/consent/{parentCode}");

	static final String PROBLEM = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	JsonNode docs() throws Exception {
		var r = api.get(null, "/v3/api-docs");
		assertThat(r.status()).isEqualTo(200);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "api-docs.json"), r.json().toPrettyString(), StandardCharsets.UTF_8);
		return r.json();
	}

	@Test
	void everyOperationIsDescribed() throws Exception {
		JsonNode docs = docs();
		JsonNode bearer = docs.path("components").path("securitySchemes").path("bearerAuth");
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.path("description").asString()).contains("/api/v1/auth/token");
		assertThat(docs.path("components").path("schemas").has("ProblemDetail")).isTrue();

		List<String> undocumented = new ArrayList<>();
		int operations = 0;
		for (var path : docs.path("paths").properties()) {
			for (var method : path.getValue().properties()) {
				operations++;
				String op = method.getKey().toUpperCase() + " " + path.getKey();
				undocumented.addAll(check(op, method.getValue()));
			}
		}
		assertThat(operations).as("operations in /v3/api-docs").isGreaterThanOrEqualTo(55);
		assertThat(undocumented).as("undocumented parts of the API (see target/api-docs.json)").isEmpty();
	}

	/** What is missing in one operation's description. */
	static List<String> check(String op, JsonNode operation) {
		List<String> missing = new ArrayList<>();
		if (operation.path("summary").asString("").isBlank()) {
			missing.add(op + ": no summary");
		}
		if (operation.path("description").asString("").isBlank()) {
			missing.add(op + ": no description");
		}
		boolean secured = false;
		for (JsonNode requirement : operation.path("security")) {
			secured |= requirement.has("bearerAuth");
		}
		if (PUBLIC.contains(op) == secured) {
			missing.add(op + (secured ? ": public, but declares bearerAuth" : ": no bearerAuth security"));
		}
		boolean pathParameters = false;
		for (JsonNode p : operation.path("parameters")) {
			String in = p.path("in").asString();
			pathParameters |= "path".equals(in);
			if (("path".equals(in) || "query".equals(in)) && p.path("description").asString("").isBlank()) {
				missing.add(op + ": " + in + " parameter " + p.path("name").asString() + " without description");
			}
		}
		JsonNode responses = operation.path("responses");
		Set<String> expected = new TreeSet<>();
		if (operation.has("requestBody") || operation.path("parameters").size() > 0) {
			expected.add("400");
		}
		if (secured) {
			expected.addAll(List.of("401", "403"));
		}
		if (pathParameters) {
			expected.add("404");
		}
		if (PUBLIC.contains(op)) {
			expected.addAll(List.of("400", "401", "429"));
		}
		for (String code : expected) {
			if (!responses.has(code)) {
				missing.add(op + ": no " + code + " response");
			}
		}
		boolean anyProblem = false;
		for (var response : responses.properties()) {
			if (!response.getKey().startsWith("4")) {
				continue;
			}
			if (response.getValue().path("description").asString("").isBlank()) {
				missing.add(op + ": " + response.getKey() + " without description");
			}
			String ref = response.getValue().path("content").path(PROBLEM).path("schema").path("$ref").asString("");
			if (ref.endsWith("/ProblemDetail")) {
				anyProblem = true;
			}
			else {
				missing.add(op + ": " + response.getKey() + " is not an " + PROBLEM + " ProblemDetail");
			}
		}
		if (!anyProblem) {
			missing.add(op + ": no 4xx problem response");
		}
		if ("POST /api/v1/schools/{schoolId}/roster".equals(op)
				&& !responses.path("422").path("content").path("application/json").path("schema").path("$ref")
					.asString("").endsWith("/RosterView")) {
			missing.add(op + ": 422 without its RosterView of every row's errors");
		}
		return missing;
	}

	@Test
	void theArchiveIsPutBackInTheShapeItIsGot() throws Exception {
		JsonNode docs = docs();
		JsonNode archivePath = docs.path("paths").path("/api/v1/students/{id}/archive");
		Set<String> got = properties(docs,
				archivePath.path("get").path("responses").path("200").path("content").path("application/json"));
		Set<String> put = properties(docs, archivePath.path("put").path("requestBody").path("content")
			.path("application/json"));
		Set<String> answered = properties(docs,
				archivePath.path("put").path("responses").path("200").path("content").path("application/json"));
		assertThat(got).contains("version", "content");
		assertThat(put).as("PUT body vs GET answer").isEqualTo(got);
		assertThat(answered).as("PUT answer vs GET answer").isEqualTo(got);

		long id = jdbc.sql("""
				select m.student_id from mentor_assignment m join app_user u on u.id = m.mentor_user_id
				where u.username = 'mentor1' order by m.student_id desc limit 1""").query(Long.class).single();
		String uri = "/api/v1/students/" + id + "/archive";
		JsonNode before = api.get("mentor1", uri).json();
		ObjectNode edited = (ObjectNode) before.deepCopy();
		((ObjectNode) edited.get("content")).put("interests", "原样放回的档案：围棋");
		var saved = api.put("mentor1", uri, edited);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
		assertThat(saved.json().get("content").get("interests").asString()).isEqualTo("原样放回的档案：围棋");
		assertThat(saved.json().properties().stream().map(Map.Entry::getKey).toList())
			.containsExactlyElementsOf(before.properties().stream().map(Map.Entry::getKey).toList());
		assertThat(api.get("mentor1", uri).json().get("content")).isEqualTo(saved.json().get("content"));

		// The same body again is stale now: 409, nothing overwritten.
		var stale = api.put("mentor1", uri, edited);
		assertThat(stale.status()).isEqualTo(409);
	}

	/** Property names of a media type's schema, following one $ref. */
	static Set<String> properties(JsonNode docs, JsonNode mediaType) {
		JsonNode schema = mediaType.path("schema");
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			schema = docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		Set<String> names = new TreeSet<>();
		schema.path("properties").properties().forEach(e -> names.add(e.getKey()));
		return names;
	}
}
