package org.mindgrid.notification.channel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyEscalation;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.duty.DutyRequest;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WebhookChannelIntegrationTests {

	@Autowired
	WebhookChannel webhook;

	@Autowired
	Notifications notifications;

	@Autowired
	Duties duties;

	@Autowired
	DutyEscalation escalation;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	private HttpServer server;

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	@BeforeEach
	void startRobot() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/robot/send", exchange -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
					+ "\n" + exchange.getRequestHeaders().getFirst("Content-Type"));
			byte[] ok = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
			exchange.close();
		});
		server.start();
		webhook.setUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send");
	}

	@AfterEach
	void stopRobot() {
		webhook.setUrl(null);
		server.stop(0);
		clock.reset();
	}

	private long user(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	@Test
	void postsRobotJsonOnceAfterCommit() throws Exception {
		String title = "测试通知 " + System.nanoTime();
		notifications.notify(List.of(user("head1"), user("mentor1")),
				Notice.of("TEST", "notification.legacy", "/duties/1", NoticeArg.text(title)));
		String got = received.poll(5, TimeUnit.SECONDS);
		assertThat(got).isNotNull();
		String[] parts = got.split("\n");
		assertThat(parts[1]).startsWith("application/json");
		JsonNode json = Api.json().readTree(parts[0]);
		assertThat(json.get("msgtype").asString()).isEqualTo("text");
		assertThat(json.get("text").get("content").asString()).isEqualTo(title + " http://localhost:8080/notifications");
		// the same notice to two people is one message in the group
		assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void anEscalationReachesTheRobotWithoutTheStudentsName() throws Exception {
		var student = jdbc.sql("""
				select s.id, s.class_id, s.school_id, s.name from mentor_assignment ma join student s on s.id = ma.student_id
				 where ma.mentor_user_id = :m order by s.id desc limit 1""")
			.param("m", user("mentor2"))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4) })
			.single();
		long id = duties.open(new DutyRequest(DutyKind.TRIGGER_HOME_VISIT, (Long) student[2], (Long) student[0],
				(Long) student[1], user("mentor2"), clock.instant().plus(Duration.ofMinutes(30)), "TEST",
				System.nanoTime(), null));
		clock.advance(Duration.ofHours(1));
		escalation.runEscalation();

		List<String> messages = new ArrayList<>();
		String next;
		while ((next = received.poll(3, TimeUnit.SECONDS)) != null) {
			messages.add(next);
		}
		assertThat(messages).anySatisfy(m -> assertThat(m).contains("逾期", "/notifications"));
		// the group chat learns neither the duty nor the student: only the inbox link
		assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("/duties/" + id, "/students/"));
		assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain((String) student[3]));
	}

	@Test
	void aDeadRobotNeverBreaksTheRequest() {
		webhook.setUrl("http://127.0.0.1:9/nothing-here");
		notifications.notify(List.of(user("head1")),
				Notice.of("TEST", "notification.legacy", "/duties", NoticeArg.text("无人接收 " + System.nanoTime())));
		assertThat(jdbc.sql("select count(*) from notification where user_id = :u").param("u", user("head1"))
			.query(Long.class).single()).isPositive();
	}
}
