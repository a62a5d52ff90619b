package org.mindgrid.school;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like session for page tests: cookies, form login and the CSRF token of the last page. */
class PageSession {

	record Page(int status, String location, String body) {
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

	private static final Pattern META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private String csrf;

	PageSession(int port) {
		this.base = "http://localhost:" + port;
	}

	PageSession login(String username, String password) {
		get("/login");
		Page r = post("/login", Map.of("username", username, "password", password));
		if (r.status() != 302 || r.location().contains("error")) {
			throw new IllegalStateException("login failed: " + r);
		}
		return this;
	}

	Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
		Matcher m = META.matcher(page.body());
		if (m.find()) {
			csrf = m.group(1);
		}
		else {
			Matcher f = CSRF.matcher(page.body());
			if (f.find()) {
				csrf = f.group(1);
			}
		}
		return page;
	}

	Page post(String path, Map<String, String> form) {
		Map<String, String> all = new LinkedHashMap<>(form);
		all.put("_csrf", csrf);
		String body = all.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
