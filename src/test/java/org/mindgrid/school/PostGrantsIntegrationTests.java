package org.mindgrid.school;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6, points 3 and 4, over real HTTP: a student account never gains a staff post or a mentor assignment (API
 * and database), nobody grants themselves a post that opens student data, the system administrator grants no such
 * post at all, and every grant and removal is a security event the school's leaders and the students' trails show.
 */
@IntegrationTest
class PostGrantsIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	Api api;

	final List<Long> createdUsers = new ArrayList<>();

	final List<Long> createdStudents = new ArrayList<>();

	long school1;

	long school2;

	long class81;

	long committee1;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		school2 = jdbc.sql("select id from school where name = '江北区育才初级中学'").query(Long.class).single();
		class81 = classOf(school1, 8, "1班");
		committee1 = userId("committee1");
	}

	// --- point 3: a student account can never hold a staff post or a mentor assignment ---------------------------

	@Test
	void headTeacherCannotMakeThePsychCommitteeStudentAMentor() {
		var refused = api.post("head1", "/api/v1/classes/" + class81 + "/mentors", Map.of("userId", committee1));
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("code").asString()).isEqualTo("grid.student-account");
		assertThat(refused.json().get("detail").asString()).contains("学生账号");
		var english = api.post("head1", "/api/v1/classes/" + class81 + "/mentors?lang=en", Map.of("userId", committee1));
		assertThat(english.json().get("detail").asString()).contains("student account");
		assertThat(postsOf(committee1)).containsExactly("PSYCH_COMMITTEE");
		// not a mentor, so no classmates can be assigned to them either
		var assign = api.put("head1", "/api/v1/classes/" + class81 + "/mentors/" + committee1 + "/students",
				Map.of("studentIds", List.of(classmateOf(committee1))));
		assertThat(assign.status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from mentor_assignment where mentor_user_id = :u").param("u", committee1)
			.query(Long.class).single()).isZero();
	}

	@Test
	void parallelAttemptsToMakeTheStudentAMentorAllFail() throws Exception {
		List<Integer> statuses = parallel(8, () -> api.post("psych1", "/api/v1/classes/" + class81 + "/mentors",
				Map.of("userId", committee1)).status());
		assertThat(statuses).containsOnly(409);
		assertThat(postsOf(committee1)).containsExactly("PSYCH_COMMITTEE");
	}

	@Test
	void schoolAdminCannotGiveAStudentAccountAStaffPost() {
		String path = "/api/v1/staff/" + committee1 + "/posts";
		var psych = api.post("principal1", path, Map.of("role", "PSYCH_TEACHER"));
		assertThat(psych.status()).as(psych.body()).isEqualTo(409);
		assertThat(psych.contentType()).startsWith("application/problem+json");
		assertThat(psych.json().get("code").asString()).isEqualTo("staff.post.student-account");
		assertThat(psych.json().get("detail").asString()).contains("学生账号");
		assertThat(api.post("principal1", path + "?lang=en", Map.of("role", "PSYCH_TEACHER")).json().get("detail")
			.asString()).contains("student account");
		assertThat(api.post("principal1", path, Map.of("role", "MENTOR", "classId", class81)).status()).isEqualTo(409);
		assertThat(api.post("principal1", path, Map.of("role", "SCHOOL_LEADER")).status()).isEqualTo(409);
		// the committee post is not a staff post: never through the staff endpoints, for anybody (was a 500)
		long staff1 = userId("staff1");
		var committee = api.post("principal1", "/api/v1/staff/" + staff1 + "/posts",
				Map.of("role", "PSYCH_COMMITTEE", "classId", class81));
		assertThat(committee.status()).as(committee.body()).isEqualTo(400);
		assertThat(committee.json().get("errors").get("role").asString()).isNotBlank();
		assertThat(api.post("admin", "/api/v1/staff/" + staff1 + "/posts", Map.of("role", "PSYCH_COMMITTEE")).status())
			.isEqualTo(400);
		assertThat(postsOf(committee1)).containsExactly("PSYCH_COMMITTEE");
		assertThat(postsOf(staff1)).containsExactly("SUBJECT_TEACHER");
	}

	@Test
	void theDatabaseRefusesStaffPostsAndMentorAssignmentsOfStudentAccounts() {
		long mentor1 = userId("mentor1");
		long student = classmateOf(committee1);
		assertThatThrownBy(() -> jdbc.sql("""
				insert into post (user_id, role, school_id, class_id) values (:u, 'MENTOR', :s, :c)""")
			.param("u", committee1).param("s", school1).param("c", class81).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_staff_post");
		assertThatThrownBy(() -> jdbc.sql("insert into post (user_id, role, school_id) values (:u, 'PSYCH_TEACHER', :s)")
			.param("u", committee1).param("s", school1).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_staff_post");
		long committeePost = jdbc.sql("select id from post where user_id = :u").param("u", committee1)
			.query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("update post set role = 'HEAD_TEACHER' where id = :id")
			.param("id", committeePost).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_staff_post");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at)
				values (:c, :u, :s, now())""").param("c", class81).param("u", committee1).param("s", student).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_mentor");
		// the other way round: linking a staff member's account to a student, or a committee post for staff
		assertThatThrownBy(() -> jdbc.sql("update app_user set student_id = :s where id = :u")
			.param("s", student).param("u", mentor1).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_staff_post");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into post (user_id, role, school_id, class_id) values (:u, 'PSYCH_COMMITTEE', :s, :c)""")
			.param("u", mentor1).param("s", school1).param("c", class81).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_staff_post");
		assertThatThrownBy(() -> jdbc.sql("update app_user set student_id = null where id = :u").param("u", committee1)
			.update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_staff_post");
		// a staff account without posts but with mentor assignments cannot be linked to a student either
		long lone = account("lone", null);
		long assigned = jdbc.sql("select id from student where class_id = :c order by id limit 1").param("c", class81)
			.query(Long.class).single();
		jdbc.sql("""
				insert into mentor_assignment (class_id, mentor_user_id, student_id, assigned_at)
				values (:c, :u, :s, now())""").param("c", class81).param("u", lone).param("s", assigned).update();
		long unlinked = jdbc.sql("""
				select s.id from student s where s.school_id = :school
				   and not exists (select 1 from app_user u where u.student_id = s.id) order by s.id desc limit 1""")
			.param("school", school2).query(Long.class).single();
		try {
			assertThatThrownBy(() -> jdbc.sql("update app_user set student_id = :s where id = :u")
				.param("s", unlinked).param("u", lone).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_mentor");
		}
		finally {
			jdbc.sql("delete from mentor_assignment where mentor_user_id = :u").param("u", lone).update();
		}
		assertThat(postsOf(committee1)).containsExactly("PSYCH_COMMITTEE");
	}

	@Test
	void aGrantAndAConcurrentLinkToAStudentNeverBothCommit() throws Exception {
		long first = account("race", school1);
		long student = unlinkedStudent();
		// a grant is open when the account is linked: the link waits for it, then sees the post and is refused
		Throwable linkError = race(() -> post(first, "SUBJECT_TEACHER", school1, class81),
				() -> jdbc.sql("update app_user set student_id = :s where id = :u").param("s", student).param("u", first)
					.update());
		assertThat(linkError).isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_staff_post");
		assertThat(postsOf(first)).containsExactly("SUBJECT_TEACHER");
		// a link is open when a post is granted: the grant waits for it, then sees the student and is refused
		long second = account("race", school1);
		try {
			Throwable grantError = race(() -> jdbc.sql("update app_user set student_id = :s where id = :u")
				.param("s", student).param("u", second).update(), () -> post(second, "MENTOR", school1, class81));
			assertThat(grantError).isInstanceOf(DataAccessException.class).hasMessageContaining("student_account_staff_post");
			assertThat(postsOf(second)).isEmpty();
		}
		finally {
			jdbc.sql("update app_user set student_id = null where id = :u").param("u", second).update();
		}
	}

	/**
	 * Runs {@code first} in a transaction that stays open until {@code second}, started meanwhile on another
	 * connection, has had time to block; then commits. Returns what {@code second} threw (null if nothing).
	 */
	private Throwable race(Runnable first, Runnable second) throws Exception {
		var tx = new TransactionTemplate(transactions);
		CountDownLatch opened = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> holder = pool.submit(() -> tx.executeWithoutResult(status -> {
				first.run();
				opened.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Throwable> waiting = pool.submit(() -> {
				try {
					second.run();
					return null;
				}
				catch (RuntimeException e) {
					return e;
				}
			});
			Thread.sleep(300);
			assertThat(waiting.isDone()).as("the second write waits for the first transaction").isFalse();
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
			return waiting.get(10, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	private long unlinkedStudent() {
		return jdbc.sql("""
				select s.id from student s where s.school_id = :school
				   and not exists (select 1 from app_user u where u.student_id = s.id) order by s.id limit 1""")
			.param("school", school2).query(Long.class).single();
	}

	// --- point 4: who grants posts that open student data ---------------------------------------------------------

	@Test
	void systemAdminCannotGiveThemselvesAPostAtASchool() {
		long admin = userId("admin");
		var self = api.post("admin", "/api/v1/staff/" + admin + "/posts", Map.of("role", "PSYCH_TEACHER", "schoolId", school1));
		assertThat(self.status()).as(self.body()).isEqualTo(403);
		assertThat(self.contentType()).startsWith("application/problem+json");
		assertThat(api.post("admin", "/api/v1/staff/" + admin + "/posts",
				Map.of("role", "HEAD_TEACHER", "classId", class81)).status()).isEqualTo(403);
		assertThat(api.post("admin", "/api/v1/staff/" + admin + "/posts",
				Map.of("role", "SCHOOL_ADMIN", "schoolId", school1)).status()).isEqualTo(403);
		assertThat(postsOf(admin)).containsExactly("SYSTEM_ADMIN");
		// nor to anybody else: posts that open student data come from the school's admin or leader
		long teacher = account("sys", school1);
		var other = api.post("admin", "/api/v1/staff/" + teacher + "/posts", Map.of("role", "PSYCH_TEACHER", "schoolId", school1));
		assertThat(other.status()).as(other.body()).isEqualTo(403);
		assertThat(other.json().get("code").asString()).isEqualTo("staff.post.system-admin-forbidden");
		assertThat(api.post("admin", "/api/v1/staff/" + teacher + "/posts", Map.of("role", "MENTOR", "classId", class81))
			.status()).isEqualTo(403);
		assertThat(postsOf(teacher)).isEmpty();
		// setting up a school: the system administrator makes its administrator
		var schoolAdmin = api.post("admin", "/api/v1/staff/" + teacher + "/posts", Map.of("role", "SCHOOL_ADMIN", "schoolId", school1));
		assertThat(schoolAdmin.status()).as(schoolAdmin.body()).isEqualTo(201);
		assertThat(postsOf(teacher)).containsExactly("SCHOOL_ADMIN");
		// but not a bureau officer's or another system account's
		assertThat(api.post("admin", "/api/v1/staff/" + userId("city") + "/posts",
				Map.of("role", "SCHOOL_ADMIN", "schoolId", school1)).status()).isEqualTo(404);
	}

	@Test
	void schoolAdminAndLeaderCannotGiveThemselvesPostsThatOpenStudentData() {
		long principal1 = userId("principal1");
		var self = api.post("principal1", "/api/v1/staff/" + principal1 + "/posts", Map.of("role", "PSYCH_TEACHER"));
		assertThat(self.status()).as(self.body()).isEqualTo(403);
		assertThat(self.json().get("code").asString()).isEqualTo("staff.post.self-grant");
		assertThat(self.json().get("detail").asString()).contains("自己");
		assertThat(api.post("principal1", "/api/v1/staff/" + principal1 + "/posts?lang=en", Map.of("role", "PSYCH_TEACHER"))
			.json().get("detail").asString()).contains("yourself");
		for (var body : List.<Map<String, Object>>of(Map.of("role", "MENTOR", "classId", class81),
				Map.of("role", "HEAD_TEACHER", "classId", class81), Map.of("role", "SUBJECT_TEACHER", "classId", class81),
				Map.of("role", "CRISIS_TEAM"))) {
			assertThat(api.post("principal1", "/api/v1/staff/" + principal1 + "/posts", body).status()).as(body.toString())
				.isEqualTo(403);
		}
		// a leader who is not an administrator: same rule
		long leader = account("lead", school1);
		post(leader, "SCHOOL_LEADER", school1, null);
		String leaderName = username(leader);
		assertThat(api.post(leaderName, "/api/v1/staff/" + leader + "/posts", Map.of("role", "SCHOOL_ADMIN")).status())
			.isEqualTo(403);
		assertThat(api.post(leaderName, "/api/v1/staff/" + leader + "/posts", Map.of("role", "MENTOR", "classId", class81))
			.status()).isEqualTo(403);
		assertThat(postsOf(leader)).containsExactly("SCHOOL_LEADER");
		assertThat(postsOf(principal1)).containsExactlyInAnyOrder("SCHOOL_LEADER", "SCHOOL_ADMIN");
	}

	@Test
	void aLeaderGrantsAndRemovesPostsOfTheirOwnSchoolOnly() {
		long leader = account("lead", school1);
		post(leader, "SCHOOL_LEADER", school1, null);
		String leaderName = username(leader);
		long teacher = account("t", school1);
		var granted = api.post(leaderName, "/api/v1/staff/" + teacher + "/posts", Map.of("role", "PSYCH_TEACHER"));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		assertThat(api.get(leaderName, "/api/v1/schools/" + school1 + "/staff").body()).contains(username(teacher));
		long postId = granted.json().get("id").asLong();
		assertThat(api.delete(leaderName, "/api/v1/posts/" + postId).status()).isEqualTo(204);
		// another school's staff stay out of reach, and account management stays with administrators
		long psych2 = userId("psych2");
		assertThat(api.post(leaderName, "/api/v1/staff/" + psych2 + "/posts", Map.of("role", "CRISIS_TEAM")).status())
			.isEqualTo(404);
		assertThat(api.post(leaderName, "/api/v1/staff/" + psych2 + "/posts",
				Map.of("role", "CRISIS_TEAM", "schoolId", school2)).status()).isEqualTo(404);
		assertThat(api.post(leaderName, "/api/v1/schools/" + school1 + "/staff/" + teacher + "/disable", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void headTeacherMayMentorTheirOwnClassThroughTheGrid() {
		long classId = newClass(school1, 6);
		long head = account("h", school1);
		post(head, "HEAD_TEACHER", school1, classId);
		var self = api.post(username(head), "/api/v1/classes/" + classId + "/mentors", Map.of("userId", head));
		assertThat(self.status()).as(self.body()).isEqualTo(201);
		assertThat(postsOf(head)).containsExactlyInAnyOrder("HEAD_TEACHER", "MENTOR");
	}

	@Test
	void parallelGrantsOfTheSamePostCreateOne() throws Exception {
		long teacher = account("par", school1);
		List<Integer> statuses = parallel(6, () -> api.post("principal1", "/api/v1/staff/" + teacher + "/posts",
				Map.of("role", "SUBJECT_TEACHER", "classId", class81)).status());
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
		assertThat(postsOf(teacher)).containsExactly("SUBJECT_TEACHER");
	}

	// --- point 4: every grant and removal is a security event ------------------------------------------------------

	@Test
	void aClassPostGrantShowsInTheLeadersListAndInTheTrailOfTheClassesStudents() {
		long classId = classOf(school1, 3, "1班");
		long teacher = account("cls", school1);
		var granted = api.post("principal1", "/api/v1/staff/" + teacher + "/posts",
				Map.of("role", "SUBJECT_TEACHER", "classId", classId));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		long postId = granted.json().get("id").asLong();
		String marker = "post/" + postId + " ";

		JsonNode events = api.get("principal1", "/api/v1/schools/" + school1 + "/post-events?size=50").json();
		assertThat(events.get("total").asLong()).isPositive();
		assertThat(events.get("page").asInt()).isZero();
		assertThat(events.get("size").asInt()).isEqualTo(50);
		JsonNode event = find(events.get("items"), marker);
		assertThat(event).as(events.toString()).isNotNull();
		assertThat(event.get("action").asString()).isEqualTo("STAFF_POST_ADD");
		assertThat(event.get("actor").asString()).isEqualTo("principal1");
		assertThat(event.get("holderUserId").asLong()).isEqualTo(teacher);
		assertThat(event.get("role").asString()).isEqualTo("SUBJECT_TEACHER");
		assertThat(event.get("classId").asLong()).isEqualTo(classId);

		long inClass = firstStudentOf(classId);
		long otherClass = firstStudentOf(classOf(school1, 4, "1班"));
		assertThat(find(trail("psych1", inClass), marker)).isNotNull();
		assertThat(find(trail("psych1", otherClass), marker)).isNull();

		assertThat(api.delete("principal1", "/api/v1/posts/" + postId).status()).isEqualTo(204);
		JsonNode trail = trail("principal1", inClass);
		assertThat(findAction(trail, marker, "STAFF_POST_REMOVE")).isNotNull();
		assertThat(findAction(trail, marker, "STAFF_POST_ADD")).isNotNull();
		assertThat(findAction(api.get("principal1", "/api/v1/schools/" + school1 + "/post-events").json().get("items"),
				marker, "STAFF_POST_REMOVE")).isNotNull();
	}

	@Test
	void aSchoolPostGrantShowsInTheTrailOfEveryStudentOfTheSchoolOnly() {
		long teacher = account("sch", school1);
		var granted = api.post("principal1", "/api/v1/staff/" + teacher + "/posts", Map.of("role", "CRISIS_TEAM"));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		String marker = "post/" + granted.json().get("id").asLong() + " ";
		assertThat(find(trail("psych1", firstStudentOf(class81)), marker)).isNotNull();
		assertThat(find(trail("psych1", firstStudentOf(classOf(school1, 1, "2班"))), marker)).isNotNull();
		long school2Student = jdbc.sql("select id from student where school_id = :s order by id limit 1")
			.param("s", school2).query(Long.class).single();
		assertThat(find(trail("psych2", school2Student), marker)).isNull();
		// the other school's leaders see nothing of it
		assertThat(find(api.get("principal2", "/api/v1/schools/" + school2 + "/post-events?size=200").json().get("items"),
				marker)).isNull();
		assertThat(api.get("principal2", "/api/v1/schools/" + school1 + "/post-events").status()).isEqualTo(404);
	}

	@Test
	void gridChangesAreSecurityEventsToo() {
		long classId = newClass(school1, 6);
		long teacher = account("gm", school1);
		post(teacher, "SUBJECT_TEACHER", school1, classId);
		long student = newStudent(school1, classId);
		long neighbour = newStudent(school1, classId);
		String base = "/api/v1/classes/" + classId;
		assertThat(api.post("psych1", base + "/mentors", Map.of("userId", teacher)).status()).isEqualTo(201);
		assertThat(api.put("psych1", base + "/mentors/" + teacher + "/students", Map.of("studentIds", List.of(student)))
			.status()).isEqualTo(200);
		JsonNode items = api.get("principal1", "/api/v1/schools/" + school1 + "/post-events?size=20").json().get("items");
		List<String> actions = new ArrayList<>();
		for (JsonNode item : items) {
			if (item.get("classId") != null && !item.get("classId").isNull() && item.get("classId").asLong() == classId) {
				actions.add(item.get("action").asString() + (item.get("studentId").isNull() ? "" : "/" + item.get("studentId").asLong()));
			}
		}
		assertThat(actions).containsExactlyInAnyOrder("MENTOR_ASSIGN", "MENTOR_ASSIGN/" + student);
		// the mentor post covers the class; the assignment only its student
		assertThat(countAction(trail("psych1", student), "MENTOR_ASSIGN")).isEqualTo(2);
		assertThat(countAction(trail("psych1", neighbour), "MENTOR_ASSIGN")).isEqualTo(1);
	}

	@Test
	void postEventsAreForTheSchoolsLeadersAndAdministratorsOnly() {
		String path = "/api/v1/schools/" + school1 + "/post-events";
		assertThat(api.get("principal1", path).status()).isEqualTo(200);
		for (String user : List.of("admin", "city", "district", "psych1", "head1", "mentor1", "staff1", "committee1")) {
			var r = api.get(user, path);
			assertThat(r.status()).as(user).isEqualTo(403);
			assertThat(r.contentType()).as(user).startsWith("application/problem+json");
		}
		assertThat(api.get("psych2", path).status()).isEqualTo(404);
		assertThat(api.get("principal1", "/api/v1/schools/99999999/post-events").status()).isEqualTo(404);
		assertThat(api.get("principal1", "/api/v1/schools/abc/post-events").status()).isEqualTo(400);
		JsonNode clamped = api.get("principal1", path + "?page=-5&size=100000").json();
		assertThat(clamped.get("page").asInt()).isZero();
		assertThat(clamped.get("size").asInt()).isEqualTo(200);
		assertThat(api.get("principal1", path + "?page=999999999").json().get("items").size()).isZero();
		assertThat(api.get(null, path).status()).isEqualTo(401);
	}

	/**
	 * Other tests share this database and count leaders, psychology teachers and students' duty owners: the accounts
	 * made here end disabled and without posts or assignments, and their students leave (audit lines stay).
	 */
	@AfterEach
	void tearDown() {
		if (!createdUsers.isEmpty()) {
			jdbc.sql("delete from mentor_assignment where mentor_user_id in (:ids)").param("ids", createdUsers).update();
			jdbc.sql("delete from post where user_id in (:ids)").param("ids", createdUsers).update();
			jdbc.sql("update app_user set enabled = false where id in (:ids)").param("ids", createdUsers).update();
			createdUsers.clear();
		}
		if (!createdStudents.isEmpty()) {
			jdbc.sql("update student set status = 'LEFT' where id in (:ids)").param("ids", createdStudents).update();
			createdStudents.clear();
		}
	}

	// --- helpers --------------------------------------------------------------------------------------------------

	private JsonNode trail(String reader, long studentId) {
		var r = api.get(reader, "/api/v1/students/" + studentId + "/audit?size=200");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items");
	}

	private static JsonNode find(JsonNode items, String detailPart) {
		for (JsonNode item : items) {
			if (item.get("detail") != null && item.get("detail").asString("").contains(detailPart)) {
				return item;
			}
		}
		return null;
	}

	private static JsonNode findAction(JsonNode items, String detailPart, String action) {
		for (JsonNode item : items) {
			if (item.get("action").asString().equals(action) && item.get("detail").asString("").contains(detailPart)) {
				return item;
			}
		}
		return null;
	}

	private static long countAction(JsonNode items, String action) {
		long n = 0;
		for (JsonNode item : items) {
			n += item.get("action").asString().equals(action) ? 1 : 0;
		}
		return n;
	}

	private static <T> List<T> parallel(int n, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(task));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** A staff account of its own (demo password, so {@link Api} can log in), created for {@code school}. */
	private long account(String prefix, Long school) {
		String username = prefix + "g" + System.nanoTime() % 1_000_000_000L + "x" + SEQ.incrementAndGet();
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash, school_id)
				select :u, '授权测试', password_hash, :s from app_user where username = 'head1' returning id""")
			.param("u", username).param("s", school).query(Long.class).single();
		createdUsers.add(id);
		return id;
	}

	private void post(long userId, String role, long school, Long classId) {
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, :r, :s, :c)")
			.param("u", userId).param("r", role).param("s", school).param("c", classId).update();
	}

	private long newClass(long school, int level) {
		long grade = jdbc.sql("select id from grade where school_id = :s and level = :l").param("s", school)
			.param("l", level).query(Long.class).single();
		return jdbc.sql("insert into school_class (school_id, grade_id, name) values (:s, :g, :n) returning id")
			.param("s", school).param("g", grade).param("n", "授" + System.nanoTime() % 1_000_000 + "班")
			.query(Long.class).single();
	}

	private long newStudent(long school, long classId) {
		long id = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:s, :c, :no, '授权测试生', 'F', date '2014-03-01') returning id""")
			.param("s", school).param("c", classId).param("no", "g" + System.nanoTime()).query(Long.class).single();
		createdStudents.add(id);
		return id;
	}

	private long classOf(long school, int level, String name) {
		return jdbc.sql("""
				select c.id from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :s and g.level = :l and c.name = :n""")
			.param("s", school).param("l", level).param("n", name).query(Long.class).single();
	}

	private long firstStudentOf(long classId) {
		return jdbc.sql("select id from student where class_id = :c and status = 'ENROLLED' order by id limit 1")
			.param("c", classId).query(Long.class).single();
	}

	private long classmateOf(long committeeUser) {
		return jdbc.sql("""
				select s.id from student s join app_user u on u.id = :u join post p on p.user_id = u.id
				 where s.class_id = p.class_id and s.id <> u.student_id order by s.id limit 1""")
			.param("u", committeeUser).query(Long.class).single();
	}

	private List<String> postsOf(long userId) {
		return jdbc.sql("select role from post where user_id = :u order by id").param("u", userId).query(String.class).list();
	}

	private long userId(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private String username(long userId) {
		return jdbc.sql("select username from app_user where id = :u").param("u", userId).query(String.class).single();
	}
}
