package org.mindgrid.crisis.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who reaches a crisis event, decided in SQL from the caller's posts (issue 10 point 6): the school's team all
 * events of the school, a head teacher those of their class, anyone what they raised, district and city officers
 * those of their area. Anyone else gets 404, as for a student outside their scope.
 */
@Service
public class EventAccess {

	/** The event, how the caller reaches it, and the caller. */
	public record Access(EventRef event, Reach reach, CurrentUser user) {
	}

	static final String COLUMNS = """
			e.id, e.school_id, e.district_id, e.city_id, e.student_id, e.class_id, e.kind, e.occurred_at, e.raised_at,
			e.raised_by, e.report_due_at, e.report_submitted_at, e.case_id, e.closed_at, e.version""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	EventAccess(JdbcClient jdbc, CurrentUsers users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/**
	 * A predicate on {@code crisis_event} rows under {@code alias}: the caller reaches the row. Named parameter
	 * {@code :crisisUser}.
	 */
	public static String predicate(String alias) {
		return " (" + alias + ".raised_by = :crisisUser or exists (select 1 from post p where p.user_id = :crisisUser and ("
				+ " (p.role in ('SCHOOL_LEADER', 'PSYCH_TEACHER', 'CRISIS_TEAM') and p.school_id = " + alias + ".school_id)"
				+ " or (p.role = 'HEAD_TEACHER' and p.class_id = " + alias + ".class_id)"
				+ " or (p.role = 'DISTRICT_OFFICER' and p.district_id = " + alias + ".district_id)"
				+ " or (p.role = 'CITY_OFFICER' and p.city_id = " + alias + ".city_id)))) ";
	}

	/** The event as the current user reaches it; 404 {@code crisis.not-found} when they do not. */
	public Access require(long eventId) {
		return require(eventId, users.current());
	}

	public Access require(long eventId, CurrentUser user) {
		record Row(EventRef event, String reach) {
		}
		var row = jdbc.sql("select " + COLUMNS + """
				, case when exists (select 1 from post p where p.user_id = :u and p.school_id = e.school_id
				                       and p.role in ('SCHOOL_LEADER', 'PSYCH_TEACHER', 'CRISIS_TEAM')) then 'TEAM'
				       when exists (select 1 from post p where p.user_id = :u and p.role = 'HEAD_TEACHER'
				                       and p.class_id = e.class_id) then 'HEAD_TEACHER'
				       when e.raised_by = :u then 'RAISER'
				       when exists (select 1 from post p where p.user_id = :u and p.role = 'DISTRICT_OFFICER'
				                       and p.district_id = e.district_id) then 'DISTRICT'
				       when exists (select 1 from post p where p.user_id = :u and p.role = 'CITY_OFFICER'
				                       and p.city_id = e.city_id) then 'CITY'
				   end as reach
				  from crisis_event e where e.id = :id""")
			.param("u", user.id())
			.param("id", eventId)
			.query((rs, i) -> new Row(ref(rs), rs.getString("reach")))
			.optional();
		if (row.isEmpty() || row.get().reach() == null) {
			throw ApiProblem.notFound("crisis.not-found", eventId);
		}
		return new Access(row.get().event(), Reach.valueOf(row.get().reach()), user);
	}

	/** The event as the database holds it, unchecked: for jobs. */
	public EventRef ref(long eventId) {
		return jdbc.sql("select " + COLUMNS + " from crisis_event e where e.id = :id").param("id", eventId)
			.query((rs, i) -> ref(rs)).single();
	}

	static EventRef ref(ResultSet rs) throws SQLException {
		return new EventRef(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("district_id"), rs.getLong("city_id"),
				(Long) rs.getObject("student_id"), (Long) rs.getObject("class_id"), rs.getString("kind"),
				instant(rs.getTimestamp("occurred_at")), instant(rs.getTimestamp("raised_at")), rs.getLong("raised_by"),
				instant(rs.getTimestamp("report_due_at")), instant(rs.getTimestamp("report_submitted_at")),
				(Long) rs.getObject("case_id"), instant(rs.getTimestamp("closed_at")), rs.getInt("version"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
