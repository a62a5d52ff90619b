package org.mindgrid.audit;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail: who may read it, what it shows, and that nobody can rewrite it. */
@IntegrationTest
class AuditTrailIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** One of mentor1's own students (their list also shows the rest of the class: ADR 0018). */
	long mentorStudent(int fromEnd) {
		return jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 join student s on s.id = ma.student_id
				 where u.username = 'mentor1' order by s.student_no desc offset :i limit 1""")
			.param("i", fromEnd).query(Long.class).single();
	}

	@Test
	void psychologyTeacherSeesReadsAndWritesOfMentor() {
		long id = mentorStudent(5);
		int version = api.get("mentor1", "/api/v1/students/" + id + "/archive").json().get("version").asInt();
		var saved = api.put("mentor1", "/api/v1/students/" + id + "/archive",
				Map.of("version", version, "archive", Map.of("study", "审计测试")));
		assertThat(saved.status()).isEqualTo(200);

		var r = api.get("psych1", "/api/v1/students/" + id + "/audit?size=50");
		assertThat(r.status()).isEqualTo(200);
		JsonNode page = r.json();
		assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(50);
		boolean read = false;
		boolean update = false;
		for (JsonNode item : page.get("items")) {
			assertThat(item.has("occurredAt")).isTrue();
			assertThat(item.has("resource")).isTrue();
			assertThat(item.has("detail")).isTrue();
			if ("mentor1".equals(item.get("username").asString())) {
				assertThat(item.get("remoteAddr").asString()).isNotBlank();
				read |= "ARCHIVE_READ".equals(item.get("action").asString());
				update |= "ARCHIVE_UPDATE".equals(item.get("action").asString())
						&& item.get("detail").asString().equals("version " + (version + 1));
			}
		}
		assertThat(read).isTrue();
		assertThat(update).isTrue();
		// Reading the trail is itself on the trail, newest first.
		var again = api.get("psych1", "/api/v1/students/" + id + "/audit").json();
		assertThat(again.get("items").get(0).get("action").asString()).isEqualTo("AUDIT_READ");
		assertThat(again.get("items").get(0).get("username").asString()).isEqualTo("psych1");
		assertThat(again.get("total").asLong()).isEqualTo(page.get("total").asLong() + 1);
	}

	@Test
	void leaderMaySeeTheTrailOthersMayNot() {
		long id = mentorStudent(6);
		assertThat(api.get("principal1", "/api/v1/students/" + id + "/audit").status()).isEqualTo(200);
		for (String user : new String[] { "mentor1", "head1", "staff1" }) {
			var r = api.get(user, "/api/v1/students/" + id + "/audit");
			assertThat(r.status()).as(user).isEqualTo(403);
			assertThat(r.contentType()).startsWith("application/problem+json");
		}
		assertThat(api.get("psych2", "/api/v1/students/" + id + "/audit").status()).isEqualTo(404);
		assertThat(api.get("principal2", "/api/v1/students/" + id + "/audit").status()).isEqualTo(404);
		assertThat(api.get("city", "/api/v1/students/" + id + "/audit").status()).isEqualTo(403);
		assertThat(api.get("district", "/api/v1/students/" + id + "/audit").status()).isEqualTo(403);
		assertThat(api.get("admin", "/api/v1/students/" + id + "/audit").status()).isEqualTo(403);
		assertThat(api.get("psych1", "/api/v1/students/99999999/audit").status()).isEqualTo(404);
	}

	@Test
	void auditEventsCannotBeChangedOrDeleted() {
		long id = mentorStudent(5);
		api.get("mentor1", "/api/v1/students/" + id + "/archive");
		long eventId = jdbc.sql("select max(id) from audit_event").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'someone' where id = :id")
			.param("id", eventId)
			.update()).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", eventId).update())
			.hasStackTraceContaining("append-only");
		assertThat(jdbc.sql("select username from audit_event where id = :id").param("id", eventId)
			.query(String.class).single()).isNotEqualTo("someone");
	}
}
