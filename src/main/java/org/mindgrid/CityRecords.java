package org.mindgrid;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The semester's records, in the shares of the budget that the issue measured: observations, talks, home visits
 * and contacts by the students' mentors; warning reports (most of them in the few "hot" classes), a case for about
 * a tenth, each report with its source observation, source row and assessment duty; the semester's duties
 * (a talk per student, a home visit per mentor, the reports' and cases' duties, 四必访 visits for the rest of the
 * budget); notifications with real message keys and arguments. Counts per student are drawn around a mean, so
 * totals match the budget closely but not exactly.
 */
final class CityRecords {

	private static final String TIME_ARG = "to_char(%s at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

	private final JdbcClient jdbc;

	private final CityPlan plan;

	private final CityGenerator steps;

	CityRecords(JdbcClient jdbc, CityPlan plan, CityGenerator steps) {
		this.jdbc = jdbc;
		this.plan = plan;
		this.steps = steps;
	}

	private double perStudent(double share, long minus) {
		return Math.max(0, (double) (plan.budget(share) - minus) / plan.students());
	}

	void build() {
		long reports = steps.step("warning reports", this::reports);
		long cases = steps.step("cases", this::cases);
		steps.step("report sources", () -> jdbc.sql("""
				insert into warning_report_source (report_id, source_kind, source_id, signs, urgency, raised_by, raised_at)
				select id, 'OBSERVATION', obs_id, signs, urgency, raised_by, raised_at from city_report order by id""")
			.update());
		steps.step("observations", () -> observations(reports));
		steps.step("talks", () -> jdbc.sql("""
				insert into talk (student_id, school_id, talk_date, place, topics, student_state, follow_up, created_by,
				                  created_at)
				select id, school_id, d, pg_temp.city_pick(array['心理辅导室','教室','办公室','操场','图书馆']),
				       pg_temp.city_pick(array['学习压力','同伴关系','家庭沟通','情绪管理','作息与睡眠','升学规划']),
				       pg_temp.city_pick(array['情绪稳定','积极配合','略显焦虑','情绪低落','开朗健谈']),
				       case when random() < 0.3 then '两周后再次约谈' end, mentor_id, pg_temp.city_at(d)
				  from (select s.*, pg_temp.city_day() as d from city_student s cross join generate_series(1, s.n_talk)
				        offset 0) x""").update());
		steps.step("home visits", () -> jdbc.sql("""
				insert into home_visit (student_id, school_id, visited_at, interviewee, relation, duration_minutes, kind,
				                        created_by, created_at)
				select id, school_id, at, pg_temp.city_pick(array['母亲','父亲','祖母','祖父']), '家长',
				       30 + floor(random() * 60)::int, case when random() < 0.3 then 'TERM_START' else 'GENERAL' end,
				       mentor_id, at + interval '2 hours'
				  from (select s.*, pg_temp.city_at(pg_temp.city_day()) as at from city_student s
				          cross join generate_series(1, pg_temp.city_count(:mean + 0 * s.id)) offset 0) x""")
			.param("mean", perStudent(CityPlan.HOME_VISITS, 0)).update());
		steps.step("home-school contacts", () -> jdbc.sql("""
				insert into home_school_contact (student_id, school_id, channel, content, contacted_at, created_by,
				                                 created_at)
				select id, school_id, pg_temp.city_pick(array['PHONE','WECHAT','DINGTALK','IN_PERSON']),
				       pg_temp.city_pick(array['沟通近期学习情况','反馈在校情绪表现','了解家庭作息安排','约定家访时间']), at, mentor_id, at
				  from (select s.*, pg_temp.city_at(pg_temp.city_day()) as at from city_student s
				          cross join generate_series(1, pg_temp.city_count(:mean + 0 * s.id)) offset 0) x""")
			.param("mean", perStudent(CityPlan.CONTACTS, 0)).update());
		new CityDuties(jdbc, plan, steps).build(reports, cases);
		steps.step("notifications", this::notifications);
	}

	/**
	 * Reports per student around a mean weighted by the class's heat (6 % of classes are 18 times as likely):
	 * over half the reports fall in those few classes. The newest report of a student may be open (a quarter
	 * are), the others were resolved by a psychology teacher of the school; URGENT reports carry sign 1 or 6.
	 */
	private long reports() {
		double heat = jdbc.sql("select avg(heat) from city_student").query(Double.class).single();
		double mean = (double) plan.budget(CityPlan.REPORTS) / plan.students() / heat;
		jdbc.sql("""
				create temp table city_report as
				select y.*, nextval('warning_report_id_seq') as id, nextval('observation_id_seq') as obs_id,
				       y.raised_at + case when y.urgent then interval '2 hours' else interval '1 day' end as due_at,
				       case when y.rn = 1 and y.open_draw < 0.25 then 'OPEN' else 'RESOLVED' end as status,
				       null::bigint as case_id
				  from (select x.*, row_number() over (partition by x.student_id order by x.raised_at desc) as rn
				          from (select w.student_id, w.school_id, w.class_id, w.raised_by, w.raised_at, w.resolver,
				                       w.open_draw, w.case_draw, w.u < 0.15 as urgent,
				                       case when w.u < 0.15 then 'URGENT' else 'HIGH' end as urgency,
				                       case when w.u < 0.15 then array[(array[1, 6])[1 + floor(w.u / 0.075)::int]]
				                            when w.u < 0.6 then array[(array[2,3,4,11,12])[1 + floor(w.v * 5)::int]]
				                            else array[(array[2,3,4,11,12])[1 + floor(w.v * 5)::int],
				                                       (array[13,14,15])[1 + floor(w.u * 1000)::int % 3]] end as signs
				                  from (select s.id as student_id, s.school_id, s.class_id, s.mentor_id as raised_by,
				                               pg_temp.city_at(pg_temp.city_day()) as raised_at, random() as u,
				                               random() as v, random() as open_draw, random() as case_draw,
				                               p.ids[1 + floor(random() * array_length(p.ids, 1))::int] as resolver
				                          from city_student s
				                          cross join generate_series(1, pg_temp.city_count(:mean * s.heat))
				                          join city_psych p on p.school_id = s.school_id
				                        offset 0) w) x) y""")
			.param("mean", mean)
			.update();
		// a case for about a tenth of the reports, each on the newest report of a student
		long newest = jdbc.sql("select count(*) from city_report where rn = 1").query(Long.class).single();
		long all = jdbc.sql("select count(*) from city_report").query(Long.class).single();
		jdbc.sql("update city_report set case_id = nextval('warning_case_id_seq') where rn = 1 and case_draw < :q")
			.param("q", newest == 0 ? 0 : Math.min(1, all / 10.0 / newest))
			.update();
		return jdbc.sql("""
				insert into warning_report (id, student_id, school_id, source_kind, source_id, signs, urgency, due_at,
				                            status, raised_by, raised_at, resolved_by, resolved_at, resolution_reason,
				                            taken_up_by, taken_up_at, case_id)
				select id, student_id, school_id, 'OBSERVATION', obs_id, signs, urgency, due_at, status, raised_by,
				       raised_at, case when status = 'RESOLVED' then resolver end,
				       case when status = 'RESOLVED' then least(now(), raised_at + interval '20 hours') end,
				       case when status = 'RESOLVED' then pg_temp.city_pick(array['已完成一对一评估，暂无风险，转常规关注',
				           '评估后与家长沟通，列入班级重点关注','经评估为一般心理困扰，已安排谈心跟进']) end,
				       case when status = 'RESOLVED' or random() < 0.5 then resolver end,
				       case when status = 'RESOLVED' or random() < 0.5 then least(now(), raised_at + interval '40 minutes') end,
				       case_id
				  from city_report order by id""").update();
	}

	/** Cases stay in REPORTED (opened, not yet assessed): the state the app gives them, with its OPEN event. */
	private long cases() {
		long rows = jdbc.sql("""
				insert into warning_case (id, student_id, school_id, state, opened_by, opened_at)
				select case_id, student_id, school_id, 'REPORTED', raised_by, raised_at
				  from city_report where case_id is not null order by case_id""").update();
		return rows + jdbc.sql("""
				insert into warning_case_event (case_id, action, from_state, to_state, details, by_user, at)
				select case_id, 'OPEN', null, 'REPORTED',
				       jsonb_build_object('reportId', id, 'sourceKind', 'OBSERVATION', 'urgency', urgency),
				       raised_by, raised_at
				  from city_report where case_id is not null order by case_id""").update();
	}

	/** Every report's source observation (its signs, the link), then the everyday ones: most show nothing. */
	private long observations(long reports) {
		long rows = jdbc.sql("""
				insert into observation (id, student_id, school_id, class_id, observer_user_id, observed_on, signs,
				                         crisis_level, handling_advice, warning_report_id, created_at)
				select obs_id, student_id, school_id, class_id, raised_by, (raised_at at time zone 'Asia/Shanghai')::date,
				       signs, case when urgent then 'HIGH' else 'MEDIUM' end, '已上报心理教师', id, raised_at
				  from city_report order by obs_id""").update();
		return rows + jdbc.sql("""
				insert into observation (student_id, school_id, class_id, observer_user_id, observed_on, categories,
				                         crisis_level, home_contact_done, notes, created_at)
				select id, school_id, class_id, mentor_id, d,
				       case when r < 0.85 then '{}'::text[]
				            else array[pg_temp.city_pick(array['FAMILY_POOR_PARENT_CHILD','FAMILY_MAJOR_CHANGE',
				                'FAMILY_MULTI_CHILD','PERSONAL_SERIOUS_PROBLEM','PERSONAL_EARLY_TRAUMA',
				                'SOCIAL_STUDY_SETBACK','SOCIAL_EMOTIONAL_SETBACK','SOCIAL_POOR_RELATIONSHIPS'])] end,
				       case when r < 0.93 then 'NONE' else 'LOW' end, r > 0.95,
				       case when r > 0.8 then pg_temp.city_pick(array['课堂表现正常','与同学相处融洽','近期作业完成较慢',
				           '午休时独处较多','情绪较前几日好转']) end,
				       pg_temp.city_at(d)
				  from (select s.*, pg_temp.city_day() as d, random() as r from city_student s
				          cross join generate_series(1, pg_temp.city_count(:mean + 0 * s.id)) offset 0) x""")
			.param("mean", perStudent(CityPlan.OBSERVATIONS, reports)).update();
	}

	/**
	 * The psychology teachers told of each report (as the app does, thinned to the budget's share), then 四必访
	 * notices and overdue talk duties to the mentors for the rest; four in five read.
	 */
	private long notifications() {
		long budget = plan.budget(CityPlan.NOTIFICATIONS);
		long told = jdbc.sql("""
				select coalesce(sum(array_length(p.ids, 1)), 0) from city_report r join city_psych p on p.school_id = r.school_id""")
			.query(Long.class).single();
		double share = told == 0 ? 0 : Math.min(1, 0.4 * budget / told);
		long rows = jdbc.sql(("""
				insert into notification (user_id, kind, link, created_at, read_at, message_key, args)
				select u, 'WARNING_REPORT', '/warnings/' || r.id, r.raised_at,
				       case when random() < 0.8 then least(now(), r.raised_at + interval '30 minutes') end,
				       case when r.urgent then 'notification.warning.new.urgent' else 'notification.warning.new' end,
				       jsonb_build_array(jsonb_build_object('type', 'class', 'value', r.class_id::text),
				                         jsonb_build_object('type', 'time', 'value', %s))
				  from city_report r join city_psych p on p.school_id = r.school_id cross join unnest(p.ids) u
				 where random() < :share""").formatted(TIME_ARG.formatted("r.due_at")))
			.param("share", share).update();
		return rows + jdbc.sql("""
				insert into notification (user_id, kind, link, created_at, read_at, message_key, args)
				select mentor_id, case when trigger then 'TRIGGER_HOME_VISIT' else 'DUTY_OVERDUE' end,
				       case when trigger then '/students/' || id else '/duties/' || talk_duty_id end, at,
				       case when random() < 0.8 then least(now(), at + interval '3 hours') end,
				       case when trigger then 'notification.trigger' else 'duty.notify.overdue.assignee' end,
				       case when trigger then jsonb_build_array(jsonb_build_object('type', 'class', 'value', class_id::text),
				                jsonb_build_object('type', 'code', 'value', pg_temp.city_pick(array['trigger.ABSENCE',
				                    'trigger.ABNORMAL_EMOTION','trigger.FAMILY_CHANGE','trigger.ACADEMIC_DROP'])))
				            else jsonb_build_array(jsonb_build_object('type', 'code', 'value', 'duty.kind.SEMESTER_TALK')) end
				  from (select s.*, random() < 0.7 as trigger, pg_temp.city_at(pg_temp.city_day()) as at
				          from city_student s cross join generate_series(1, pg_temp.city_count(:mean + 0 * s.id)) offset 0) x""")
			.param("mean", Math.max(0, (double) (budget - rows) / plan.students())).update();
	}
}
