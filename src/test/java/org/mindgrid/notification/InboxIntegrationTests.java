package org.mindgrid.notification;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.duty.WebSession;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InboxIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	private long user(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private long send(String username, String title, String link) {
		notifications.notify(List.of(user(username)), Notice.of("TEST", "notification.legacy", link, NoticeArg.text(title)));
		return jdbc.sql("select max(id) from notification where args -> 0 ->> 'value' = :t").param("t", title)
			.query(Long.class).single();
	}

	@Test
	void inboxListsUnreadFirstAndMarksRead() {
		Api api = new Api(port);
		long older = send("mentor2", "较早的通知 " + System.nanoTime(), "/duties");
		api.post("mentor2", "/api/v1/notifications/" + older + "/read", Map.of());
		long unread = send("mentor2", "新通知 " + System.nanoTime(), "/duties");

		JsonNode page = api.get("mentor2", "/api/v1/notifications?size=200").json();
		assertThat(page.has("items") && page.has("total") && page.has("page") && page.has("size")).isTrue();
		long unreadBefore = page.get("unread").asLong();
		assertThat(unreadBefore).isPositive();
		JsonNode first = page.get("items").get(0);
		assertThat(first.get("readAt").isNull()).isTrue();
		List<Long> ids = page.get("items").valueStream().map(i -> i.get("id").asLong()).toList();
		assertThat(ids.indexOf(unread)).isLessThan(ids.indexOf(older));
		JsonNode item = page.get("items").get(ids.indexOf(unread));
		assertThat(item.get("kind").asString()).isEqualTo("TEST");
		assertThat(item.get("link").asString()).isEqualTo("/duties");
		assertThat(item.get("createdAt").isNull()).isFalse();

		assertThat(api.post("mentor1", "/api/v1/notifications/" + unread + "/read", Map.of()).status()).isEqualTo(404);
		Api.Response read = api.post("mentor2", "/api/v1/notifications/" + unread + "/read", Map.of());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("readAt").isNull()).isFalse();
		assertThat(api.get("mentor2", "/api/v1/notifications").json().get("unread").asLong()).isEqualTo(unreadBefore - 1);
		api.get("mentor2", "/api/v1/notifications?unread=true&size=200").json().get("items")
			.forEach(i -> assertThat(i.get("readAt").isNull()).isTrue());
	}

	@Test
	void inboxPageShowsTheBadgeAndOpeningFollowsTheLink() {
		String title = "页面通知 " + System.nanoTime();
		long id = send("staff1", title, "/duties");
		WebSession web = WebSession.login(new Api(port), "staff1");
		var inbox = web.get("/notifications");
		assertThat(inbox.statusCode()).isEqualTo(200);
		assertThat(inbox.body()).contains(title, "mg-unread", "未读");
		var open = web.get("/notifications/" + id);
		assertThat(open.statusCode()).isEqualTo(302);
		assertThat(open.headers().firstValue("Location").orElse("")).endsWith("/duties");
		assertThat(jdbc.sql("select read_at is not null from notification where id = :id").param("id", id)
			.query(Boolean.class).single()).isTrue();
		assertThat(WebSession.login(new Api(port), "mentor1").get("/notifications/" + id).statusCode()).isEqualTo(404);

		long evil = send("staff1", "外链 " + System.nanoTime(), "//evil.example/x");
		assertThat(web.get("/notifications/" + evil).headers().firstValue("Location").orElse("")).endsWith("/notifications");
	}
}
