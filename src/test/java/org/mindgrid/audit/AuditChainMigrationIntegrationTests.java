package org.mindgrid.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that has audit rows from before the chain (ADR 0013): the migration chains them day by day in the
 * order they happened, in SQL, and the Java verifier agrees with every hash; new rows continue the chains.
 */
class AuditChainMigrationIntegrationTests {

	@Test
	void rowsWrittenBeforeTheChainAreChainedByTheMigration() throws Exception {
		Path dir = Files.createTempDirectory("mindgrid-chain-migration");
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(dir.toFile())
			.setDataDirectory(dir.resolve("pg"))
			.start()) {
			DataSource ds = pg.getPostgresDatabase();
			// The schema as it was before issue 6 (its last migration).
			Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("20261123.2300").load().migrate();
			JdbcClient jdbc = JdbcClient.create(ds);
			insertLegacy(jdbc, "2026-11-30T15:59:59.999999Z", 7L, "psych1", "ARCHIVE_READ", 11L, "版本 2"); // 23:59 Shanghai
			insertLegacy(jdbc, "2026-11-30T16:00:00Z", null, "system", "ROSTER_IMPORT", null, null); // next day 00:00
			insertLegacy(jdbc, "2026-11-30T09:00:00Z", 8L, "mentor1", "TALK_CREATE", 12L, "a|b~c:1\n");
			insertLegacy(jdbc, "2026-11-30T16:00:00Z", 9L, "head1", "ARCHIVE_UPDATE", 12L, "😀");

			Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

			assertThat(jdbc.sql("select count(*) from audit_event where hash is null").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select chain_day || ':' || chain_seq || ':' || action from audit_event order by id")
				.query(String.class).list()).containsExactly("2026-11-30:2:ARCHIVE_READ", "2026-12-01:1:ROSTER_IMPORT",
						"2026-11-30:1:TALK_CREATE", "2026-12-01:2:ARCHIVE_UPDATE");
			ChainCheck check = AuditChain.over(ds).verifyAll();
			assertThat(check.breaks()).isEmpty();
			assertThat(check.rows()).isEqualTo(4);
			assertThat(check.days()).extracting(ChainCheck.Day::day)
				.containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1));

			// The next line joins the chain of its day.
			Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
			assertThat(AuditLog.recordCommand(ds, clock, "DATABASE_BACKUP", "backup/x", null)).isTrue();
			assertThat(jdbc.sql("select chain_seq from audit_event where action = 'DATABASE_BACKUP'").query(Long.class)
				.single()).isEqualTo(3);
			assertThat(AuditChain.over(ds).verifyAll().intact()).isTrue();
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static void insertLegacy(JdbcClient jdbc, String at, Long userId, String username, String action,
			Long studentId, String detail) {
		jdbc.sql("""
				insert into audit_event (occurred_at, user_id, username, action, resource, student_id, detail, remote_addr)
				values (:at, :userId, :username, :action, 'legacy', :studentId, :detail, '127.0.0.1')""")
			.param("at", Instant.parse(at).atOffset(ZoneOffset.UTC))
			.param("userId", userId, java.sql.Types.BIGINT)
			.param("username", username)
			.param("action", action)
			.param("studentId", studentId, java.sql.Types.BIGINT)
			.param("detail", detail, java.sql.Types.VARCHAR)
			.update();
	}
}
