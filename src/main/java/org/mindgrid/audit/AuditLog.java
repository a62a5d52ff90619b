package org.mindgrid.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
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

	private static final String TRAIL = """
			select id, occurred_at, user_id, username, action, resource, student_id, detail, remote_addr
			  from audit_event where student_id = :student
			union all
			select a.id, a.occurred_at, a.user_id, a.username, a.action, a.resource, a.student_id, a.detail, a.remote_addr
			  from audit_event a join student s on s.id = :student and a.grant_school_id = s.school_id
			 where a.grant_event and a.student_id is null and a.grant_class_id is null
			union all
			select a.id, a.occurred_at, a.user_id, a.username, a.action, a.resource, a.student_id, a.detail, a.remote_addr
			  from audit_event a join student s on s.id = :student and a.grant_school_id = s.school_id
			                                    and a.grant_class_id = s.class_id
			 where a.grant_event and a.student_id is null""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final Clock clock;

	private final AuditChainWriter writer;

	private final TransactionTemplate tx;

	/** For the lines of a read-only transaction, which cannot insert them itself (ADR 0030). */
	private final TransactionTemplate ownTransaction;

	AuditLog(JdbcClient jdbc, CurrentUsers users, Clock clock, AuditChainWriter writer, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		this.writer = writer;
		this.tx = tx;
		this.ownTransaction = new TransactionTemplate(tx.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param action e.g. {@code ARCHIVE_READ}, {@code ARCHIVE_UPDATE}, {@code ROSTER_IMPORT}
	 * @param resource what was touched, e.g. {@code student/42/archive}
	 */
	public void record(String action, String resource, Long studentId, String detail) {
		record(action, resource, studentId, detail, null);
	}

	/**
	 * Records a line; with {@code grant} set it is a security event (a post granted or removed, a mentor assigned)
	 * that the school's leaders list and that the trail of every student it covers shows (ADR 0015). The grant
	 * columns index the facts that the chained {@code resource} and {@code detail} already state.
	 */
	public void record(String action, String resource, Long studentId, String detail, PostGrant grant) {
		var user = users.find();
		append(user.map(u -> u.id()).orElse(null), user.map(u -> u.username()).orElse("system"), action, resource,
				studentId, detail, remoteAddress(), grant);
	}

	/**
	 * A line on behalf of a user outside the request's security context (a refused request, recorded after its
	 * answer in a transaction of its own), chained like every other line.
	 */
	public void recordFor(long userId, String username, String action, String resource, Long studentId, String detail,
			String remoteAddr) {
		append(userId, username, action, resource, studentId, detail, remoteAddr, null);
		// written at once: the caller counts such lines in the same transaction
		PendingEvents.flushCurrent(writer);
	}

	private void append(Long userId, String username, String action, String resource, Long studentId, String detail,
			String remoteAddr, PostGrant grant) {
		// Stored with microsecond precision: hash what the database keeps.
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		PendingEvent event = new PendingEvent(at, at.atZone(clock.getZone()).toLocalDate(), userId,
				PendingEvent.clean(username), PendingEvent.clean(action), PendingEvent.clean(resource), studentId,
				PendingEvent.clean(detail), PendingEvent.clean(remoteAddr), grant);
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			PendingEvents.of(writer, ownTransaction).add(event);
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
				PendingEvent.clean(resource), null, PendingEvent.clean(detail), null, null);
		AuditChainWriter writer = new AuditChainWriter(jdbc, new NamedParameterJdbcTemplate(dataSource));
		new TransactionTemplate(new DataSourceTransactionManager(dataSource))
			.executeWithoutResult(status -> writer.append(List.of(event)));
		return true;
	}

	/**
	 * The student's own lines and the grants covering their school or current class, newest first, including the
	 * lines of the current transaction (reading the trail is itself on it); one indexed branch each, so a school
	 * post is one row however many students it covers. The caller checks that the reader may see this trail.
	 */
	public List<AuditRecord> trail(long studentId, int page, int size) {
		PendingEvents.flushCurrent(writer);
		return jdbc.sql(TRAIL + " order by occurred_at desc, id desc limit :size offset :offset")
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
		return jdbc.sql("select count(*) from (" + TRAIL + ") t")
			.param("student", studentId)
			.query(Long.class)
			.single();
	}

	/** The school's post events (grants, removals, mentor assignments), newest first. The caller checks the reader. */
	public List<GrantEvent> grantEvents(long schoolId, int page, int size) {
		PendingEvents.flushCurrent(writer);
		return jdbc.sql("""
				select id, occurred_at, user_id, username, action, grant_user_id, grant_role, grant_school_id,
				       grant_class_id, student_id, detail, remote_addr
				  from audit_event where grant_event and grant_school_id = :school
				 order by occurred_at desc, id desc limit :size offset :offset""")
			.param("school", schoolId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, i) -> new GrantEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5), rs.getLong(6), Role.valueOf(rs.getString(7)),
					(Long) rs.getObject(8), (Long) rs.getObject(9), (Long) rs.getObject(10), rs.getString(11),
					rs.getString(12)))
			.list();
	}

	public long grantEventCount(long schoolId) {
		return jdbc.sql("select count(*) from audit_event where grant_event and grant_school_id = :school")
			.param("school", schoolId)
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
