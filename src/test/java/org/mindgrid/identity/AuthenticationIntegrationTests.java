package org.mindgrid.identity;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuthenticationIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void healthIsUp() {
		var r = api.get(null, "/actuator/health");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void tokenThenMeShowsRolesAndSchool() {
		var r = api.get("psych1", "/api/v1/me");
		assertThat(r.status()).isEqualTo(200);
		var me = r.json();
		assertThat(me.get("username").asString()).isEqualTo("psych1");
		assertThat(me.get("name").asString()).isEqualTo("林若曦");
		assertThat(me.get("roles").toString()).contains("PSYCH_TEACHER", "CRISIS_TEAM");
		assertThat(me.get("schoolId").asLong()).isPositive();
		assertThat(me.get("scope").get("kind").asString()).isEqualTo("SCHOOL");
	}

	@Test
	void missingOrBadTokenIs401ProblemJson() {
		var missing = api.get(null, "/api/v1/me");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		var bad = api.send(null, java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/me"))
			.header("Authorization", "Bearer not-a-token"));
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.json().get("detail").asString()).contains("令牌");
	}

	@Test
	void wrongPasswordIs401WithoutToken() {
		var r = api.post(null, "/api/v1/auth/token", Map.of("username", "mentor2", "password", "wrong"));
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().has("token")).isFalse();
	}
}
