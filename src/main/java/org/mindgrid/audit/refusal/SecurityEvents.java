package org.mindgrid.audit.refusal;

import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refusals a school's leaders and psychology teachers see: those of the school's own staff, and those on the
 * school's own students (a teacher of another school looking for them). Scoped in SQL; reading them is audited.
 */
@Component
class SecurityEvents {

	/** Staff of the school now (posts, or the school an account was created for), or a student of the school. */
	private static final String SCOPE = """
			 from audit_event e
			where e.action = 'ACCESS_REFUSED'
			  and (e.user_id in (select p.user_id from post p where p.school_id = :school
			                     union select u.id from app_user u where u.school_id = :school)
			       or e.student_id in (select s.id from student s where s.school_id = :school))
			  and (cast(:user as bigint) is null or e.user_id = :user)""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	SecurityEvents(JdbcClient jdbc, CurrentUsers users, AuditLog audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
	}

	@Transactional
	Page<SecurityEvent> page(long schoolId, Long userId, int page, int size) {
		requireOverseer(schoolId);
		long total = jdbc.sql("select count(*)" + SCOPE)
			.param("school", schoolId)
			.param("user", userId)
			.query(Long.class)
			.single();
		List<SecurityEvent> items = jdbc.sql("""
				select e.id, e.occurred_at, e.user_id, e.username, e.resource, e.detail, e.student_id, e.remote_addr"""
				+ SCOPE + " order by e.occurred_at desc, e.id desc limit :size offset :offset")
			.param("school", schoolId)
			.param("user", userId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, i) -> SecurityEvent.of(rs.getLong(1), rs.getTimestamp(2).toInstant(), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8)))
			.list();
		audit.record("SECURITY_EVENTS_READ", "school/" + schoolId + "/security-events", null,
				"page " + page + (userId == null ? "" : " user " + userId));
		return new Page<>(items, total, page, size);
	}

	/** The school whose events the caller oversees (their first such post), for the page without a school. */
	long ownSchool() {
		return users.current()
			.posts()
			.stream()
			.filter(p -> p.schoolId() != null && isOverseer(p.role()))
			.map(Post::schoolId)
			.findFirst()
			.orElseThrow(() -> ApiProblem.forbidden("audit.security-events.forbidden"));
	}

	/**
	 * Leaders and psychology teachers of the school read its events. Others who work at the school, bureau officers
	 * and administrators get 403; staff of other schools cannot know the school's events exist: 404.
	 */
	private void requireOverseer(long schoolId) {
		CurrentUser user = users.current();
		if (user.hasRoleAtSchool(schoolId, Role.SCHOOL_LEADER, Role.PSYCH_TEACHER)) {
			return;
		}
		boolean worksThere = user.posts().stream().anyMatch(p -> p.schoolId() != null && p.schoolId() == schoolId);
		if (worksThere || user.isBureauOnly() || user.hasRole(Role.SYSTEM_ADMIN)) {
			throw ApiProblem.forbidden("audit.security-events.forbidden");
		}
		throw ApiProblem.notFound("audit.security-events.not-found");
	}

	private static boolean isOverseer(Role role) {
		return role == Role.SCHOOL_LEADER || role == Role.PSYCH_TEACHER;
	}
}
