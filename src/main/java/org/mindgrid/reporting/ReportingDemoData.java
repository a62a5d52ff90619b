package org.mindgrid.reporting;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.mindgrid.identity.ActingAs;
import org.mindgrid.reporting.control.ControlClasses;
import org.mindgrid.reporting.inspection.InspectionTransitions.Action;
import org.mindgrid.reporting.inspection.InspectionTransitions.ItemAction;
import org.mindgrid.reporting.inspection.Inspections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (issue 12): a semester of the oversight records of every demo school, so that the dashboards of
 * principal1, district and city mean something on the first start. Psychology lessons twice a month in most
 * classes (a few fall short in November), a parent session per class in October (a few missing), the activity
 * week and the 5·25 festival, the staff's crisis-identification and mentor trainings, the psychology teachers' week
 * of advanced training, a joint meeting per district, and 海曙区's November inspection, started, with one correction
 * requested. Deterministic (a seeded random), dated from the term's start to yesterday.
 */
@Component
public class ReportingDemoData {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ActingAs acting;

	private final Inspections inspections;

	private final Clock clock;

	private final ControlClasses controls;

	ReportingDemoData(JdbcClient jdbc, JdbcTemplate template, ActingAs acting, Inspections inspections,
			ControlClasses controls, Clock clock) {
		this.controls = controls;
		this.jdbc = jdbc;
		this.template = template;
		this.acting = acting;
		this.inspections = inspections;
		this.clock = clock;
	}

	public void load() {
		Random random = new Random(20261203L);
		LocalDate today = LocalDate.now(clock);
		List<long[]> schools = jdbc.sql("select id, district_id from school order by id")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		for (long[] school : schools) {
			records(school[0], school[1], today, random);
		}
		for (long district : jdbc.sql("select id from district order by id").query(Long.class).list()) {
			Long officer = jdbc.sql("select p.user_id from post p where p.role = 'DISTRICT_OFFICER' and p.district_id = :d "
					+ "order by p.user_id limit 1").param("d", district).query(Long.class).optional().orElse(null);
			if (officer == null) {
				continue;
			}
			jdbc.sql("""
					insert into joint_meeting (district_id, held_on, departments, minutes, decisions, recorded_by)
					values (:d, date '2026-10-20', array['EDUCATION', 'HEALTH', 'PUBLIC_SECURITY', 'YOUTH_LEAGUE'],
					        '通报本学期学生心理健康工作进展与重点学生情况；卫健部门介绍绿色通道就诊流程。',
					        '一、期中考试前后为高危时段，各校加强排查；二、12 月前完成全员危机识别培训。', :u)""")
				.param("d", district).param("u", officer).update();
			long training = jdbc.sql("""
					insert into staff_training (district_id, kind, title, held_on, hours, recorded_by)
					values (:d, 'PSYCH_ADVANCED', '心理教师高级研修班（一周）', date '2026-10-26', 40, :u) returning id""")
				.param("d", district).param("u", officer).query(Long.class).single();
			jdbc.sql("""
					insert into staff_training_attendee (training_id, user_id)
					select distinct :t, p.user_id from post p join school s on s.id = p.school_id
					 where s.district_id = :d and p.role = 'PSYCH_TEACHER'""")
				.param("t", training).param("d", district).update();
		}
	}

	/**
	 * The inspection and the city's class, after {@link #load} has committed: sampling computes the month's values in
	 * a transaction of its own, which would not see records still uncommitted.
	 */
	public void loadOversight() {
		inspection(LocalDate.now(clock));
		controlClass();
	}

	/** The city's class of 海曙区, with its reason; the schools' stay to be decided from the suggestions. */
	private void controlClass() {
		Long haishu = jdbc.sql("select id from district where name = '海曙区'").query(Long.class).optional().orElse(null);
		if (haishu != null) {
			acting.run("city", () -> controls.assign(haishu, null, ControlClasses.ControlClass.WATCH,
					"城区学校集中，本学期发生自伤事件 1 起；每月抽查，重点督导民办与初中段学校。"));
		}
	}

	private void records(long school, long district, LocalDate today, Random random) {
		Long keeper = jdbc.sql("""
				select p.user_id from post p where p.school_id = :s and p.role in ('PSYCH_TEACHER', 'SCHOOL_LEADER')
				 order by case p.role when 'PSYCH_TEACHER' then 0 else 1 end, p.user_id limit 1""")
			.param("s", school).query(Long.class).optional().orElse(null);
		List<long[]> classes = jdbc.sql("""
				select c.id, p.user_id, (select count(*) from student st where st.class_id = c.id)
				  from school_class c join post p on p.class_id = c.id and p.role = 'HEAD_TEACHER'
				 where c.school_id = :s order by c.id""")
			.param("s", school).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list();
		LocalDate yesterday = today.minusDays(1);
		List<Object[]> lessons = new ArrayList<>();
		List<Object[]> sessions = new ArrayList<>();
		for (long[] c : classes) {
			long teacher = keeper == null ? c[1] : keeper;
			for (YearMonth m = YearMonth.of(2026, 9); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
				boolean current = m.equals(YearMonth.from(today));
				int[] days = current ? new int[] { 1, 2 } : new int[] { 2, 16 };
				boolean shortMonth = m.equals(YearMonth.of(2026, 11)) && random.nextInt(100) < 15;
				for (int k = 0; k < days.length; k++) {
					LocalDate on = m.atDay(days[k]);
					if (on.isAfter(yesterday) || (shortMonth && k == 1)) {
						continue;
					}
					lessons.add(new Object[] { school, c[0], Date.valueOf(on), 1, LESSONS[random.nextInt(LESSONS.length)],
							teacher, teacher });
				}
			}
			LocalDate session = LocalDate.of(2026, 10, 15);
			if (!session.isAfter(yesterday) && random.nextInt(100) < 88) {
				long families = Math.max(1, c[2] - random.nextInt(6));
				sessions.add(new Object[] { school, c[0], Date.valueOf(session), SESSIONS[random.nextInt(SESSIONS.length)],
						c[1], families, c[1] });
			}
		}
		template.batchUpdate("""
				insert into psych_lesson (school_id, class_id, given_on, periods, topic, teacher_user_id, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)""", lessons);
		template.batchUpdate("""
				insert into parent_session (school_id, class_id, held_on, topic, head_teacher_user_id, families_attended,
				                            recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)""", sessions);
		if (keeper == null) {
			return;
		}
		activity(school, keeper, "FESTIVAL_525", "5·25 心理健康节", LocalDate.of(2026, 5, 25));
		if (random.nextInt(100) < 70) {
			activity(school, keeper, "ACTIVITY_WEEK", "秋季心理健康活动周", LocalDate.of(2026, 10, 12));
		}
		long crisis = training(school, district, keeper, "CRISIS_IDENTIFICATION", "全体教职工心理危机识别培训",
				LocalDate.of(2026, 9, 10), 3);
		// most staff attended; a few missed it (the dashboard names them to the school)
		List<Long> staff = jdbc.sql("select distinct user_id from post where school_id = :s and role <> 'PSYCH_COMMITTEE' order by user_id")
			.param("s", school).query(Long.class).list();
		attend(crisis, staff.stream().filter(u -> random.nextInt(100) < 92).toList());
		List<Long> mentors = jdbc.sql("select distinct user_id from post where school_id = :s and role = 'MENTOR' order by user_id")
			.param("s", school).query(Long.class).list();
		attend(training(school, district, keeper, "MENTOR", "心导师培训（一）谈心谈话技巧", LocalDate.of(2026, 9, 20), 4), mentors);
		LocalDate second = LocalDate.of(2026, 11, 15);
		if (!second.isAfter(yesterday)) {
			attend(training(school, district, keeper, "MENTOR", "心导师培训（二）家访与家校沟通", second, 4),
					mentors.stream().filter(u -> random.nextInt(100) < 90).toList());
		}
	}

	private void activity(long school, long keeper, String kind, String title, LocalDate on) {
		long id = jdbc.sql("""
				insert into theme_activity (school_id, kind, title, held_on, organiser, recorded_by)
				values (:s, :k, :t, :d, '心理健康教育中心', :u) returning id""")
			.param("s", school).param("k", kind).param("t", title).param("d", on).param("u", keeper)
			.query(Long.class).single();
		jdbc.sql("insert into theme_activity_class (activity_id, class_id) select :a, id from school_class where school_id = :s")
			.param("a", id).param("s", school).update();
	}

	private long training(long school, long district, long keeper, String kind, String title, LocalDate on, int hours) {
		return jdbc.sql("""
				insert into staff_training (district_id, school_id, kind, title, held_on, hours, recorded_by)
				values (:d, :s, :k, :t, :on, :h, :u) returning id""")
			.param("d", district).param("s", school).param("k", kind).param("t", title).param("on", on)
			.param("h", hours).param("u", keeper).query(Long.class).single();
	}

	private void attend(long training, List<Long> users) {
		List<Object[]> rows = users.stream().map(u -> new Object[] { training, u }).toList();
		template.batchUpdate("insert into staff_training_attendee (training_id, user_id) values (?, ?)", rows);
	}

	/** 海曙区's inspection of last month: started, one finding with a correction requested, one met. */
	private void inspection(LocalDate today) {
		Long district = jdbc.sql("select d.id from district d where d.name = '海曙区'").query(Long.class).optional().orElse(null);
		List<Long> schools = jdbc.sql("select id from school where name in ('海曙区实验学校', '海曙区华育学校') order by id")
			.query(Long.class).list();
		if (district == null || schools.size() < 2) {
			return;
		}
		YearMonth month = YearMonth.from(today).minusMonths(1);
		acting.run("district", () -> {
			var draft = inspections.create(new Inspections.NewInspection(district, month, schools,
					List.of("psych_lessons", "parent_sessions", "talks"), null, null), Locale.SIMPLIFIED_CHINESE);
			var started = inspections.move(draft.id(), Action.START, draft.version());
			var lessons = started.items().stream().filter(i -> i.schoolId() == schools.get(0)
					&& i.indicator().equals("psych_lessons")).findFirst().orElseThrow();
			inspections.step(started.id(), lessons.id(), ItemAction.RECORD_FINDING, new Inspections.Step("NOT_MET",
					"抽查课表与台账：部分班级本月心理辅导课不足 2 课时。", null));
			inspections.step(started.id(), lessons.id(), ItemAction.REQUEST_CORRECTION, new Inspections.Step(null,
					"请补足课时，并上传调整后的课表。", today.plusDays(14)));
			var talks = started.items().stream().filter(i -> i.schoolId() == schools.get(0)
					&& i.indicator().equals("talks")).findFirst().orElseThrow();
			inspections.step(started.id(), talks.id(), ItemAction.RECORD_FINDING, new Inspections.Step("MET",
					"谈心谈话台账完整，抽查 5 名学生记录属实。", null));
			return started.id();
		});
	}

	private static final String[] LESSONS = { "认识情绪", "学会与压力相处", "同伴交往", "时间管理", "生命教育", "考试心态调适" };

	private static final String[] SESSIONS = { "亲子沟通的技巧", "关注孩子的情绪变化", "青春期心理特点", "家庭作业与陪伴" };
}
