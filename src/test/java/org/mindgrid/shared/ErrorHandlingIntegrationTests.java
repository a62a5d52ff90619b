package org.mindgrid.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear localised message; no stack trace or exception name ever reaches a user. */
@IntegrationTest
class ErrorHandlingIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void malformedJsonIs400ProblemInChineseAndEnglish() {
		var zh = api.send("mentor1", HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/students/1/archive"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{not json")));
		assertThat(zh.status()).isEqualTo(400);
		assertThat(zh.contentType()).startsWith("application/problem+json");
		assertThat(zh.json().get("detail").asString()).contains("JSON");
		assertThat(zh.body()).doesNotContain("Exception", "at org.");
		var en = api.send("mentor1", HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/students/1/archive?lang=en"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{not json")));
		assertThat(en.json().get("detail").asString()).contains("not valid JSON");
	}

	@Test
	void wrongParameterTypeAndUnknownPathAreProblems() {
		var badId = api.get("psych1", "/api/v1/students/abc");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.contentType()).startsWith("application/problem+json");
		var unknown = api.get("psych1", "/api/v1/no-such-thing");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.body()).doesNotContain("Exception");
	}

	@Test
	void validationErrorsNameTheField() {
		var r = api.put("mentor1", "/api/v1/students/1/archive", java.util.Map.of("archive", java.util.Map.of()));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").has("version")).isTrue();
	}

	@Test
	void unknownPageIsAFriendlyChinesePage() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.base() + "/no-such-page")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		// Not logged in: the login page first, never a stack trace.
		assertThat(page.statusCode()).isIn(302, 404);
		assertThat(page.body()).doesNotContain("Exception", "Whitelabel");
	}

	@Test
	void openApiDescriptionListsTheApi() {
		var r = api.get(null, "/v3/api-docs");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("/api/v1/students", "/api/v1/auth/token");
	}

	@Test
	void securityHeadersAreSet() throws Exception {
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.base() + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
		assertThat(login.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
	}
}
