package org.mindgrid;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The semester's duties as the app keeps them: a SEMESTER_TALK per student for its first mentor (done where a talk
 * was recorded; the app would open the missing ones at its start anyway), a SEMESTER_HOME_VISIT per mentor, an
 * ASSESSMENT per report for one psychology teacher (done when the report was resolved), a CASE_SESSION and a
 * CASE_MONITORING per case, and 四必访 visits (TRIGGER_HOME_VISIT) for what is left of the budget, all done but
 * at most the newest one per student, so that the one-open-duty-per-source index holds.
 */
final class CityDuties {

	/** The last school day of the semester (2027-01-24 is a Sunday), at the end of the school day. */
	private static final String SEMESTER_DUE = "timestamptz '2027-01-22 17:30:00+08'";

	private final JdbcClient jdbc;

	private final CityPlan plan;

	private final CityGenerator steps;

	CityDuties(JdbcClient jdbc, CityPlan plan, CityGenerator steps) {
		this.jdbc = jdbc;
		this.plan = plan;
		this.steps = steps;
	}

	void build(long reports, long cases) {
		long rows = steps.step("duties: semester talks", () -> jdbc.sql("""
				insert into duty (id, kind, school_id, student_id, class_id, assignee_user_id, due_at, status, source_kind,
				                  semester_id, created_at, done_at, done_by, done_note)
				select s.talk_duty_id, 'SEMESTER_TALK', s.school_id, s.id, s.class_id, s.mentor_id, %s,
				       case when s.n_talk > 0 then 'DONE' else 'OPEN' end, 'SEMESTER', sem.id,
				       timestamptz '2026-09-01 06:00:00+08', case when s.n_talk > 0 then pg_temp.city_at(pg_temp.city_day()) end,
				       case when s.n_talk > 0 then s.mentor_id end, case when s.n_talk > 0 then 'TALK' end
				  from city_student s join semester sem on sem.school_id = s.school_id and sem.current
				 order by s.talk_duty_id""".formatted(SEMESTER_DUE)).update());
		rows += steps.step("duties: semester home visits", () -> jdbc.sql("""
				insert into duty (kind, school_id, class_id, assignee_user_id, due_at, status, source_kind, semester_id,
				                  created_at, done_at, done_by)
				select 'SEMESTER_HOME_VISIT', t.school_id, t.class_id, t.id, %s, case when d then 'DONE' else 'OPEN' end,
				       'SEMESTER', sem.id, timestamptz '2026-09-01 06:00:00+08',
				       case when d then pg_temp.city_at(pg_temp.city_day()) end, case when d then t.id end
				  from (select t.*, random() < 0.4 as d from city_staff t where t.kind in ('head', 'mentor') offset 0) t
				  join semester sem on sem.school_id = t.school_id and sem.current""".formatted(SEMESTER_DUE)).update());
		rows += steps.step("duties: assessments and cases", () -> jdbc.sql("""
				insert into duty (kind, school_id, student_id, class_id, assignee_user_id, due_at, status, source_kind,
				                  source_id, created_at, done_at, done_by, done_note)
				select 'ASSESSMENT', school_id, student_id, class_id, resolver, due_at,
				       case when status = 'RESOLVED' then 'DONE' else 'OPEN' end, 'WARNING_REPORT', id, raised_at,
				       case when status = 'RESOLVED' then least(now(), raised_at + interval '20 hours') end,
				       case when status = 'RESOLVED' then resolver end, case when status = 'RESOLVED' then 'RESOLVED' end
				  from city_report
				union all
				select 'CASE_SESSION', school_id, student_id, class_id, resolver, least(now(), raised_at) + interval '7 days',
				       'OPEN', 'WARNING_CASE', case_id, raised_at, null, null, null
				  from city_report where case_id is not null
				union all
				select 'CASE_MONITORING', r.school_id, r.student_id, r.class_id, h.id,
				       least(now(), r.raised_at) + interval '7 days', 'OPEN', 'WARNING_CASE', r.case_id, r.raised_at,
				       null, null, null
				  from city_report r join city_staff h on h.class_id = r.class_id and h.kind = 'head'
				 where r.case_id is not null""").update());
		long left = plan.budget(CityPlan.DUTIES) - rows;
		steps.step("duties: 四必访 home visits", () -> jdbc.sql("""
				insert into duty (kind, school_id, student_id, class_id, assignee_user_id, due_at, status, source_kind,
				                  created_at, done_at, done_by, done_note)
				select 'TRIGGER_HOME_VISIT', school_id, id, class_id, mentor_id, at + interval '1 day',
				       case when o then 'OPEN' else 'DONE' end, 'TRIGGER', at,
				       case when not o then least(now(), at + interval '20 hours') end, case when not o then mentor_id end,
				       case when not o then 'HOME_VISIT' end
				  from (select s.*, i = k and random() < 0.3 as o, pg_temp.city_at(pg_temp.city_day()) as at
				          from (select s.*, pg_temp.city_count(:mean) as k from city_student s offset 0) s
				          cross join generate_series(1, s.k) i offset 0) x""")
			.param("mean", Math.max(0, (double) left / plan.students())).update());
	}
}
