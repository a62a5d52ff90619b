package org.mindgrid.screening.classwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/** A signed-in page session that also posts JSON and multipart with the page's CSRF token, as a browser's JS does. */
final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private String csrf;

	private PageSession(int port) {
		this.base = "http://localhost:" + port;
	}

	static PageSession login(int port, String username) {
		PageSession s = new PageSession(port);
		s.get("/login");
		HttpResponse<byte[]> r = s.form("/login", Map.of("username", username, "password", Api.PASSWORD), Map.of());
		if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login of " + username + " failed: " + r.statusCode());
		}
		return s;
	}

	HttpResponse<byte[]> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	static String text(HttpResponse<byte[]> r) {
		return new String(r.body(), StandardCharsets.UTF_8);
	}

	HttpResponse<byte[]> form(String path, Map<String, String> fields, Map<String, String> headers) {
		String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		if (csrf != null) {
			body += "&_csrf=" + enc(csrf);
		}
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(b::header);
		return send(b);
	}

	HttpResponse<byte[]> json(String path, Object body) {
		try {
			String json = Api.json().writeValueAsString(body);
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/json").header("Accept", "application/json")
				.header("X-CSRF-TOKEN", csrf == null ? "" : csrf)
				.POST(HttpRequest.BodyPublishers.ofString(json));
			return send(b);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	HttpResponse<byte[]> upload(String path, Map<String, String> fields, String filename, byte[] content) {
		String boundary = "----cw" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			for (var e : fields.entrySet()) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
						+ e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			if (csrf != null) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
						+ "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder builder) {
		try {
			HttpResponse<byte[]> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			String type = r.headers().firstValue("Content-Type").orElse("");
			if (type.startsWith("text/html")) {
				Matcher m = CSRF.matcher(text(r));
				if (m.find()) {
					csrf = m.group(1);
				}
			}
			return r;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
