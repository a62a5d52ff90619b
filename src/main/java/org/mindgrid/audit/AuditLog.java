package org.mindgrid.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.identity.CurrentUsers;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records reads and writes in {@code audit_event}, which the database keeps append-only and hash-chained (ADR
 * 0013). Callers record inside their own transaction, so a change and its audit line commit together or not at
 * all; the line is chained and inserted just before that transaction commits, so the chain's lock is held for the
 * commit only, never while the caller works.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final Clock clock;

	private final AuditChainWriter writer;

	private final TransactionTemplate tx;

	AuditLog(JdbcClient jdbc, CurrentUsers users, Clock clock, AuditChainWriter writer, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		this.writer = writer;
		this.tx = tx;
	}

	/**
	 * @param action e.g. {@code ARCHIVE_READ}, {@code ARCHIVE_UPDATE}, {@code ROSTER_IMPORT}
	 * @param resource what was touched, e.g. {@code student/42/archive}
	 */
	public void record(String action, String resource, Long studentId, String detail) {
		var user = users.find();
		// Stored with microsecond precision: hash what the database keeps.
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		PendingEvent event = new PendingEvent(at, at.atZone(clock.getZone()).toLocalDate(),
				user.map(u -> u.id()).orElse(null), PendingEvent.clean(user.map(u -> u.username()).orElse("system")),
				PendingEvent.clean(action), PendingEvent.clean(resource), studentId, PendingEvent.clean(detail),
				PendingEvent.clean(remoteAddress()));
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			PendingEvents.of(writer).add(event);
		}
		else {
			tx.executeWithoutResult(status -> writer.append(List.of(event)));
		}
	}

	/**
	 * One line written by a command line mode (backup, restore), which runs without the application: by the
	 * operating-system user, chained like every other line. False when the database has no audit chain yet (a
	 * schema older than ADR 0013; the application chains it when it next starts).
	 */
	public static boolean recordCommand(DataSource dataSource, Clock clock, String action, String resource,
			String detail) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		boolean chained = jdbc.sql("select to_regclass('audit_chain_head') is not null").query(Boolean.class).single();
		if (!chained) {
			return false;
		}
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		PendingEvent event = new PendingEvent(at, at.atZone(clock.getZone()).toLocalDate(), null,
				PendingEvent.clean("command:" + System.getProperty("user.name", "?")), action,
				PendingEvent.clean(resource), null, PendingEvent.clean(detail), null);
		AuditChainWriter writer = new AuditChainWriter(jdbc, new NamedParameterJdbcTemplate(dataSource));
		new TransactionTemplate(new DataSourceTransactionManager(dataSource))
			.executeWithoutResult(status -> writer.append(List.of(event)));
		return true;
	}

	/**
	 * Newest first, including the lines of the current transaction (reading the trail is itself on it). The caller
	 * checks that the reader may see this student's trail.
	 */
	public List<AuditRecord> trail(long studentId, int page, int size) {
		PendingEvents.flushCurrent(writer);
		return jdbc.sql("""
				select id, occurred_at, user_id, username, action, resource, student_id, detail, remote_addr
				  from audit_event where student_id = :student order by occurred_at desc, id desc
				 limit :size offset :offset""")
			.param("student", studentId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, i) -> new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8),
					rs.getString(9)))
			.list();
	}

	public long trailSize(long studentId) {
		PendingEvents.flushCurrent(writer);
		return jdbc.sql("select count(*) from audit_event where student_id = :student")
			.param("student", studentId)
			.query(Long.class)
			.single();
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
