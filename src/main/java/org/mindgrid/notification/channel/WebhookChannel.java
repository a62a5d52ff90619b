package org.mindgrid.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mindgrid.notification.NoticeTexts;
import org.mindgrid.notification.NotificationSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Forwards notifications to a DingTalk/WeCom-style group robot ({@code mindgrid.notification.webhook-url}) as
 * {@code {"msgtype":"text","text":{"content":"<title in Chinese> <base-url>/notifications"}}}, after commit, with a
 * 5 s timeout; errors are logged. A group robot is one chat for everybody, so a notice sent to several people at
 * once is posted once.
 */
@Component
class WebhookChannel {

	private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** The same title and link within this window is the same notice sent to several people. */
	private static final long DEDUP_NANOS = Duration.ofMinutes(1).toNanos();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final Map<String, Long> recent = new ConcurrentHashMap<>();

	private final ChannelExecutor executor;

	private final NoticeTexts texts;

	private final String baseUrl;

	private volatile String url;

	WebhookChannel(ChannelExecutor executor, NoticeTexts texts, @Value("${mindgrid.notification.webhook-url:}") String url,
			@Value("${mindgrid.base-url:http://localhost:8080}") String baseUrl) {
		this.executor = executor;
		this.texts = texts;
		this.url = url == null || url.isBlank() ? null : url.strip();
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** For tests: point the channel at a local server, or turn it off with null. */
	void setUrl(String url) {
		this.url = url;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(NotificationSent sent) {
		String target = url;
		if (target == null) {
			return;
		}
		String title = texts.render(sent.key(), sent.args(), NoticeTexts.CHANNELS);
		if (!firstWithinWindow(sent, title)) {
			return;
		}
		// A group chat sees every message: link to the inbox, never to a student or report id.
		String body = payload(title, baseUrl + "/notifications");
		executor.submit("webhook", () -> post(target, body));
	}

	static String payload(String title, String link) {
		return JSON.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", title + " " + link)));
	}

	private boolean firstWithinWindow(NotificationSent sent, String title) {
		long now = System.nanoTime();
		recent.values().removeIf(at -> now - at > DEDUP_NANOS);
		return recent.putIfAbsent(sent.kind() + "|" + title + "|" + sent.link(), now) == null;
	}

	private void post(String target, String body) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				log.warn("Webhook answered {}: {}", response.statusCode(), abbreviate(response.body()));
			}
		}
		catch (IOException | IllegalArgumentException e) {
			log.warn("Webhook failed: {}", e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String abbreviate(String s) {
		return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
	}
}
