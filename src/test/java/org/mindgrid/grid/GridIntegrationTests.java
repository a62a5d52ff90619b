package org.mindgrid.grid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.mindgrid.school.SchoolStructure;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid over real HTTP: demo grid and its deliberate gaps, scope, and changes on a class made for the test. */
@IntegrationTest
class GridIntegrationTests {

	private static final List<MentorAssigned> EVENTS = new CopyOnWriteArrayList<>();

	private static final AtomicInteger SEQ = new AtomicInteger();

	private static volatile boolean listening;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchoolStructure schools;

	@Autowired
	ConfigurableApplicationContext context;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		synchronized (EVENTS) {
			if (!listening) {
				context.addApplicationListener(event -> {
					if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof MentorAssigned m) {
						EVENTS.add(m);
					}
				});
				listening = true;
			}
		}
	}

	@Test
	void headTeacherReadsTheDemoClassGrid() {
		Api.Response r = api.get("head1", "/api/v1/classes/" + demoClass() + "/grid");
		assertThat(r.status()).isEqualTo(200);
		JsonNode grid = r.json();
		assertThat(grid.get("className").asString()).isEqualTo("八年级（1）班");
		assertThat(grid.get("gradeLevel").asInt()).isEqualTo(8);
		List<String> names = new ArrayList<>();
		for (JsonNode m : grid.get("mentors")) {
			names.add(m.get("name").asString());
			assertThat(m.get("studentCount").asInt()).isEqualTo(15);
			assertThat(m.get("studentIds").size()).isEqualTo(15);
		}
		assertThat(names).containsExactlyInAnyOrder("李思远", "张雅琪", "王建华");
		assertThat(grid.get("unassignedStudentIds").size()).isZero();
		assertThat(grid.get("warnings").size()).isZero();
	}

	@Test
	void schoolOneWarnsOfTheStudentWithoutMentor() {
		Api.Response r = api.get("psych1", "/api/v1/schools/" + schoolOf("psych1") + "/grid-warnings?size=200");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("total").asLong()).isPositive();
		assertThat(warnings(r.json())).anySatisfy(w -> {
			assertThat(w.get("code").asString()).isEqualTo("STUDENT_WITHOUT_MENTOR");
			assertThat(w.get("className").asString()).isEqualTo("七年级（2）班");
			assertThat(w.get("studentId").isNumber()).isTrue();
			assertThat(w.get("message").asString()).contains("还没有心导师");
		});
	}

	@Test
	void schoolTwoWarnsOfItsThinClassInEnglishToo() {
		Api.Response r = api.get("psych2", "/api/v1/schools/" + schoolOf("psych2") + "/grid-warnings?size=200&lang=en");
		assertThat(r.status()).isEqualTo(200);
		List<JsonNode> thin = warnings(r.json()).stream()
			.filter(w -> w.get("className").asString().equals("九年级（3）班"))
			.toList();
		assertThat(thin).anySatisfy(w -> {
			assertThat(w.get("code").asString()).isEqualTo("FEWER_THAN_3_MENTORS");
			assertThat(w.get("message").asString()).contains("only 2 mentors");
		});
		assertThat(thin).anySatisfy(w -> {
			assertThat(w.get("code").asString()).isEqualTo("MENTOR_OVER_15");
			assertThat(w.get("mentorUserId").isNumber()).isTrue();
		});
	}

	@Test
	void otherSchoolsGet404AndTheBureau403() {
		long school2Class = classOf(schoolOf("psych2"), 9, "3班");
		assertThat(api.get("psych1", "/api/v1/classes/" + school2Class + "/grid").status()).isEqualTo(404);
		assertThat(api.get("psych1", "/api/v1/schools/" + schoolOf("psych2") + "/grid-warnings").status()).isEqualTo(404);
		assertThat(api.get("psych2", "/api/v1/classes/" + demoClass() + "/grid").status()).isEqualTo(404);
		assertThat(api.get("psych1", "/api/v1/classes/999999999/grid").status()).isEqualTo(404);
		for (String bureau : List.of("city", "district", "admin")) {
			Api.Response r = api.get(bureau, "/api/v1/classes/" + demoClass() + "/grid");
			assertThat(r.status()).as(bureau).isEqualTo(403);
			assertThat(r.contentType()).contains("application/problem+json");
			assertThat(api.get(bureau, "/api/v1/schools/" + schoolOf("psych1") + "/grid-warnings").status()).isEqualTo(403);
		}
		// same school, but neither in the class's grid nor a school-wide role
		assertThat(api.get("staff1", "/api/v1/classes/" + demoClass() + "/grid").status()).isEqualTo(403);
		assertThat(api.get("head1", "/api/v1/schools/" + schoolOf("head1") + "/grid-warnings").status()).isEqualTo(403);
		assertThat(api.get("principal1", "/api/v1/classes/" + demoClass() + "/grid").status()).isEqualTo(200);
	}

	@Test
	void mentorReadsTheClassGridButCannotChangeIt() {
		long classId = demoClass();
		assertThat(api.get("mentor1", "/api/v1/classes/" + classId + "/grid").status()).isEqualTo(200);
		String mentor = "/api/v1/classes/" + classId + "/mentors/" + userId("mentor1");
		assertThat(api.post("mentor1", "/api/v1/classes/" + classId + "/mentors", Map.of("userId", userId("staff1")))
			.status()).isEqualTo(403);
		assertThat(api.put("mentor1", mentor + "/students", Map.of("studentIds", List.of())).status()).isEqualTo(403);
		assertThat(api.delete("mentor1", mentor).status()).isEqualTo(403);
		assertThat(api.put("principal1", mentor + "/students", Map.of("studentIds", List.of())).status()).isEqualTo(403);
		assertThat(api.get("mentor1", "/api/v1/classes/" + classId + "/grid").json().get("mentors").get(0)
			.get("studentCount").asInt()).isEqualTo(15);
	}

	@Test
	void headTeacherKeepsTheSetAndAForeignStudentIsRefused() {
		long classId = demoClass();
		String path = "/api/v1/classes/" + classId + "/mentors/" + userId("mentor1") + "/students";
		List<Long> own = studentsOfMentor(classId, "mentor1");
		assertThat(own).hasSize(15);
		assertThat(api.put("head1", path, Map.of("studentIds", own)).status()).isEqualTo(200);
		long foreign = jdbc.sql("select id from student where class_id = :c limit 1")
			.param("c", classOf(schoolOf("head1"), 7, "2班")).query(Long.class).single();
		List<Long> withForeign = new ArrayList<>(own);
		withForeign.add(foreign);
		Api.Response refused = api.put("head1", path, Map.of("studentIds", withForeign));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains(String.valueOf(foreign));
		assertThat(studentsOfMentor(classId, "mentor1")).containsExactlyInAnyOrderElementsOf(own);
	}

	@Test
	void headTeacherBuildsTheGridOfANewClass() {
		Fixture f = fixture(16);
		String base = "/api/v1/classes/" + f.classId();
		JsonNode empty = api.get(f.head(), base + "/grid").json();
		assertThat(empty.get("mentors").size()).isZero();
		assertThat(codes(empty)).contains("FEWER_THAN_3_MENTORS", "STUDENT_WITHOUT_MENTOR");
		assertThat(empty.get("unassignedStudentIds").size()).isEqualTo(16);

		for (long teacher : f.teachers()) {
			assertThat(api.post(f.head(), base + "/mentors", Map.of("userId", teacher)).status()).isEqualTo(201);
		}
		assertThat(api.post(f.head(), base + "/mentors", Map.of("userId", f.teachers().get(0))).status()).isEqualTo(200);
		assertThat(api.post(f.head(), base + "/mentors", Map.of("userId", userId("psych2"))).status()).isEqualTo(400);
		assertThat(api.post(f.head(), base + "/mentors", Map.of()).status()).isEqualTo(400);
		assertThat(codes(api.get(f.head(), base + "/grid").json())).doesNotContain("FEWER_THAN_3_MENTORS");

		long a = f.teachers().get(0);
		long b = f.teachers().get(1);
		List<Long> s = f.students();
		// all 16 to one mentor: allowed, with the warning as the control
		JsonNode over = api.put(f.head(), base + "/mentors/" + a + "/students", Map.of("studentIds", s)).json();
		assertThat(codes(over)).containsExactly("MENTOR_OVER_15");
		assertThat(over.get("warnings").get(0).get("mentorUserId").asLong()).isEqualTo(a);
		assertThat(EVENTS).anySatisfy(e -> {
			assertThat(e.classId()).isEqualTo(f.classId());
			assertThat(e.mentorUserId()).isEqualTo(a);
			assertThat(e.assignedStudentIds()).hasSize(16);
		});
		// a student may have several mentors
		JsonNode shared = api.put(f.head(), base + "/mentors/" + b + "/students", Map.of("studentIds", s.subList(0, 2))).json();
		assertThat(mentorNode(shared, b).get("studentCount").asInt()).isEqualTo(2);
		JsonNode fine = api.put(f.head(), base + "/mentors/" + a + "/students", Map.of("studentIds", s.subList(1, 16))).json();
		assertThat(fine.get("warnings").size()).isZero();
		assertThat(mentorNode(fine, a).get("studentCount").asInt()).isEqualTo(15);

		assertThat(api.delete(f.head(), base + "/mentors/" + b).status()).isEqualTo(409);
		api.put(f.head(), base + "/mentors/" + b + "/students", Map.of("studentIds", List.of()));
		JsonNode after = api.get(f.head(), base + "/grid").json();
		assertThat(after.get("unassignedStudentIds").get(0).asLong()).isEqualTo(s.get(0));
		assertThat(api.delete(f.head(), base + "/mentors/" + b).status()).isEqualTo(204);
		assertThat(api.delete(f.head(), base + "/mentors/" + b).status()).isEqualTo(404);
		assertThat(codes(api.get(f.head(), base + "/grid").json()))
			.containsExactlyInAnyOrder("FEWER_THAN_3_MENTORS", "STUDENT_WITHOUT_MENTOR");

		long audited = jdbc.sql("select count(*) from audit_event where action = 'MENTOR_ASSIGN' and resource = :r")
			.param("r", "class/" + f.classId() + "/grid").query(Long.class).single();
		// 3 mentors added, 16 + 2 assigned, 1 unassigned from a, 2 from b, 1 mentor removed
		assertThat(audited).isEqualTo(3 + 16 + 2 + 1 + 2 + 1);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'MENTOR_ASSIGN' and student_id = :s")
			.param("s", s.get(0)).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void psychologyTeacherMayChangeAnyClassOfTheSchoolButNotAForeignOne() {
		Fixture f = fixture(3);
		String base = "/api/v1/classes/" + f.classId();
		assertThat(api.post("psych1", base + "/mentors", Map.of("userId", f.teachers().get(0))).status()).isEqualTo(201);
		assertThat(api.put("psych1", base + "/mentors/" + f.teachers().get(0) + "/students",
				Map.of("studentIds", f.students())).status()).isEqualTo(200);
		assertThat(api.put("psych1", base + "/mentors/" + f.teachers().get(1) + "/students",
				Map.of("studentIds", f.students())).status()).isEqualTo(404);
		assertThat(api.put("psych1", base + "/mentors/" + f.teachers().get(0) + "/students", Map.of()).status())
			.isEqualTo(400);
		assertThat(api.post("psych2", base + "/mentors", Map.of("userId", f.teachers().get(1))).status()).isEqualTo(404);
		assertThat(api.post("city", base + "/mentors", Map.of("userId", f.teachers().get(1))).status()).isEqualTo(403);
	}

	// --- fixtures: a class of school 1 (grade 5) with its own head teacher and three staff members -------------

	record Fixture(long classId, String head, List<Long> teachers, List<Long> students) {
	}

	private Fixture fixture(int studentCount) {
		int n = SEQ.incrementAndGet();
		String tag = "g" + System.currentTimeMillis() % 1_000_000 + "x" + n;
		long school = schoolOf("head1");
		long classId = schools.ensureClass(school, 5, tag + "班").id();
		String head = tag + "h";
		long headId = user(head, "网格测试班主任" + n);
		post(headId, "HEAD_TEACHER", school, classId);
		List<Long> teachers = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			long id = user(tag + "t" + i, "网格测试教师" + n + "-" + i);
			post(id, "SUBJECT_TEACHER", school, classId);
			teachers.add(id);
		}
		List<Long> students = new ArrayList<>();
		for (int i = 1; i <= studentCount; i++) {
			students.add(jdbc.sql("""
					insert into student (school_id, class_id, student_no, name, gender, birth_date)
					values (:school, :class, :no, :name, 'F', :birth) returning id""")
				.param("school", school).param("class", classId).param("no", tag + String.format("%02d", i))
				.param("name", "测试学生" + i).param("birth", java.sql.Date.valueOf(LocalDate.of(2015, 3, i)))
				.query(Long.class).single());
		}
		return new Fixture(classId, head, teachers, students);
	}

	/** A user with the demo password (the hash is head1's), so that {@link Api} can fetch a token. */
	private long user(String username, String name) {
		return jdbc.sql("""
				insert into app_user (username, display_name, password_hash)
				select :u, :n, password_hash from app_user where username = 'head1' returning id""")
			.param("u", username).param("n", name).query(Long.class).single();
	}

	private void post(long userId, String role, long school, long classId) {
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, :r, :s, :c)")
			.param("u", userId).param("r", role).param("s", school).param("c", classId).update();
	}

	// --- look-ups -------------------------------------------------------------------------------------------

	long demoClass() {
		return jdbc.sql("""
				select p.class_id from post p join app_user u on u.id = p.user_id
				 where u.username = 'head1' and p.role = 'HEAD_TEACHER'""").query(Long.class).single();
	}

	long schoolOf(String username) {
		return jdbc.sql("""
				select min(p.school_id) from post p join app_user u on u.id = p.user_id where u.username = :u""")
			.param("u", username).query(Long.class).single();
	}

	long classOf(long school, int grade, String name) {
		return schools.findClass(school, grade, name).orElseThrow().id();
	}

	long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	List<Long> studentsOfMentor(long classId, String username) {
		return jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where ma.class_id = :c and u.username = :u order by ma.student_id""")
			.param("c", classId).param("u", username).query(Long.class).list();
	}

	static List<JsonNode> warnings(JsonNode page) {
		List<JsonNode> items = new ArrayList<>();
		page.get("items").forEach(items::add);
		return items;
	}

	static Set<String> codes(JsonNode grid) {
		Set<String> codes = new HashSet<>();
		grid.get("warnings").forEach(w -> codes.add(w.get("code").asString()));
		return codes;
	}

	static JsonNode mentorNode(JsonNode grid, long userId) {
		for (JsonNode m : grid.get("mentors")) {
			if (m.get("userId").asLong() == userId) {
				return m;
			}
		}
		throw new AssertionError("no mentor " + userId + " in " + grid);
	}
}
