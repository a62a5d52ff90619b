package org.mindgrid.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


/** A browser-like session for pages: form login, cookies, the CSRF token of the last page, no redirects followed. */
public class PageClient {

	public record Page(int status, String location, String body, java.net.http.HttpHeaders headers) {

		public String header(String name) {
			return headers.firstValue(name).orElse("");
		}
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String csrf;

	public PageClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public static PageClient login(int port, String username) {
		PageClient client = new PageClient(port);
		client.get("/login");
		Page r = client.post("/login", List.of(Map.entry("username", username), Map.entry("password", Api.PASSWORD)));
		if (r.status() != 302 || r.location().contains("error")) {
			throw new IllegalStateException("page login of " + username + " failed: " + r.status() + " " + r.location());
		}
		return client;
	}

	/** Posts the login form (after fetching it for its CSRF token) and returns the answer, whatever it is. */
	public Page signIn(String username, String password) {
		get("/login");
		return post("/login", List.of(Map.entry("username", username), Map.entry("password", password)));
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A GET with extra headers (e.g. {@code X-MG-Poll}, as mindgrid.js sends). */
	public Page get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	public Page htmx(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
	}

	public Page post(String path, Map<String, String> form) {
		return post(path, List.copyOf(form.entrySet()));
	}

	/** Posts a form with extra headers (Referer, HX-Request …). */
	public Page post(String path, Map<String, String> form, Map<String, String> headers) {
		return post(path, List.copyOf(form.entrySet()), headers);
	}

	/** Posts a form with the CSRF token of the last page fetched. */
	public Page post(String path, List<Map.Entry<String, String>> fields) {
		return post(path, fields, Map.of());
	}

	public String base() {
		return base;
	}

	/** The CSRF token the next post sends (that of the last page fetched). */
	public String csrf() {
		return csrf;
	}

	/** Sends {@code token} with the next posts, e.g. a form's token kept from before its session ended. */
	public void useCsrf(String token) {
		this.csrf = token;
	}

	public Page post(String path, List<Map.Entry<String, String>> fields, Map<String, String> headers) {
		String body = fields.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		if (csrf != null) {
			body += "&_csrf=" + enc(csrf);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request);
	}

	/**
	 * Posts a body that is already url-encoded (so that a test can send bytes a browser never would, such as
	 * {@code %ED%A0%80}), with the CSRF token of the last page fetched.
	 */
	public Page postEncoded(String path, String encodedBody) {
		String body = csrf == null ? encodedBody : encodedBody + "&_csrf=" + enc(csrf);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts one file as a page form does (multipart), with the CSRF token of the last page fetched. */
	public Page upload(String path, String filename, byte[] content) {
		String boundary = "----mindgrid" + System.nanoTime();
		String csrfPart = csrf == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
				+ csrf + "\r\n";
		byte[] head = (csrfPart + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private Page send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher m = CSRF.matcher(r.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body(), r.headers());
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
