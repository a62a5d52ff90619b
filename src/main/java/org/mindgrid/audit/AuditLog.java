package org.mindgrid.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.identity.CurrentUsers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records reads and writes in {@code audit_event}, which the database keeps append-only. Callers record inside
 * their own transaction, so a change and its audit line commit together or not at all.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, CurrentUsers users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * @param action e.g. {@code ARCHIVE_READ}, {@code ARCHIVE_UPDATE}, {@code ROSTER_IMPORT}
	 * @param resource what was touched, e.g. {@code student/42/archive}
	 */
	public void record(String action, String resource, Long studentId, String detail) {
		var user = users.find();
		jdbc.sql("""
				insert into audit_event (occurred_at, user_id, username, action, resource, student_id, detail, remote_addr)
				values (:at, :userId, :username, :action, :resource, :studentId, :detail, :addr)""")
			.param("at", Timestamp.from(clock.instant()))
			.param("userId", user.map(u -> u.id()).orElse(null))
			.param("username", user.map(u -> u.username()).orElse("system"))
			.param("action", action)
			.param("resource", resource)
			.param("studentId", studentId)
			.param("detail", detail)
			.param("addr", remoteAddress())
			.update();
	}

	/** Newest first. The caller checks that the reader may see this student's trail. */
	public List<AuditRecord> trail(long studentId, int page, int size) {
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
