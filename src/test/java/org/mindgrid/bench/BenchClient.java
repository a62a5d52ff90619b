package org.mindgrid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Setup calls of the benchmarks outside Gatling's measurement: tokens, and who a user is ({@code /api/v1/me}). */
final class BenchClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	BenchClient(String base) {
		BenchSettings.requireLoopback(base);
		this.base = base;
	}

	String token(String username, String password) {
		JsonNode r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username,
					"password", password)))), null);
		return r.get("token").asString();
	}

	/** The caller as the app sees them: id and posts, which decide the list's scope and access path. */
	CurrentUser me(String token) {
		JsonNode me = get(token, "/api/v1/me");
		List<Post> posts = new ArrayList<>();
		for (JsonNode p : me.get("posts")) {
			posts.add(new Post(p.get("id").asLong(), Role.valueOf(p.get("role").asString()), id(p, "cityId"),
					id(p, "districtId"), id(p, "schoolId"), id(p, "classId"), p.path("partTime").asBoolean(false)));
		}
		return new CurrentUser(me.get("id").asLong(), me.get("username").asString(), me.path("name").asString(""),
				posts);
	}

	JsonNode get(String token, String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
	}

	private static Long id(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() ? null : v.asLong();
	}

	private JsonNode send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (r.statusCode() != 200) {
				throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
			}
			return JSON.readTree(r.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(base + ": " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
