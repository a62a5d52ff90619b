package org.mindgrid.duty;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mindgrid.support.Api;

/** A browser-like session over plain HTTP: form login with CSRF, cookies, no redirects followed. */
public final class WebSession {

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private WebSession(String base) {
		this.base = base;
	}

	public static WebSession login(Api api, String username) {
		WebSession session = new WebSession(api.base());
		HttpResponse<String> login = session.post("/login", Map.of("username", username, "password", Api.PASSWORD),
				"/login");
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login of " + username + " failed: " + login.statusCode());
		}
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/** Posts a form with the CSRF token taken from {@code csrfPage}. */
	public HttpResponse<String> post(String path, Map<String, String> fields, String csrfPage) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(csrfPage).body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF field on " + csrfPage);
		}
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", m.group(1));
		String form = all.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
