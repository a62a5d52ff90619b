package org.mindgrid.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.mindgrid.school.GradeNames;
import org.mindgrid.shared.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo once, into an empty database, when this is a demo deployment. Every demo account has the
 * password {@code Demo#2026}. The grid has two deliberate gaps so that its warnings can be seen: one student of
 * 七年级（2）班 in school 1 without a mentor, and 九年级（3）班 of school 2 with only two mentors.
 */
@Component
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "Demo#2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String[] ETHNICITIES = { "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族", "土家族" };

	private static final String[] PLACES = { "浙江宁波", "浙江绍兴", "浙江台州", "安徽安庆", "江西上饶", "河南信阳", "四川达州" };

	private static final String[] STREETS = { "中山西路", "解放南路", "药行街", "柳汀街", "环城北路", "人民路", "孝闻街" };

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PasswordEncoder encoder;

	private final TransactionTemplate tx;

	private final Deployment deployment;

	private final Clock clock;

	private final DemoCases demoCases;

	private final org.mindgrid.screening.ScreeningDemoData screening;

	private final org.mindgrid.crisis.CrisisDemoData crisis;

	private final org.mindgrid.reporting.ReportingDemoData reporting;

	private final org.mindgrid.forms.FormsDemoData forms;

	private final org.mindgrid.counselling.CounsellingDemoData counselling;

	private String passwordHash;

	DemoData(JdbcClient jdbc, JdbcTemplate template, PasswordEncoder encoder, TransactionTemplate tx,
			Deployment deployment, Clock clock, DemoCases demoCases,
			org.mindgrid.screening.ScreeningDemoData screening, org.mindgrid.crisis.CrisisDemoData crisis,
			org.mindgrid.reporting.ReportingDemoData reporting, org.mindgrid.forms.FormsDemoData forms,
			org.mindgrid.counselling.CounsellingDemoData counselling) {
		this.forms = forms;
		this.counselling = counselling;
		this.reporting = reporting;
		this.screening = screening;
		this.crisis = crisis;
		this.demoCases = demoCases;
		this.jdbc = jdbc;
		this.template = template;
		this.encoder = encoder;
		this.tx = tx;
		this.deployment = deployment;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!deployment.demo()) {
			return;
		}
		long schools = jdbc.sql("select count(*) from school").query(Long.class).single();
		if (schools > 0) {
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(status -> load());
		// the caseload goes through the module APIs (as the demo's teachers), after the people it needs exist
		tx.executeWithoutResult(status -> demoCases.load());
		// last semester's screening of school 1 (issue 9, point 9)
		tx.executeWithoutResult(status -> screening.loadPastCampaign(jdbc.sql(
				"select id from school where name = '海曙区实验学校'").query(Long.class).single(), "psych1"));
		// a handled crisis event and one just raised (issue 10), after the caseload they belong to
		tx.executeWithoutResult(status -> crisis.load());
		// a semester of the oversight records and the district's November inspection (issue 12)
		tx.executeWithoutResult(status -> reporting.load());
		tx.executeWithoutResult(status -> reporting.loadOversight());
		// a caseload student's workbook (issue 13)
		tx.executeWithoutResult(status -> forms.load());
		tx.executeWithoutResult(status -> counselling.load());
		log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void load() {
		passwordHash = encoder.encode(PASSWORD);
		ChineseNames names = new ChineseNames(20261123L);
		long city = insertReturningId("insert into city (name) values ('宁波市') returning id");
		long haishu = insertReturningId("insert into district (city_id, name) values (" + city + ", '海曙区') returning id");
		long jiangbei = insertReturningId("insert into district (city_id, name) values (" + city + ", '江北区') returning id");
		long school1 = jdbc.sql("insert into school (district_id, name, stage, address) values (:d, :n, 'NINE_YEAR', :a) returning id")
			.param("d", haishu).param("n", "海曙区实验学校").param("a", "宁波市海曙区望京路 88 号").query(Long.class).single();
		long school2 = jdbc.sql("insert into school (district_id, name, stage, address) values (:d, :n, 'JUNIOR', :a) returning id")
			.param("d", jiangbei).param("n", "江北区育才初级中学").param("a", "宁波市江北区育才路 16 号").query(Long.class).single();
		for (long school : List.of(school1, school2)) {
			jdbc.sql("""
					insert into semester (school_id, name, starts_on, ends_on, current) values
					(:s, '2025学年第二学期', date '2026-02-16', date '2026-07-05', false),
					(:s, '2026学年第一学期', date '2026-09-01', date '2027-01-24', true)""").param("s", school).update();
		}

		user("admin", "系统管理员", post("SYSTEM_ADMIN", null, null, null, null));
		user("city", "宁波市教育局 周卫东", post("CITY_OFFICER", city, null, null, null));
		user("district", "海曙区教育局 陈丽华", post("DISTRICT_OFFICER", null, haishu, null, null));
		user("principal1", "孙建平", post("SCHOOL_LEADER", null, null, school1, null),
				post("SCHOOL_ADMIN", null, null, school1, null));
		user("psych1", "林若曦", post("PSYCH_TEACHER", null, null, school1, null),
				post("CRISIS_TEAM", null, null, school1, null));
		user("psych2", "郑晓月", post("PSYCH_TEACHER", null, null, school2, null),
				post("CRISIS_TEAM", null, null, school2, null));
		user("principal2", "钱志强", post("SCHOOL_LEADER", null, null, school2, null),
				post("SCHOOL_ADMIN", null, null, school2, null));

		int studentSeq = 0;
		for (int grade = 1; grade <= 9; grade++) {
			for (int number = 1; number <= 2; number++) {
				studentSeq = buildClass(names, school1, 1, grade, number, studentSeq);
			}
		}
		for (int grade = 7; grade <= 9; grade++) {
			for (int number = 1; number <= 3; number++) {
				studentSeq = buildClass(names, school2, 2, grade, number, studentSeq);
			}
		}
		// three more schools of 海曙区, so that the district's table ranks and filters something (issue 12)
		long school3 = school(haishu, "海曙区启明小学", "PRIMARY", "PUBLIC", "URBAN", "宁波市海曙区启明路 20 号");
		long school4 = school(haishu, "海曙区华育学校", "NINE_YEAR", "PRIVATE", "URBAN", "宁波市海曙区华育路 9 号");
		long school5 = school(haishu, "海曙区鄞江镇中心小学", "PRIMARY", "PUBLIC", "RURAL", "宁波市海曙区鄞江镇它山路 5 号");
		int schoolNo = 3;
		for (long school : List.of(school3, school4, school5)) {
			int top = school == school4 ? 9 : 6;
			for (int grade = 4; grade <= top; grade++) {
				studentSeq = buildClass(names, school, schoolNo, grade, 1, studentSeq);
			}
			schoolNo++;
		}
		user("principal3", "胡海燕", post("SCHOOL_LEADER", null, null, school3, null), post("SCHOOL_ADMIN", null, null, school3, null));
		user("psych3", "俞晨", post("PSYCH_TEACHER", null, null, school3, null), post("CRISIS_TEAM", null, null, school3, null));
		insertSampleArchives(school1);
		for (long school : List.of(school1, school3, school4, school5)) {
			insertMentorLedger(school, new java.util.Random(20260901L + school));
		}
	}

	private long school(long district, String name, String stage, String ownership, String locale, String address) {
		long id = jdbc.sql("""
				insert into school (district_id, name, stage, ownership, locale, address)
				values (:d, :n, :st, :o, :l, :a) returning id""")
			.param("d", district).param("n", name).param("st", stage).param("o", ownership).param("l", locale)
			.param("a", address).query(Long.class).single();
		jdbc.sql("""
				insert into semester (school_id, name, starts_on, ends_on, current) values
				(:s, '2025学年第二学期', date '2026-02-16', date '2026-07-05', false),
				(:s, '2026学年第一学期', date '2026-09-01', date '2027-01-24', true)""").param("s", id).update();
		return id;
	}

	/**
	 * A semester of the mentors' ledger (issue 12's demo): about three in four students had a talk with their mentor
	 * since the term began, and most mentors visited one of their students at home. School 1's 七、八、九年级（1）班
	 * are left as they were: the named demo class's journeys start from an empty ledger, and the caseload's students
	 * (DemoCases) keep the history their cases and the crisis review tell.
	 */
	private void insertMentorLedger(long schoolId, java.util.Random random) {
		LocalDate first = LocalDate.of(2026, 9, 7);
		LocalDate last = LocalDate.now(clock).minusDays(1);
		if (last.isBefore(first)) {
			return;
		}
		int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
		List<long[]> assignments = jdbc.sql("""
				select m.student_id, m.mentor_user_id from mentor_assignment m join school_class c on c.id = m.class_id
				  join grade g on g.id = c.grade_id
				 where c.school_id = :s and not (g.level in (7, 8, 9) and c.name = '1班' and c.school_id = (
				       select id from school where name = '海曙区实验学校'))
				 order by m.student_id""")
			.param("s", schoolId).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		List<Object[]> talks = new ArrayList<>();
		List<Object[]> visits = new ArrayList<>();
		java.util.Set<Long> visited = new java.util.HashSet<>();
		for (long[] a : assignments) {
			LocalDate day = first.plusDays(random.nextInt(days));
			Timestamp at = Timestamp.from(day.atTime(16, 30).atZone(clock.getZone()).toInstant());
			if (random.nextInt(100) < 76) {
				talks.add(new Object[] { a[0], schoolId, Date.valueOf(day), random.nextBoolean() ? "心理辅导室" : "教室",
						TOPICS[random.nextInt(TOPICS.length)], STATES[random.nextInt(STATES.length)], a[1], at });
			}
			if (!visited.contains(a[1]) && random.nextInt(100) < 85) {
				visited.add(a[1]);
				visits.add(new Object[] { a[0], schoolId, at, "家长", "母亲", 40, a[1], at });
			}
		}
		template.batchUpdate("""
				insert into talk (student_id, school_id, talk_date, place, topics, student_state, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", talks);
		template.batchUpdate("""
				insert into home_visit (student_id, school_id, visited_at, interviewee, relation, duration_minutes,
				                        kind, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, 'GENERAL', ?, ?)""", visits);
	}

	private static final String[] TOPICS = { "开学适应", "学习压力", "同伴关系", "亲子沟通", "考试焦虑", "作息与睡眠" };

	private static final String[] STATES = { "平稳", "积极", "略有焦虑，已疏导", "平稳，需持续关注" };

	/** Creates a class with students, a head teacher and mentors (with the named demo accounts in 八年级（1）班). */
	private int buildClass(ChineseNames names, long schoolId, int schoolNo, int grade, int number, int seq) {
		long gradeId = jdbc.sql("""
				insert into grade (school_id, level, name) values (:s, :l, :n)
				on conflict (school_id, level) do update set name = excluded.name returning id""")
			.param("s", schoolId).param("l", grade).param("n", gradeName(grade)).query(Long.class).single();
		long classId = jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, :n) returning id")
			.param("s", schoolId).param("g", gradeId).param("n", number + "班").query(Long.class).single();
		boolean namedClass = schoolNo == 1 && grade == 8 && number == 1;
		int size = namedClass ? 45 : names.between(40, 50);
		List<Long> students = insertStudents(names, schoolId, classId, schoolNo, grade, number, size);

		String prefix = "t" + schoolNo + grade + number;
		long head;
		List<Long> mentors = new ArrayList<>();
		if (namedClass) {
			head = user("head1", "王建华", post("HEAD_TEACHER", null, null, schoolId, classId),
					post("MENTOR", null, null, schoolId, classId));
			mentors.add(user("mentor1", "李思远", post("MENTOR", null, null, schoolId, classId)));
			mentors.add(user("mentor2", "张雅琪", post("MENTOR", null, null, schoolId, classId)));
			mentors.add(head);
			user("staff1", "赵一鸣", post("SUBJECT_TEACHER", null, null, schoolId, classId));
		}
		else {
			head = user(prefix + "h", names.next(names.coin()), post("HEAD_TEACHER", null, null, schoolId, classId),
					post("MENTOR", null, null, schoolId, classId));
			mentors.add(head);
			int mentorCount = schoolNo == 2 && grade == 9 && number == 3 ? 2 : 3;
			for (int m = 2; m <= mentorCount; m++) {
				mentors.add(user(prefix + "m" + m, names.next(names.coin()), post("MENTOR", null, null, schoolId, classId)));
			}
		}
		// Each class has a psych committee member (心理委员): a student account that can only report concerns.
		long committeeStudent = students.get(4);
		String committeeName = jdbc.sql("select name from student where id = :id").param("id", committeeStudent)
			.query(String.class).single();
		// Linked to the student before the post: only a student account may hold PSYCH_COMMITTEE (ADR 0015).
		long committee = user(namedClass ? "committee1" : "c" + schoolNo + grade + number, committeeName);
		jdbc.sql("update app_user set student_id = :s where id = :u").param("s", committeeStudent).param("u", committee)
			.update();
		posts(committee, post("PSYCH_COMMITTEE", null, null, schoolId, classId));
		boolean leaveOneOut = schoolNo == 1 && grade == 7 && number == 2;
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(clock.instant());
		int perMentor = (students.size() + mentors.size() - 1) / mentors.size();
		for (int i = 0; i < students.size(); i++) {
			if (leaveOneOut && i == students.size() - 1) {
				break;
			}
			rows.add(new Object[] { classId, mentors.get(i / perMentor), students.get(i), head, now });
		}
		template.batchUpdate("""
				insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_by, assigned_at)
				values (?, ?, ?, ?, ?)""", rows);
		return seq + size;
	}

	private List<Long> insertStudents(ChineseNames names, long schoolId, long classId, int schoolNo, int grade,
			int number, int size) {
		int entryYear = 2026 - grade + 1;
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= size; i++) {
			boolean boy = names.coin();
			String studentNo = String.format("%d%d%02d%02d%02d", schoolNo, entryYear, grade, number, i);
			LocalDate birth = LocalDate.of(2026 - 6 - grade, 9, 1).minusDays(names.between(1, 364));
			String guardianSurname = names.next(true);
			rows.add(new Object[] { schoolId, classId, studentNo, names.next(boy), boy ? "M" : "F", Date.valueOf(birth),
					names.pick(ETHNICITIES), names.pick(PLACES),
					"宁波市" + names.pick(STREETS) + names.between(1, 300) + "号" + names.between(1, 30) + "幢",
					guardianSurname, String.format("13%d%08d", names.between(0, 9), names.between(0, 99_999_999)) });
		}
		template.batchUpdate("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date, ethnicity, native_place,
				                     address, guardian_name, guardian_phone)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		return jdbc.sql("select id from student where class_id = :c order by student_no").param("c", classId)
			.query(Long.class).list();
	}

	private void insertSampleArchives(long schoolId) {
		List<Long> ids = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 where s.school_id = :s and g.level = 8 and c.name = '1班' order by s.student_no limit 3""")
			.param("s", schoolId).query(Long.class).list();
		long psych = jdbc.sql("select id from app_user where username = 'psych1'").query(Long.class).single();
		String content = """
				{"health":{"level":"GOOD","poorDescription":null,"pastIllnesses":["NONE"],"pastIllnessOther":null},
				 "study":"成绩中上，数学较好，语文阅读需加强。","interests":"篮球、绘画",
				 "familySituation":"父母均在宁波工作，与祖母同住。",
				 "familyMembers":[{"relation":"父亲","name":"（略）","age":44,"occupation":"工程师","personality":"严谨、话少","liking":"RATHER_LIKE"},
				                  {"relation":"母亲","name":"（略）","age":42,"occupation":"会计","personality":"温和","liking":"LIKE"}],
				 "parentsRelationship":"HARMONIOUS","familyAtmosphere":"HARMONIOUS","familyAtmosphereOther":null,
				 "schoolHistory":[{"period":"2019.9–2025.6","school":"海曙区实验学校小学部","duty":"小组长","liking":"LIKE"}],
				 "lifeEvents":[{"date":"2024-03-01","description":"转入新班级","impact":"适应约一个月，后融入良好"}]}""";
		for (long id : ids) {
			Timestamp at = Timestamp.from(clock.instant());
			jdbc.sql("insert into growth_archive (student_id, version, content, updated_by, updated_at) values (:s, 1, cast(:c as jsonb), :u, :t)")
				.param("s", id).param("c", content).param("u", psych).param("t", at).update();
			jdbc.sql("insert into growth_archive_revision (student_id, version, content, changed_by, changed_at) values (:s, 1, cast(:c as jsonb), :u, :t)")
				.param("s", id).param("c", content).param("u", psych).param("t", at).update();
		}
	}

	private record PostSpec(String role, Long cityId, Long districtId, Long schoolId, Long classId) {
	}

	private static PostSpec post(String role, Long cityId, Long districtId, Long schoolId, Long classId) {
		return new PostSpec(role, cityId, districtId, schoolId, classId);
	}

	private long user(String username, String displayName, PostSpec... posts) {
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash, must_change_password)
				values (:u, :n, :h, false) returning id""")
			.param("u", username).param("n", displayName).param("h", passwordHash).query(Long.class).single();
		posts(id, posts);
		return id;
	}

	private void posts(long id, PostSpec... posts) {
		for (PostSpec p : posts) {
			jdbc.sql("""
					insert into post (user_id, role, city_id, district_id, school_id, class_id)
					values (:user, :role, :city, :district, :school, :class)""")
				.param("user", id).param("role", p.role()).param("city", p.cityId()).param("district", p.districtId())
				.param("school", p.schoolId()).param("class", p.classId()).update();
		}
	}

	private long insertReturningId(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static String gradeName(int level) {
		return GradeNames.nameOf(level);
	}
}
