package org.mindgrid.reporting.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export to the provincial crisis warning platform (issue 12 point 9, fields in docs/provincial-export.md): the
 * warning database's cases open at some time in a date range and the crisis events raised in it, for a school or a
 * district, with a stable id per case and per event and no free text at all (no names, summaries, places or notes).
 * A school's psychology teachers and leaders export their school; a district's officers, and its city's, the
 * district or one of its schools. Checked in SQL; every export is audited.
 */
@Service
public class ProvincialExport {

	/** The longest range one export covers: a school year and a little. */
	public static final int MAX_DAYS = 400;

	public record Scope(String level, long id, String name) {
	}

	public record CaseRow(String caseId, long schoolId, String school, String gender, Integer gradeLevel,
			Integer category, boolean inDatabase, String state, LocalDate openedOn, LocalDate endedOn) {
	}

	public record EventRow(String eventId, long schoolId, String school, String kind, Instant occurredAt,
			Instant raisedAt, Instant reportDueAt, Instant reportSubmittedAt, String reportStatus, Instant closedAt,
			String caseId) {
	}

	public record Export(String format, Instant generatedAt, Scope scope, LocalDate from, LocalDate to,
			List<CaseRow> cases, List<EventRow> crisisEvents) {
	}

	private static final String SCHOOL_READER = """
			exists (select 1 from post p join school s on s.id = :s join district d on d.id = s.district_id
			         where p.user_id = :me
			           and ((p.school_id = s.id and p.role in ('PSYCH_TEACHER', 'SCHOOL_LEADER'))
			             or (p.role = 'DISTRICT_OFFICER' and p.district_id = d.id)
			             or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)))""";

	private static final String DISTRICT_READER = """
			exists (select 1 from post p join district d on d.id = :d
			         where p.user_id = :me
			           and ((p.role = 'DISTRICT_OFFICER' and p.district_id = d.id)
			             or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)))""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final FieldProblems problems;

	private final Clock clock;

	ProvincialExport(JdbcClient jdbc, CurrentUsers users, AuditLog audit, FieldProblems problems, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.problems = problems;
		this.clock = clock;
	}

	@Transactional
	public Export export(Long schoolId, Long districtId, LocalDate from, LocalDate to, String format) {
		if ((schoolId == null) == (districtId == null)) {
			throw problems.field("schoolId", "export.problem.scope");
		}
		LocalDate today = LocalDate.now(clock);
		if (from.getYear() < 2000 || from.isAfter(today)) {
			throw problems.field("from", "export.problem.from");
		}
		if (to.isBefore(from)) {
			throw problems.field("to", "export.problem.range");
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS || to.isAfter(today.plusYears(1))) {
			throw problems.field("to", "export.problem.too-long", MAX_DAYS);
		}
		long me = users.current().id();
		Scope scope;
		String where;
		long id;
		if (schoolId != null) {
			boolean reader = jdbc.sql("select " + SCHOOL_READER).param("s", schoolId).param("me", me)
				.query(Boolean.class).single();
			if (!reader) {
				// an unknown school gets the same answer as a foreign one
				throw ApiProblem.forbidden("export.problem.forbidden");
			}
			scope = new Scope("school", schoolId, jdbc.sql("select name from school where id = :s").param("s", schoolId)
				.query(String.class).single());
			where = "s.id = :id";
			id = schoolId;
		}
		else {
			boolean reader = jdbc.sql("select " + DISTRICT_READER).param("d", districtId).param("me", me)
				.query(Boolean.class).single();
			if (!reader) {
				throw ApiProblem.forbidden("export.problem.forbidden");
			}
			scope = new Scope("district", districtId, jdbc.sql("select name from district where id = :d")
				.param("d", districtId).query(String.class).single());
			where = "s.district_id = :id";
			id = districtId;
		}
		Instant start = from.atStartOfDay(clock.getZone()).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		Instant now = clock.instant();
		List<CaseRow> cases = jdbc.sql("""
				select c.id, s.id, s.name, st.gender, g.level, c.category, c.in_database, c.state, c.opened_at, c.ended_at
				  from warning_case c join school s on s.id = c.school_id join student st on st.id = c.student_id
				  left join school_class k on k.id = st.class_id left join grade g on g.id = k.grade_id
				 where """ + " " + where + """
				   and c.opened_at < :end and (c.ended_at is null or c.ended_at >= :start)
				 order by c.id""")
			.param("id", id).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
			.query((rs, n) -> new CaseRow(caseId(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getBoolean(7), rs.getString(8),
					day(rs, 9), day(rs, 10)))
			.list();
		List<EventRow> events = jdbc.sql("""
				select e.id, s.id, s.name, e.kind, e.occurred_at, e.raised_at, e.report_due_at, e.report_submitted_at,
				       case when e.report_submitted_at is not null
				            then case when e.report_submitted_at > e.report_due_at then 'LATE' else 'ON_TIME' end
				            when cast(:now as timestamptz) < e.report_due_at then 'DUE' else 'OVERDUE' end,
				       e.closed_at, e.case_id
				  from crisis_event e join school s on s.id = e.school_id
				 where """ + " " + where + """
				   and e.raised_at >= :start and e.raised_at < :end
				 order by e.id""")
			.param("id", id).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new EventRow(eventId(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
					instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9), instant(rs, 10),
					rs.getObject(11) == null ? null : caseId(rs.getLong(11))))
			.list();
		audit.record("PROVINCIAL_EXPORT", "exports/provincial/" + scope.level() + "/" + id, null,
				format + " " + from + ".." + to + " cases=" + cases.size() + " events=" + events.size());
		return new Export(format, now, scope, from, to, cases, events);
	}

	/** Stable across exports and deployments of one database: the province matches updates on it. */
	static String caseId(long id) {
		return "MG-C-" + id;
	}

	static String eventId(long id) {
		return "MG-E-" + id;
	}

	private LocalDate day(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant().atZone(clock.getZone()).toLocalDate();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
