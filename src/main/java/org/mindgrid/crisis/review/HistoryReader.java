package org.mindgrid.crisis.review;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mindgrid.crisis.events.EventRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the student's history before the event from the tables of the modules that own it (observation,
 * mentoring, warning, duty, screening), as it stood at {@code occurred_at}: what happened later is left out, and a
 * take-up, review or completion after the event counts as not done.
 */
@Component
class HistoryReader {

	private final JdbcClient jdbc;

	private final Clock clock;

	HistoryReader(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	History read(EventRef e) {
		if (e.studentId() == null) {
			return History.empty(e, clock.getZone());
		}
		long s = e.studentId();
		Timestamp t = Timestamp.from(e.occurredAt());
		LocalDate day = LocalDate.ofInstant(e.occurredAt(), clock.getZone());
		var semester = jdbc.sql("""
				select id, name, starts_on, ends_on from semester where school_id = :school and starts_on <= :day
				 order by starts_on desc limit 1""")
			.param("school", e.schoolId()).param("day", java.sql.Date.valueOf(day))
			.query((rs, i) -> new History.Semester(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
					rs.getDate(4).toLocalDate()))
			.optional().orElse(null);
		var observations = jdbc.sql("""
				select o.id, o.created_at, o.observer_user_id, o.crisis_level, o.signs,
				       coalesce(o.warning_report_id, (select min(rs.report_id) from warning_report_source rs
				                                        where rs.source_kind = 'OBSERVATION' and rs.source_id = o.id)) as report_id
				  from observation o where o.student_id = :s and o.created_at < :t order by o.created_at, o.id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Observation(rs.getLong(1), at(rs, 2), rs.getLong(3), rs.getString(4),
					ints(rs.getArray(5)), (Long) rs.getObject(6)))
			.list();
		var concerns = jdbc.sql("""
				select id, created_at, reporter_user_id, signs from concern_report
				 where student_id = :s and created_at < :t order by created_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Concern(rs.getLong(1), at(rs, 2), rs.getLong(3), ints(rs.getArray(4))))
			.list();
		var triggers = jdbc.sql("""
				select id, recorded_at, recorded_by, kind, occurred_on from trigger_event
				 where student_id = :s and recorded_at < :t order by recorded_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Trigger(rs.getLong(1), at(rs, 2), rs.getLong(3), rs.getString(4),
					rs.getDate(5).toLocalDate()))
			.list();
		var talks = jdbc.sql("""
				select id, created_at, created_by, talk_date, voided_at is not null and voided_at < :t from talk
				 where student_id = :s and created_at < :t order by talk_date, created_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Talk(rs.getLong(1), at(rs, 2), rs.getLong(3), rs.getDate(4).toLocalDate(),
					rs.getBoolean(5)))
			.list();
		var visits = jdbc.sql("""
				select id, visited_at, created_by, created_at, voided_at is not null and voided_at < :t from home_visit
				 where student_id = :s and created_at < :t order by visited_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Visit(rs.getLong(1), at(rs, 2), rs.getLong(3), at(rs, 4), rs.getBoolean(5)))
			.list();
		var contacts = jdbc.sql("""
				select id, contacted_at, created_by, channel, voided_at is not null and voided_at < :t
				  from home_school_contact where student_id = :s and created_at < :t order by contacted_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Contact(rs.getLong(1), at(rs, 2), rs.getLong(3), rs.getString(4),
					rs.getBoolean(5)))
			.list();
		var reports = jdbc.sql("""
				select id, raised_at, raised_by, urgency, source_kind, due_at,
				       case when taken_up_at < :t then taken_up_by end, case when taken_up_at < :t then taken_up_at end,
				       case when resolved_at < :t then resolved_by end, case when resolved_at < :t then resolved_at end
				  from warning_report where student_id = :s and raised_at < :t order by raised_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Report(rs.getLong(1), at(rs, 2), rs.getLong(3), rs.getString(4),
					rs.getString(5), at(rs, 6), (Long) rs.getObject(7), at(rs, 8), (Long) rs.getObject(9), at(rs, 10)))
			.list();
		var views = jdbc.sql("""
				select v.report_id, v.user_id, v.viewed_at from warning_report_view v
				  join warning_report w on w.id = v.report_id
				 where w.student_id = :s and v.viewed_at < :t order by v.viewed_at""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.ReportView(rs.getLong(1), rs.getLong(2), at(rs, 3)))
			.list();
		var duties = jdbc.sql("""
				select id, kind, assignee_user_id, created_at, due_at,
				       case when done_at < :t then status else 'OPEN' end,
				       case when done_at < :t then done_at end, case when done_at < :t then done_by end
				  from duty where student_id = :s and created_at < :t order by due_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Duty(rs.getLong(1), rs.getString(2), rs.getLong(3), at(rs, 4), at(rs, 5),
					rs.getString(6), at(rs, 7), (Long) rs.getObject(8)))
			.list();
		var steps = jdbc.sql("""
				select e.id, e.case_id, e.at, e.by_user, e.action, e.from_state, e.to_state,
				       exists (select 1 from warning_case_event v where v.voids = e.id and v.at < :t)
				  from warning_case_event e join warning_case c on c.id = e.case_id
				 where c.student_id = :s and e.at < :t order by e.at, e.id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.CaseStep(rs.getLong(1), rs.getLong(2), at(rs, 3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)))
			.list();
		var cases = jdbc.sql("""
				select id, in_database, opened_at from warning_case where student_id = :s and opened_at < :t order by id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.CaseInfo(rs.getLong(1), rs.getBoolean(2), at(rs, 3)))
			.list();
		var plans = jdbc.sql("""
				select r.case_id, r.version, r.updated_at, r.updated_by from case_plan_revision r
				  join warning_case c on c.id = r.case_id
				 where c.student_id = :s and r.updated_at < :t order by r.updated_at""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.PlanRevision(rs.getLong(1), rs.getInt(2), at(rs, 3), rs.getLong(4)))
			.list();
		var results = jdbc.sql("""
				select id, scored_at, scale_id, total, band, flags from screening_result
				 where student_id = :s and scored_at < :t order by scored_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Result(rs.getLong(1), at(rs, 2), rs.getString(3), rs.getDouble(4),
					rs.getString(5), texts(rs.getArray(6))))
			.list();
		var flags = jdbc.sql("""
				select id, flagged_at, scale_id, urgent, case when reviewed_at < :t then status else 'OPEN' end,
				       case when reviewed_at < :t then reviewed_by end, case when reviewed_at < :t then reviewed_at end
				  from screening_flag where student_id = :s and flagged_at < :t order by flagged_at, id""")
			.param("s", s).param("t", t)
			.query((rs, i) -> new History.Flag(rs.getLong(1), at(rs, 2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5), (Long) rs.getObject(6), at(rs, 7)))
			.list();
		Set<Long> people = new HashSet<>();
		observations.forEach(o -> people.add(o.by()));
		concerns.forEach(o -> people.add(o.by()));
		triggers.forEach(o -> people.add(o.by()));
		talks.forEach(o -> people.add(o.by()));
		visits.forEach(o -> people.add(o.by()));
		contacts.forEach(o -> people.add(o.by()));
		reports.forEach(r -> {
			people.add(r.raisedBy());
			people.add(r.takenUpBy());
			people.add(r.resolvedBy());
		});
		views.forEach(v -> people.add(v.userId()));
		duties.forEach(d -> {
			people.add(d.assignee());
			people.add(d.doneBy());
		});
		steps.forEach(x -> people.add(x.by()));
		plans.forEach(x -> people.add(x.by()));
		flags.forEach(f -> people.add(f.reviewedBy()));
		people.remove(null);
		return new History(e, clock.getZone(), semester, observations, concerns, triggers, talks, visits, contacts,
				reports, views, duties, steps, cases, plans, results, flags, names(people));
	}

	private Map<Long, String> names(Set<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, display_name from app_user where id = any(cast(:ids as bigint[]))")
			.param("ids", ids.toArray(new Long[0]))
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(n -> names.put(n.getKey(), n.getValue()));
		return names;
	}

	private static Instant at(ResultSet rs, int column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static List<Integer> ints(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Integer> out = new ArrayList<>();
		for (Object o : (Object[]) array.getArray()) {
			out.add(((Number) o).intValue());
		}
		return out;
	}

	private static List<String> texts(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}
}
