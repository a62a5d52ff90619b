package org.mindgrid.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;
import org.mindgrid.support.PageClient;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chains of the audit log: they hold after ordinary and concurrent writes, and every way a superuser can
 * tamper with the rows (change, rewrite with a fresh hash, remove one in the middle, remove the newest) is found
 * and named. Each tampering test writes its rows on a day of its own far in the future and repairs what it broke.
 */
@IntegrationTest
class AuditChainIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChain chain;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate tx;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Rows for {@code day}, written with the clock moved there, one transaction each; their ids in chain order. */
	List<Long> writeRows(LocalDate day, int count) {
		Instant noon = day.atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
		clock.reset();
		clock.advance(Duration.between(clock.instant(), noon));
		try {
			for (int i = 0; i < count; i++) {
				int n = i;
				tx.executeWithoutResult(s -> audit.record("TEST_CHAIN", "test/" + day + "/" + n, null,
						"第 " + n + " 条 | ~ 3:x\n"));
			}
		}
		finally {
			clock.reset();
		}
		return jdbc.sql("select id from audit_event where chain_day = :d order by chain_seq")
			.param("d", day)
			.query(Long.class)
			.list();
	}

	/** Runs SQL as the superuser with the append-only triggers off, as an attacker with database rights would. */
	void asSuperuser(String sql, Map<String, Object> params) {
		tx.executeWithoutResult(s -> {
			jdbc.sql("set local session_replication_role = replica").update();
			var spec = jdbc.sql(sql);
			for (var p : params.entrySet()) {
				spec = spec.param(p.getKey(), p.getValue());
			}
			spec.update();
		});
	}

	@Test
	void everyRowIsChainedAndTheChainHolds() {
		LocalDate day = LocalDate.of(2200, 1, 1);
		List<Long> ids = writeRows(day, 4);
		assertThat(ids).hasSize(4);
		List<Long> seqs = jdbc.sql("select chain_seq from audit_event where chain_day = :d order by chain_seq")
			.param("d", day).query(Long.class).list();
		assertThat(seqs).containsExactly(1L, 2L, 3L, 4L);
		assertThat(jdbc.sql("select prev_hash from audit_event where id = :id").param("id", ids.get(0))
			.query(String.class).single()).isEqualTo("0".repeat(64));
		for (int i = 1; i < ids.size(); i++) {
			String prevHash = jdbc.sql("select hash from audit_event where id = :id").param("id", ids.get(i - 1))
				.query(String.class).single();
			assertThat(jdbc.sql("select prev_hash from audit_event where id = :id").param("id", ids.get(i))
				.query(String.class).single()).isEqualTo(prevHash);
		}
		ChainCheck check = chain.verify(day, day);
		assertThat(check.intact()).isTrue();
		assertThat(check.rows()).isEqualTo(4);
		assertThat(check.days()).singleElement().satisfies(d -> {
			assertThat(d.lastSeq()).isEqualTo(4);
			assertThat(d.intact()).isTrue();
		});
		// The database's own function re-checks every stored row the same way (an auditor's query).
		assertThat(jdbc.sql("""
				select count(*) from audit_event
				 where hash <> audit_event_hash(id, occurred_at, chain_day, chain_seq, user_id, username, action,
				                                resource, student_id, detail, remote_addr, prev_hash)""")
			.query(Long.class).single()).isZero();
	}

	@Test
	void anAlteredRowIsNamed() {
		LocalDate day = LocalDate.of(2200, 1, 2);
		List<Long> ids = writeRows(day, 5);
		long victim = ids.get(2);
		String detail = jdbc.sql("select detail from audit_event where id = :id").param("id", victim)
			.query(String.class).single();
		asSuperuser("update audit_event set detail = 'nothing to see' where id = :id", Map.of("id", victim));
		try {
			ChainCheck check = chain.verify(day, day);
			assertThat(check.intact()).isFalse();
			assertThat(check.firstBreak()).isEqualTo(new ChainCheck.Break(day, victim, 3, ChainCheck.Kind.ALTERED));
			assertThat(check.days()).singleElement().satisfies(d -> assertThat(d.intact()).isFalse());

			// The leaders' API names the same row, and nothing of its contents.
			var r = api.get("principal1", "/api/v1/audit/integrity?from=" + day + "&to=" + day);
			assertThat(r.status()).isEqualTo(200);
			JsonNode json = r.json();
			assertThat(json.get("intact").asBoolean()).isFalse();
			assertThat(json.get("firstBreak").get("eventId").asLong()).isEqualTo(victim);
			assertThat(json.get("firstBreak").get("kind").asString()).isEqualTo("ALTERED");
			assertThat(r.body()).doesNotContain("nothing to see").doesNotContain("TEST_CHAIN");
			var page = PageClient.login(port, "principal1").get("/audit/integrity?from=" + day + "&to=" + day);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("data-event-id=\"" + victim + "\"").contains("该记录的内容已被修改")
				.doesNotContain("nothing to see");
		}
		finally {
			asSuperuser("update audit_event set detail = :detail where id = :id", Map.of("id", victim, "detail", detail));
		}
		assertThat(chain.verify(day, day).intact()).isTrue();
	}

	@Test
	void aRowRewrittenWithAFreshHashBreaksTheNextLink() {
		LocalDate day = LocalDate.of(2200, 1, 3);
		List<Long> ids = writeRows(day, 4);
		long victim = ids.get(1);
		Map<String, Object> original = jdbc.sql("select detail, hash from audit_event where id = :id")
			.param("id", victim).query().singleRow();
		asSuperuser("""
				update audit_event set detail = 'rewritten',
				       hash = audit_event_hash(id, occurred_at, chain_day, chain_seq, user_id, username, action,
				                               resource, student_id, 'rewritten', remote_addr, prev_hash)
				 where id = :id""", Map.of("id", victim));
		try {
			ChainCheck check = chain.verify(day, day);
			assertThat(check.firstBreak())
				.isEqualTo(new ChainCheck.Break(day, ids.get(2), 3, ChainCheck.Kind.LINK_BROKEN));
		}
		finally {
			asSuperuser("update audit_event set detail = :detail, hash = :hash where id = :id",
					Map.of("id", victim, "detail", original.get("detail"), "hash", original.get("hash")));
		}
		assertThat(chain.verify(day, day).intact()).isTrue();
	}

	@Test
	void aRowRemovedInTheMiddleIsFound() {
		LocalDate day = LocalDate.of(2200, 1, 4);
		List<Long> ids = writeRows(day, 5);
		long victim = ids.get(2);
		Map<String, Object> row = jdbc.sql("select * from audit_event where id = :id").param("id", victim)
			.query().singleRow();
		asSuperuser("delete from audit_event where id = :id", Map.of("id", victim));
		try {
			ChainCheck check = chain.verify(day, day);
			assertThat(check.rows()).isEqualTo(4);
			assertThat(check.firstBreak())
				.isEqualTo(new ChainCheck.Break(day, ids.get(3), 3, ChainCheck.Kind.ROWS_MISSING));
		}
		finally {
			reinsert(row);
		}
		assertThat(chain.verify(day, day).intact()).isTrue();
	}

	@Test
	void theNewestRowsRemovedAreFound() {
		LocalDate day = LocalDate.of(2200, 1, 5);
		List<Long> ids = writeRows(day, 3);
		Map<String, Object> last = jdbc.sql("select * from audit_event where id = :id").param("id", ids.get(2))
			.query().singleRow();
		asSuperuser("delete from audit_event where id = :id", Map.of("id", ids.get(2)));
		try {
			ChainCheck check = chain.verify(day, day);
			assertThat(check.firstBreak())
				.isEqualTo(new ChainCheck.Break(day, ids.get(1), 3, ChainCheck.Kind.ROWS_MISSING_AT_END));
		}
		finally {
			reinsert(last);
		}
		assertThat(chain.verify(day, day).intact()).isTrue();
	}

	@Test
	void theChainHeadCannotBeMovedBackOrRemoved() {
		LocalDate day = LocalDate.of(2200, 1, 6);
		writeRows(day, 2);
		for (String sql : List.of("update audit_chain_head set last_seq = 1 where chain_day = :d",
				"delete from audit_chain_head where chain_day = :d")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(sql).param("d", day).update())
				.hasStackTraceContaining("only moves forward");
		}
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("truncate audit_chain_head").update())
			.hasStackTraceContaining("only moves forward");
		assertThat(chain.verify(day, day).intact()).isTrue();
	}

	@Test
	void fortyParallelAuditedRequestsKeepTheChain() throws Exception {
		// One of mentor1's own students (their list also shows the rest of the class: ADR 0018).
		long student = jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 join student s on s.id = ma.student_id where u.username = 'mentor1' order by s.student_no""")
			.query(Long.class).list().get(0);
		LocalDate today = LocalDate.now(clock);
		long before = jdbc.sql("select count(*) from audit_event where action = 'ARCHIVE_READ' and student_id = :s")
			.param("s", student).query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(40);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String user = i % 2 == 0 ? "mentor1" : "psych1";
				calls.add(() -> api.get(user, "/api/v1/students/" + student + "/archive").status());
			}
			for (Future<Integer> f : pool.invokeAll(calls)) {
				assertThat(f.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		long after = jdbc.sql("select count(*) from audit_event where action = 'ARCHIVE_READ' and student_id = :s")
			.param("s", student).query(Long.class).single();
		assertThat(after - before).isEqualTo(40);
		ChainCheck check = chain.verify(today.minusDays(1), today);
		assertThat(check.breaks()).isEmpty();
		assertThat(check.rows()).isGreaterThanOrEqualTo(40);
	}

	@Test
	void javaAndTheDatabaseBuildTheSameCanonicalForm() {
		Instant at = Instant.parse("2026-12-01T08:15:30.123456Z");
		LocalDate day = LocalDate.of(2026, 12, 1);
		String[] tricky = { null, "", "心网格 · 一生一档", "a|b~c:1", "line\nbreak\ttab", "😀 emoji", "9:fake|~" };
		for (String text : tricky) {
			AuditHash.Fields f = new AuditHash.Fields(42, at, day, 7, text == null ? null : 3L, "user " + text,
					"ACTION", "res/" + text, text == null ? 11L : null, text, text, AuditHash.GENESIS);
			String sql = jdbc.sql("""
					select audit_event_hash(:id, :at, :day, :seq, :userId, :username, :action, :resource, :studentId,
					                        :detail, :addr, :prev)""")
				.param("id", f.id())
				.param("at", at.atOffset(ZoneOffset.UTC))
				.param("day", day)
				.param("seq", f.chainSeq())
				.param("userId", f.userId(), java.sql.Types.BIGINT)
				.param("username", f.username())
				.param("action", f.action())
				.param("resource", f.resource())
				.param("studentId", f.studentId(), java.sql.Types.BIGINT)
				.param("detail", f.detail(), java.sql.Types.VARCHAR)
				.param("addr", f.remoteAddr(), java.sql.Types.VARCHAR)
				.param("prev", f.prevHash())
				.query(String.class)
				.single();
			assertThat(AuditHash.of(f)).as(String.valueOf(text)).isEqualTo(sql);
		}
	}

	@Test
	void textThePostgresTextTypeCannotHoldIsStoredCleanedAndChained() {
		LocalDate day = LocalDate.of(2200, 1, 7);
		Instant noon = day.atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
		clock.advance(Duration.between(clock.instant(), noon));
		try {
			tx.executeWithoutResult(s -> audit.record("TEST_NUL", "test/nul", null, "a\u0000b\uD800c"));
		}
		finally {
			clock.reset();
		}
		assertThat(jdbc.sql("select detail from audit_event where action = 'TEST_NUL' and chain_day = :d")
			.param("d", day).query(String.class).single()).isEqualTo("a\uFFFDb?c");
		assertThat(chain.verify(day, day).intact()).isTrue();
	}

	@Test
	void onlyLeadersAndTheAdministratorCheckAndBadDatesNameTheirField() {
		var page = PageClient.login(port, "principal1").get("/audit/integrity");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("访问记录完整性校验").contains("data-intact=\"true\"");
		assertThat(PageClient.login(port, "admin").get("/audit/integrity?lang=en").body())
			.contains("Access log integrity");
		assertThat(PageClient.login(port, "mentor1").get("/audit/integrity").status()).isEqualTo(403);
		assertThat(PageClient.login(port, "psych1").get("/audit/integrity").status()).isEqualTo(403);

		long checks = jdbc.sql("select count(*) from audit_event where action = 'AUDIT_VERIFY'").query(Long.class).single();
		assertThat(api.get("principal1", "/api/v1/audit/integrity").json().get("intact").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'AUDIT_VERIFY'").query(Long.class).single())
			.isEqualTo(checks + 1);

		for (String query : List.of("from=2026-02-30", "to=yesterday", "from=99999-01-01", "from=1066-10-14",
				"from=2026-12-01%00", "to=" + "9".repeat(5000))) {
			var r = api.get("principal1", "/api/v1/audit/integrity?lang=en&" + query);
			assertThat(r.status()).as(query).isEqualTo(400);
			assertThat(r.contentType()).startsWith("application/problem+json");
			String field = query.substring(0, query.indexOf('='));
			// the field is named: in the detail, or (refused before the controller, e.g. a NUL) in errors
			assertThat(r.json().get("detail").asString() + r.json().path("errors").toString()).as(query)
				.contains(field);
		}
		var zh = api.get("principal1", "/api/v1/audit/integrity?from=2026-13-01");
		assertThat(zh.json().get("detail").asString()).contains("参数 from 不是有效的日期");
		var range = api.get("principal1", "/api/v1/audit/integrity?from=2026-12-02&to=2026-12-01");
		assertThat(range.status()).isEqualTo(400);
		assertThat(range.json().get("code").asString()).isEqualTo("audit.integrity.bad-range");
		assertThat(api.get("principal1", "/api/v1/audit/integrity?from=2024-01-01&to=2026-12-01").status())
			.isEqualTo(400);
		var badPage = PageClient.login(port, "principal1").get("/audit/integrity?from=x");
		assertThat(badPage.status()).isEqualTo(400);
		assertThat(badPage.body()).contains("参数 from 不是有效的日期");
	}

	private void reinsert(Map<String, Object> row) {
		tx.executeWithoutResult(s -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql("""
					insert into audit_event (id, occurred_at, user_id, username, action, resource, student_id, detail,
					                         remote_addr, chain_day, chain_seq, prev_hash, hash)
					values (:id, :occurred_at, :user_id, :username, :action, :resource, :student_id, :detail,
					        :remote_addr, :chain_day, :chain_seq, :prev_hash, :hash)""").paramSource(row).update();
		});
	}
}
