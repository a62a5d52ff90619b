package org.mindgrid.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;

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

	/**
	 * A student's trail: their own lines, the grants at their school (no class) and at their current class. The
	 * three branches are disjoint (a student's own line names them; grant lines covering many name nobody).
	 */
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
		record(action, resource, studentId, detail, null);
	}

	/**
	 * Records a line; with {@code grant} set it is a security event (a post granted or removed, a mentor assigned)
	 * that the school's leaders list and that the trail of every student it covers shows.
	 */
	public void record(String action, String resource, Long studentId, String detail, PostGrant grant) {
		var user = users.find();
		jdbc.sql("""
				insert into audit_event (occurred_at, user_id, username, action, resource, student_id, detail, remote_addr,
				                         grant_event, grant_user_id, grant_role, grant_school_id, grant_class_id)
				values (:at, :userId, :username, :action, :resource, :studentId, :detail, :addr,
				        :grant, :holder, :role, :school, :class)""")
			.param("at", Timestamp.from(clock.instant()))
			.param("userId", user.map(u -> u.id()).orElse(null))
			.param("username", user.map(u -> u.username()).orElse("system"))
			.param("action", action)
			.param("resource", resource)
			.param("studentId", studentId)
			.param("detail", detail)
			.param("addr", remoteAddress())
			.param("grant", grant != null)
			.param("holder", grant == null ? null : grant.holderUserId())
			.param("role", grant == null ? null : grant.role().name())
			.param("school", grant == null ? null : grant.schoolId())
			.param("class", grant == null ? null : grant.classId())
			.update();
	}

	/**
	 * The student's own lines and the grants covering their school or current class, newest first; one indexed
	 * branch each, so a school post is one row however many students it covers. The caller checks the reader.
	 */
	public List<AuditRecord> trail(long studentId, int page, int size) {
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
		return jdbc.sql("select count(*) from (" + TRAIL + ") t")
			.param("student", studentId)
			.query(Long.class)
			.single();
	}

	/** The school's post events (grants, removals, mentor assignments), newest first. The caller checks the reader. */
	public List<GrantEvent> grantEvents(long schoolId, int page, int size) {
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
