package org.mindgrid.reporting.indicator;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUsers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a district dashboard shows beside the indicators (issue 12 point 4): the warning database counted per school
 * (no names; small cells hidden by {@link SmallCells}) and the crisis events with their 1-hour clock. The reader's
 * scope is part of each query: the district's officers, or the officers of its city; anyone else reads nothing.
 */
@Component
public class DistrictFacts {

	/** The open cases of a school in the warning database, by category (1, 2, 3) as a bureau may see them. */
	public record WarningRow(long schoolId, String school, SmallCells.Row counts) {
	}

	/**
	 * A crisis event on the dashboard: where, what, when, and its 1-hour report (status DUE, OVERDUE, ON_TIME or
	 * LATE, as the crisis module words it; minutes past the hour for the last two).
	 */
	public record CrisisLine(long id, long schoolId, String school, String kind, Instant raisedAt, Instant reportDueAt,
			Instant reportSubmittedAt, String reportStatus, long lateMinutes, boolean closed) {
	}

	private static final String READER = """
			exists (select 1 from post p join app_user u on u.id = p.user_id and u.enabled
			         where p.user_id = :me
			           and ((p.role = 'DISTRICT_OFFICER' and p.district_id = d.id)
			             or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)))""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Clock clock;

	DistrictFacts(JdbcClient jdbc, CurrentUsers users, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every school of the district with its open cases in the warning database per category. */
	@Transactional
	public List<WarningRow> warningDatabase(long districtId) {
		List<WarningRow> rows = jdbc.sql("""
				select s.id, s.name,
				       count(c.id) filter (where c.category = 1),
				       count(c.id) filter (where c.category = 2),
				       count(c.id) filter (where c.category = 3)
				  from district d join school s on s.district_id = d.id
				  left join warning_case c on c.school_id = s.id and c.ended_at is null and c.in_database
				 where d.id = :d and """ + " " + READER + """

				 group by s.id, s.name order by s.name, s.id""")
			.param("d", districtId).param("me", users.current().id())
			.query((rs, i) -> new WarningRow(rs.getLong(1), rs.getString(2),
					SmallCells.row(rs.getLong(3), rs.getLong(4), rs.getLong(5))))
			.list();
		audit.record("WARNING_COUNTS_READ", "district/" + districtId + "/warning-database", null, null);
		return rows;
	}

	/** The district's warning database by category at each month's end; counts of 1–4 left out. */
	@Transactional
	public CategoryTrend categoryTrend(long districtId, YearMonth last, int months) {
		boolean reader = jdbc.sql("select " + READER + " from district d where d.id = :d")
			.param("d", districtId).param("me", users.current().id()).query(Boolean.class).optional().orElse(false);
		if (!reader) {
			throw org.mindgrid.shared.web.ApiProblem.forbidden("indicator.problem.forbidden");
		}
		return CategoryTrend.of(jdbc, "c.school_id in (select s.id from school s where s.district_id = :id)", districtId,
				last, months, clock.getZone(), true);
	}

	/** The month's crisis events of the district, and any earlier one still open, newest first (at most 50). */
	@Transactional
	public List<CrisisLine> crisisEvents(long districtId, YearMonth month) {
		List<CrisisLine> lines = lines("e.district_id = :d and " + READER, districtId, month);
		audit.record("CRISIS_EVENTS_READ", "district/" + districtId + "/crisis-events/" + month, null, null);
		return lines;
	}

	/** The same for a school's dashboard: its leaders, administrators, psychology teachers and crisis team. */
	@Transactional
	public List<CrisisLine> schoolCrisisEvents(long schoolId, YearMonth month) {
		List<CrisisLine> lines = lines("""
				e.school_id = :d and exists (select 1 from post p where p.user_id = :me and p.school_id = e.school_id
				   and p.role in ('SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM'))""", schoolId, month);
		audit.record("CRISIS_EVENTS_READ", "school/" + schoolId + "/crisis-events/" + month, null, null);
		return lines;
	}

	private List<CrisisLine> lines(String scope, long id, YearMonth month) {
		ZoneId zone = clock.getZone();
		Instant now = clock.instant();
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		return jdbc.sql("""
				select e.id, s.id, s.name, e.kind, e.raised_at, e.report_due_at, e.report_submitted_at,
				       case when e.report_submitted_at is not null
				            then case when e.report_submitted_at > e.report_due_at then 'LATE' else 'ON_TIME' end
				            when cast(:now as timestamptz) < e.report_due_at then 'DUE' else 'OVERDUE' end,
				       greatest(1, floor(extract(epoch from coalesce(e.report_submitted_at, cast(:now as timestamptz))
				                                   - e.report_due_at) / 60))::bigint,
				       e.closed_at is not null
				  from crisis_event e join district d on d.id = e.district_id join school s on s.id = e.school_id
				 where ((e.raised_at >= :from and e.raised_at < :to) or (e.closed_at is null and e.raised_at < :to))
				   and """ + " " + scope + """

				 order by e.raised_at desc, e.id desc limit 50""")
			.param("d", id).param("me", users.current().id()).param("now", Timestamp.from(now))
			.param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, i) -> new CrisisLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getLong(9),
					rs.getBoolean(10)))
			.list();
	}
}
