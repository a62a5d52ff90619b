package org.mindgrid;

import java.util.ArrayList;
import java.util.List;

import org.mindgrid.school.GradeNames;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The city's structure: districts, schools, grades, classes, semesters (as the demo's), students, staff with their
 * posts and the grid (≥ 3 mentors per class, ≤ 15 students per mentor). The plan goes into session tables
 * ({@code city_school}, {@code city_class}, {@code city_staff}, {@code city_student}) with ids taken from the real
 * sequences, so that every later statement is one set-based insert joined to them.
 */
final class CityStructure {

	private final JdbcClient jdbc;

	private final CityPlan plan;

	private final CityGenerator steps;

	CityStructure(JdbcClient jdbc, CityPlan plan, CityGenerator steps) {
		this.jdbc = jdbc;
		this.plan = plan;
		this.steps = steps;
	}

	void build(String passwordHash) {
		functions();
		steps.step("districts and schools", this::schools);
		steps.step("grades, classes, semesters", this::classes);
		steps.step("students", () -> jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date, ethnicity, native_place,
				                     address, guardian_name, guardian_phone, list_key, name_initials)
				-- the name's pinyin initials, as the student trigger keeps them
				select y.*, pinyin_initials(y.name) from (
				select school_id, class_id, no, pg_temp.city_name(boy) as name, case when boy then 'M' else 'F' end,
				       make_date(2020 - level, 9, 1) - (1 + floor(random() * 364))::int,
				       pg_temp.city_pick(array['汉族','汉族','汉族','汉族','汉族','汉族','汉族','回族','满族','土家族']),
				       pg_temp.city_pick(array['浙江宁波','浙江宁波','浙江绍兴','浙江台州','安徽安庆','江西上饶','河南信阳','四川达州']),
				       '宁波市' || pg_temp.city_pick(array['中山西路','解放南路','药行街','柳汀街','环城北路','人民路','孝闻街'])
				           || (1 + floor(random() * 300))::int || '号' || (1 + floor(random() * 30))::int || '幢',
				       pg_temp.city_name(true), '13' || lpad(floor(random() * 1000000000)::bigint::text, 9, '0'),
				       -- the list's order, as the student trigger keeps it (triggers are off for the load)
				       student_list_key(class_id, no)
				  from (select s.id as school_id, c.id as class_id, c.level, random() < 0.52 as boy,
				               (2027 - c.level)::text || lpad((g + 1)::text, 6, '0') as no
				          from city_school s cross join generate_series(0, s.students - 1) g
				          join city_class c on c.school_id = s.id and c.ord = g % s.classes
				        offset 0) x) y""").update());
		steps.step("staff accounts", () -> staff(passwordHash));
		steps.step("posts", this::posts);
		steps.step("mentor assignments", () -> jdbc.sql("""
				insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_by, assigned_at)
				select s.class_id, m.id, s.id, h.id, timestamptz '2026-09-01 08:00:00+08'
				  from (select id, class_id, row_number() over (partition by class_id order by id) - 1 as k
				          from student) s
				  join city_class c on c.id = s.class_id
				  join city_staff m on m.class_id = s.class_id and m.kind in ('head', 'mentor') and m.k = s.k % c.m
				  join city_staff h on h.class_id = s.class_id and h.kind = 'head'""").update());
		jdbc.sql("""
				create temp table city_student as
				select s.id, s.school_id, s.class_id, ma.mentor_user_id as mentor_id, c.heat,
				       nextval('duty_id_seq') as talk_duty_id, pg_temp.city_count(:talks) as n_talk
				  from student s join mentor_assignment ma on ma.student_id = s.id join city_class c on c.id = s.class_id""")
			.param("talks", (double) plan.budget(CityPlan.TALKS) / plan.students())
			.update();
		jdbc.sql("create index on city_student (id)").update();
		jdbc.sql("""
				create temp table city_psych as
				select school_id, array_agg(id order by id) as ids from city_staff where kind = 'psych' group by school_id""")
			.update();
	}

	/** Session functions: a random Chinese name, a pick from an array, a school day and an hour of it, a count. */
	private void functions() {
		String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";
		String boy = "浩宇轩子涵博文俊杰明辉晨阳睿泽一鸣天佑思远嘉豪志强建国伟梓昊铭景行宸喆堃昇";
		String girl = "欣怡子涵雨桐思琪梓萱诗涵佳怡可馨雅琪若曦静语婷慧敏晓月梦瑶雪琳玥瑄芷妍";
		jdbc.sql("""
				create function pg_temp.city_char(pool text) returns text language sql volatile
				    as $$ select substr(pool, 1 + floor(random() * length(pool))::int, 1) $$""").update();
		jdbc.sql("""
				create function pg_temp.city_name(boy boolean) returns text language sql volatile as $$
				    select pg_temp.city_char('%s') || pg_temp.city_char(case when boy then '%s' else '%s' end)
				        || case when random() < 0.7 then pg_temp.city_char(case when boy then '%s' else '%s' end) else '' end
				$$""".formatted(surnames, boy, girl, boy, girl)).update();
		jdbc.sql("""
				create function pg_temp.city_pick(a anyarray) returns anyelement language sql volatile
				    as $$ select a[1 + floor(random() * array_length(a, 1))::int] $$""").update();
		// a day of the semester so far, weekends moved to the Friday before (the first day is a Tuesday)
		jdbc.sql("""
				create function pg_temp.city_day() returns date language sql volatile as $$
				    select d - case extract(isodow from d) when 6 then 1 when 7 then 2 else 0 end
				      from (select date '%s' + floor(random() * %d)::int as d) x
				$$""".formatted(plan.from(), plan.days())).update();
		// a moment of a school day (07:30 to 17:30 in the schools' zone), never after now
		jdbc.sql("""
				create function pg_temp.city_at(d date) returns timestamptz language sql volatile as $$
				    select least(now(), ((d + time '07:30') + random() * interval '10 hours') at time zone 'Asia/Shanghai')
				$$""").update();
		// how many rows a student gets: exponential around the mean (a skew), unbiased rounding
		jdbc.sql("""
				create function pg_temp.city_count(mean float8) returns int language sql volatile
				    as $$ select floor(mean * -ln(1 - random()) + random())::int $$""").update();
	}

	private long schools() {
		jdbc.sql("""
				create temp table city_district (no int primary key, id bigint not null default nextval('district_id_seq'),
				                                 name text not null)""").update();
		jdbc.sql("""
				create temp table city_school (no int primary key, id bigint not null default nextval('school_id_seq'),
				                               district_no int not null, stage text not null, students int not null,
				                               classes int not null, low int not null, high int not null)""").update();
		for (int d = 0; d < plan.districts(); d++) {
			jdbc.sql("insert into city_district (no, name) values (:no, :name)").param("no", d)
				.param("name", CityPlan.DISTRICT_NAMES.get(d)).update();
		}
		List<String> values = new ArrayList<>();
		for (CityPlan.School s : plan.schools()) {
			values.add("(%d, %d, '%s', %d, %d, %d, %d)".formatted(s.no(), s.district(), s.stage(), s.students(),
					s.classes(), s.lowGrade(), s.highGrade()));
		}
		jdbc.sql("insert into city_school (no, district_no, stage, students, classes, low, high) values "
				+ String.join(", ", values)).update();
		long city = jdbc.sql("insert into city (name) values ('宁波市') returning id").query(Long.class).single();
		long rows = 1 + jdbc.sql("insert into district (id, city_id, name) select id, :city, name from city_district")
			.param("city", city).update();
		return rows + jdbc.sql("""
				insert into school (id, district_id, name, stage, address)
				select s.id, d.id, d.name || '第' || s.no || case s.stage when 'PRIMARY' then '小学'
				           when 'JUNIOR' then '初级中学' when 'SENIOR' then '高级中学' when 'NINE_YEAR' then '实验学校'
				           else '中学' end,
				       s.stage, '宁波市' || d.name || pg_temp.city_pick(array['学府路','育才路','望京路','文教路','天一路'])
				           || s.no || '号'
				  from city_school s join city_district d on d.no = s.district_no order by s.no""").update();
	}

	private long classes() {
		StringBuilder names = new StringBuilder("array[");
		for (int level = 1; level <= 12; level++) {
			names.append(level > 1 ? "," : "").append('\'').append(GradeNames.nameOf(level)).append('\'');
		}
		names.append(']');
		jdbc.sql("""
				create temp table city_grade as
				select nextval('grade_id_seq') as id, s.id as school_id, g as level, g - s.low as ord
				  from city_school s cross join generate_series(s.low, s.high) g order by s.no, g""").update();
		long rows = jdbc.sql("insert into grade (id, school_id, level, name) select id, school_id, level, ("
				+ names + ")[level] from city_grade").update();
		// class c of a school is in grade c mod (grades); n its students (student g goes to class g mod classes),
		// m its mentors (the head teacher included): at least 3, and never more than 15 students each
		jdbc.sql("""
				create temp table city_class as
				select x.*, greatest(3, ceil(x.n / 15.0))::int as m,
				       case when random() < 0.06 then 18 else 1 end as heat
				  from (select nextval('school_class_id_seq') as id, s.id as school_id, s.no as school_no, c as ord,
				               g.id as grade_id, g.level, c / (s.high - s.low + 1) + 1 as number,
				               s.students / s.classes + case when c < s.students % s.classes then 1 else 0 end as n
				          from city_school s cross join generate_series(0, s.classes - 1) c
				          join city_grade g on g.school_id = s.id and g.ord = c % (s.high - s.low + 1)
				         order by s.no, c) x""").update();
		jdbc.sql("create index on city_class (school_id, ord)").update();
		rows += jdbc.sql("""
				insert into school_class (id, school_id, grade_id, name)
				select id, school_id, grade_id, number || '班' from city_class order by id""").update();
		rows += jdbc.sql("""
				insert into semester (school_id, name, starts_on, ends_on, current)
				select id, '2025学年第二学期', date '2026-02-16', date '2026-07-05', false from city_school
				union all
				select id, '2026学年第一学期', date '2026-09-01', date '2027-01-24', true from city_school""").update();
		return rows;
	}

	/**
	 * Per school: 2 + 1 per 5,000 students leaders, a psychology teacher per 1,000 students (at least one), per
	 * class a head teacher (also a mentor), the other mentors and a subject teacher. Usernames are numbered across
	 * the city in school order: psych-0001 works at the largest school.
	 */
	private long staff(String passwordHash) {
		jdbc.sql("""
				create temp table city_staff (id bigint primary key default nextval('app_user_id_seq'),
				    school_id bigint not null, school_no int not null, class_id bigint, class_ord int, kind text not null,
				    k int not null, username text)""").update();
		jdbc.sql("""
				insert into city_staff (school_id, school_no, class_id, class_ord, kind, k)
				select school_id, school_no, class_id, class_ord, kind, k from (
				    select s.id as school_id, s.no as school_no, null::bigint as class_id, null::int as class_ord,
				           'leader' as kind, k, 1 as o
				      from city_school s, generate_series(0, 1 + s.students / 5000) k
				    union all
				    select s.id, s.no, null, null, 'psych', k, 2
				      from city_school s, generate_series(0, greatest(1, ceil(s.students / 1000.0)::int) - 1) k
				    union all
				    select c.school_id, c.school_no, c.id, c.ord, 'head', 0, 3 from city_class c
				    union all
				    select c.school_id, c.school_no, c.id, c.ord, 'mentor', k, 4 from city_class c, generate_series(1, c.m - 1) k
				    union all
				    select c.school_id, c.school_no, c.id, c.ord, 'teacher', 0, 5 from city_class c) x
				 order by school_no, o, class_ord nulls first, k""").update();
		jdbc.sql("""
				update city_staff t set username = x.kind || '-' || lpad(x.n::text,
				           greatest(length(x.n::text), case when x.kind in ('psych', 'leader') then 4
				                                            when x.kind = 'head' then 5 else 6 end), '0')
				  from (select id, kind, row_number() over (partition by kind order by id) as n from city_staff) x
				 where x.id = t.id""").update();
		jdbc.sql("create index on city_staff (class_id, k)").update();
		return jdbc.sql("""
				insert into app_user (id, username, display_name, password_hash, must_change_password, school_id)
				select id, username, pg_temp.city_name(random() < 0.4), :hash, false, school_id from city_staff order by id""")
			.param("hash", passwordHash)
			.update();
	}

	private long posts() {
		return jdbc.sql("""
				insert into post (user_id, role, school_id, class_id)
				select id, 'SCHOOL_LEADER', school_id, null::bigint from city_staff where kind = 'leader'
				union all select id, 'SCHOOL_ADMIN', school_id, null from city_staff where kind = 'leader' and k = 0
				union all select id, 'CRISIS_TEAM', school_id, null from city_staff
				           where (kind = 'leader' and k = 1) or (kind = 'psych' and k = 0)
				union all select id, 'PSYCH_TEACHER', school_id, null from city_staff where kind = 'psych'
				union all select id, 'HEAD_TEACHER', school_id, class_id from city_staff where kind = 'head'
				union all select id, 'MENTOR', school_id, class_id from city_staff where kind in ('head', 'mentor')
				union all select t.id, 'SUBJECT_TEACHER', t.school_id, c.id
				  from city_staff t join city_school s on s.id = t.school_id
				  cross join generate_series(0, least(2, s.classes - 1)) j
				  join city_class c on c.school_id = t.school_id and c.ord = (t.class_ord + j) % s.classes
				 where t.kind = 'teacher'""").update();
	}
}
