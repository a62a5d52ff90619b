package org.mindgrid.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating reverse proxy on this host the application sees plain HTTP with
 * {@code X-Forwarded-Proto: https}: the session cookie must still be {@code Secure} and HSTS must go out. A client
 * that talks plain HTTP directly gets neither (a cookie marked Secure would never come back).
 */
@IntegrationTest
class ReverseProxyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private HttpResponse<String> login(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET();
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto).header("X-Forwarded-For", "203.0.113.7");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse(null);
	}

	@Test
	void aForwardedHttpsRequestGetsASecureSessionCookieAndHsts() throws Exception {
		HttpResponse<String> viaProxy = login("https");
		assertThat(viaProxy.statusCode()).isEqualTo(200);
		assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				h -> assertThat(h).contains("max-age=31536000", "includeSubDomains"));
		assertThat(sessionCookie(viaProxy)).isNotNull().containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");

		HttpResponse<String> english = http.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/login?lang=en")).header("X-Forwarded-Proto", "https").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(english.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("mindgrid-lang="))
			.singleElement().satisfies(c -> assertThat(c).containsIgnoringCase("; Secure"));

		HttpResponse<String> direct = login(null);
		assertThat(direct.statusCode()).isEqualTo(200);
		assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(sessionCookie(direct)).isNotNull().doesNotContainIgnoringCase("secure");
	}

	@Test
	void theApiDescriptionIsOpenInTheDemo() throws Exception {
		HttpResponse<String> docs = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("\"openapi\"");
	}

	@Test
	void theAuditShowsTheClientAddressTheTrustedProxyForwards() {
		Api api = new Api(port);
		String path = "/api/v1/students/" + (900_000_000L + System.nanoTime() % 1_000_000);
		Api.Response refused = api.send("mentor1", HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("X-Forwarded-For", "203.0.113.9")
			.header("X-Forwarded-Proto", "https")
			.GET());
		assertThat(refused.status()).isEqualTo(404);
		String address = jdbc.sql("select remote_addr from audit_event where action = 'ACCESS_REFUSED' and resource = :p")
			.param("p", path).query(String.class).single();
		assertThat(address).isEqualTo("203.0.113.9");
	}
}
