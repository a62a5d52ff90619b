package org.mindgrid.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every demo role against every API endpoint and fails on any leak: each cell states the status the role
 * must get. "ok" means any 2xx (or 409/422 for writes that reached the business rules); 403 and 404 are exact,
 * because an unauthorised id must answer 404 when the caller cannot know it exists (SECURITY.md).
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

	static final List<String> USERS = List.of("admin", "city", "district", "principal1", "psych1", "head1", "mentor1",
			"mentor2", "staff1", "psych2", "committee1");

	/** Any 2xx. */
	static final int OK = 200;

	/** Allowed through access control: anything but 401, 403 and 404 (a business rule may still refuse). */
	static final int IN = -1;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	long mentor1Student;

	long mentor2Student;

	long otherClassStudent;

	long school2Student;

	long class81;

	long school1;

	long school2;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		school2 = jdbc.sql("select id from school where name = '江北区育才初级中学'").query(Long.class).single();
		class81 = jdbc.sql("""
				select c.id from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :s and g.level = 8 and c.name = '1班'""").param("s", school1).query(Long.class).single();
		mentor1Student = firstStudentOf("mentor1");
		mentor2Student = firstStudentOf("mentor2");
		otherClassStudent = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 where s.school_id = :s and g.level = 7 and c.name = '1班' order by s.id limit 1""")
			.param("s", school1).query(Long.class).single();
		school2Student = jdbc.sql("select id from student where school_id = :s order by id limit 1")
			.param("s", school2).query(Long.class).single();
	}

	private long firstStudentOf(String mentor) {
		return jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = :u order by ma.student_id desc limit 1""").param("u", mentor).query(Long.class).single();
	}

	/** Expected status per user, in the order of {@link #USERS}. */
	private static Map<String, Integer> expect(int... statuses) {
		assertThat(statuses).hasSize(USERS.size());
		Map<String, Integer> map = new LinkedHashMap<>();
		for (int i = 0; i < statuses.length; i++) {
			map.put(USERS.get(i), statuses[i]);
		}
		return map;
	}

	record Cell(String method, String path, Object body, Map<String, Integer> expected) {
	}

	List<Cell> matrix() {
		List<Cell> cells = new ArrayList<>();
		// Issue 7, point 6 (ADR 0018): a mentor of 八年级（1）班 may list and observe every student of the class, so
		// mentor2 on mentor1's student (and mentor1 on mentor2's) answers at list level: 200 to list and observe,
		// 403 (not 404) on the archive, the ledger and the trail, which stay with the student's own mentors.
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("GET", "/api/v1/me", null, expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", "/api/v1/students", null, expect(403, 403, 403, OK, OK, OK, OK, OK, OK, OK, 403)));
		cells.add(new Cell("GET", "/api/v1/students/" + mentor1Student, null,
				expect(403, 403, 403, OK, OK, OK, OK, OK, OK, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/students/" + mentor1Student + "/archive", null,
				expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		cells.add(new Cell("PUT", "/api/v1/students/" + mentor1Student + "/archive",
				Map.of("version", 999_999, "archive", Map.of()), expect(403, 403, 403, 409, 409, 409, 409, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/students/" + mentor2Student + "/archive", null,
				expect(403, 403, 403, OK, OK, OK, 403, OK, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/students/" + otherClassStudent, null,
				expect(403, 403, 403, OK, OK, 404, 404, 404, 404, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/students/" + otherClassStudent + "/archive", null,
				expect(403, 403, 403, OK, OK, 404, 404, 404, 404, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/students/" + school2Student, null,
				expect(403, 403, 403, 404, 404, 404, 404, 404, 404, OK, 403)));
		cells.add(new Cell("GET", "/api/v1/students/" + school2Student + "/archive", null,
				expect(403, 403, 403, 404, 404, 404, 404, 404, 404, OK, 403)));
		cells.add(new Cell("GET", "/api/v1/students/99999999", null,
				expect(403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 403)));
		long mentor1Id = jdbc.sql("select id from app_user where username = 'mentor1'").query(Long.class).single();
		List<Long> mentor1Students = jdbc.sql("select student_id from mentor_assignment where mentor_user_id = :m and class_id = :c order by student_id")
			.param("m", mentor1Id).param("c", class81).query(Long.class).list();
		String m1 = "/api/v1/students/" + mentor1Student;
		cells.add(new Cell("GET", m1 + "/archive/revisions", null, expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		cells.add(new Cell("GET", m1 + "/audit", null, expect(403, 403, 403, OK, OK, 403, 403, 403, 403, 404, 403)));
		cells.add(new Cell("POST", "/api/v1/observations", Map.of("studentId", mentor1Student, "signs", List.of(7)),
				expect(403, 403, 403, OK, OK, OK, OK, OK, OK, 404, 403)));
		long observationId = api.post("psych1", "/api/v1/observations", Map.of("studentId", mentor1Student, "signs",
				List.of(7), "notes", "矩阵测试")).json().get("id").asLong();
		cells.add(new Cell("GET", "/api/v1/observations/" + observationId, null,
				expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		// mentors record emotion and family change for their own students; absence stays with the head teacher
		cells.add(new Cell("POST", "/api/v1/triggers", Map.of("studentId", mentor1Student, "kind", "ABNORMAL_EMOTION"),
				expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		cells.add(new Cell("POST", "/api/v1/triggers", Map.of("studentId", mentor1Student, "kind", "ABSENCE"),
				expect(403, 403, 403, OK, OK, OK, 403, 403, 403, 404, 403)));
		cells.add(new Cell("POST", "/api/v1/concern-reports",
				Map.of("studentId", otherClassStudent, "signs", List.of(), "description", "矩阵测试"),
				expect(403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404)));
		cells.add(new Cell("GET", "/api/v1/warning-reports", null, expect(403, 403, 403, OK, OK, OK, OK, OK, OK, OK, 403)));
		cells.add(new Cell("GET", "/api/v1/schools/" + school1 + "/staff", null,
				expect(OK, 403, 403, OK, 403, 403, 403, 403, 403, 404, 403)));
		cells.add(new Cell("POST", "/api/v1/schools/" + school1 + "/classes",
				Map.of("gradeLevel", 9, "name", "矩阵" + System.nanoTime() % 100000 + "班"),
				// admin creates the class; principal1 then sends the same name: allowed, refused as a duplicate
				expect(OK, 403, 403, IN, 403, 403, 403, 403, 403, 404, 403)));
		cells.add(new Cell("UPLOAD", "/api/v1/schools/" + school1 + "/roster", "学号,姓名\n1,\n",
				expect(IN, 403, 403, IN, 403, 403, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/classes/" + class81 + "/grid", null,
				expect(403, 403, 403, OK, OK, OK, OK, OK, 403, 404, 403)));
		cells.add(new Cell("PUT", "/api/v1/classes/" + class81 + "/mentors/" + mentor1Id + "/students",
				Map.of("studentIds", mentor1Students), expect(403, 403, 403, 403, OK, OK, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/schools/" + school1 + "/grid-warnings", null,
				expect(403, 403, 403, OK, OK, 403, 403, 403, 403, 404, 403)));
		// issue 6: who grants posts, and who sees the grants (docs/decisions/0015-post-grants.md)
		cells.add(new Cell("GET", "/api/v1/schools/" + school1 + "/post-events", null,
				expect(403, 403, 403, OK, 403, 403, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/schools/" + school2 + "/post-events", null,
				expect(403, 403, 404, 404, 404, 404, 404, 404, 404, 403, 404)));
		long committee1Id = jdbc.sql("select id from app_user where username = 'committee1'").query(Long.class).single();
		cells.add(new Cell("POST", "/api/v1/staff/" + committee1Id + "/posts", Map.of("role", "PSYCH_TEACHER"),
				// a student account never holds a staff post: principal1 passes access control and is refused (409)
				expect(403, 403, 403, 409, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("POST", "/api/v1/classes/" + class81 + "/mentors", Map.of("userId", committee1Id),
				expect(403, 403, 403, 403, 409, 409, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/duties?mine=true", null, expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", "/api/v1/notifications", null, expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		// Issue 7, point 14: the risk-phrase check is for whoever writes records at a school (a committee student too).
		cells.add(new Cell("POST", "/api/v1/risk-phrases/check", Map.of("text", "有时候想消失"),
				expect(403, 403, 403, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", m1 + "/timeline", null, expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		cells.add(new Cell("GET", m1 + "/timeline.pdf", null, expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		cells.add(new Cell("POST", "/api/v1/talks", Map.of("studentId", mentor1Student, "date", java.time.LocalDate.now().toString(),
				"place", "心理辅导室", "topics", "矩阵测试", "state", "平稳"),
				expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		cells.add(new Cell("POST", "/api/v1/contacts", Map.of("studentId", mentor1Student, "channel", "PHONE", "content", "矩阵测试"),
				expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/auth/tokens", null, expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", "/api/v1/auth/login-failures", null, expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("DELETE", "/api/v1/auth/tokens/99999999", null,
				expect(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)));
		long head1Id = jdbc.sql("select id from app_user where username = 'head1'").query(Long.class).single();
		cells.add(new Cell("GET", "/api/v1/schools/" + school1 + "/staff/" + head1Id + "/login-failures", null,
				expect(OK, 403, 403, OK, 403, 403, 403, 403, 403, 404, 403)));
		// refused requests of a school's staff and on its students: its leaders and psychology teachers only
		cells.add(new Cell("GET", "/api/v1/schools/" + school1 + "/security-events", null,
				expect(403, 403, 403, OK, OK, 403, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/schools/" + school2 + "/security-events", null,
				expect(403, 403, 403, 404, 404, 404, 404, 404, 404, OK, 404)));
		cells.add(new Cell("GET", "/api/v1/audit/integrity", null, expect(OK, 403, 403, OK, 403, 403, 403, 403, 403, 403, 403)));
		// Issue 8, point 9: cases. The clinical team of the school, the head teacher and the student's own mentors;
		// mentor2 (same class, not the student's mentor), subject teachers and other schools 404; bureau 403.
		api.post("psych1", "/api/v1/observations", Map.of("studentId", mentor1Student, "signs", List.of(1), "notes", "矩阵个案"));
		long caseId = jdbc.sql("select id from warning_case where student_id = :s order by id desc limit 1")
			.param("s", mentor1Student).query(Long.class).single();
		String c = "/api/v1/cases/" + caseId;
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("GET", "/api/v1/cases", null, expect(403, 403, 403, OK, OK, OK, OK, OK, OK, OK, 403)));
		cells.add(new Cell("GET", "/api/v1/cases?state=WATCH&category=3", null,
				expect(403, 403, 403, OK, OK, OK, OK, OK, OK, OK, 403)));
		cells.add(new Cell("GET", c, null, expect(403, 403, 403, OK, OK, OK, OK, 404, 404, 404, 403)));
		cells.add(new Cell("GET", c + "/plan", null, expect(403, 403, 403, OK, OK, OK, OK, 404, 404, 404, 403)));
		cells.add(new Cell("PUT", c + "/plan", Map.of("version", 999_999),
				expect(403, 403, 403, 409, 409, 403, 403, 404, 404, 404, 403)));
		cells.add(new Cell("POST", c + "/actions", Map.of("action", "add-note", "note", "矩阵补充说明"),
				expect(403, 403, 403, OK, OK, OK, 403, 404, 404, 404, 403)));
		cells.add(new Cell("POST", c + "/actions", Map.of("action", "release", "reason", "矩阵"),
				expect(403, 403, 403, IN, IN, 403, 403, 404, 404, 404, 403)));
		cells.add(new Cell("POST", c + "/actions", Map.of("action", "tick-measure", "measureId", "none"),
				expect(403, 403, 403, IN, IN, IN, IN, 404, 404, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/cases/99999999", null, expect(403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 403)));
		// issue 8: hospitals — the directory is public facts, read by staff and bureaus, kept by school
		// administrators and psychology teachers (their school), district and city officers; IN: a second keeper
		// of the same place sending the same name is refused as a duplicate (409)
		cells.add(new Cell("GET", "/api/v1/hospitals", null, expect(403, OK, OK, OK, OK, OK, OK, OK, OK, OK, 403)));
		cells.add(new Cell("POST", "/api/v1/hospitals", Map.of("name", "矩阵医院" + System.nanoTime() % 100000,
				"address", "海曙区矩阵路 1 号", "phone", "0574-10000000"),
				expect(403, IN, IN, IN, IN, 403, 403, 403, 403, IN, 403)));
		// issue 9: screening — a campaign of psych1 over 八年级（1）班 with mentor1's student consented
		java.time.Instant now = java.time.Instant.now();
		Map<String, Object> newCampaign = Map.of("name", "矩阵普查", "scaleIds", List.of("phq9"), "classIds",
				List.of(class81), "opensAt", now.minusSeconds(3600).toString(), "closesAt", now.plusSeconds(86400).toString());
		long campaign = api.post("psych1", "/api/v1/screening/campaigns", newCampaign).json().get("id").asLong();
		api.post("psych1", "/api/v1/screening/campaigns/" + campaign + "/consents",
				Map.of("studentId", mentor1Student, "consent", true));
		String sc = "/api/v1/screening/campaigns/" + campaign;
		Map<String, Object> rating = Map.of("campaignId", campaign, "studentId", mentor1Student, "scaleId", "phq9",
				"answers", Map.of("1", 1));
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("GET", "/api/v1/screening/campaigns", null, expect(403, 403, 403, OK, OK, OK, OK, OK, OK, OK, 403)));
		cells.add(new Cell("POST", "/api/v1/screening/campaigns", newCampaign,
				expect(403, 403, 403, 403, OK, 403, 403, 403, 403, IN, 403)));
		cells.add(new Cell("GET", sc, null, expect(403, 403, 403, OK, OK, OK, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", sc + "/progress", null, expect(403, 403, 403, OK, OK, OK, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", sc + "/codes", null, expect(403, 403, 403, 403, OK, OK, 403, 403, 403, 404, 403)));
		cells.add(new Cell("POST", sc + "/consents", Map.of("studentId", mentor1Student, "consent", true),
				expect(403, 403, 403, 403, OK, OK, 403, 403, 403, 404, 403)));
		cells.add(new Cell("POST", "/api/v1/screening/ratings", rating,
				expect(403, 403, 403, 403, IN, IN, 403, 403, 403, 404, 403)));
		cells.add(new Cell("POST", "/api/v1/screening/ratings/submit", rating,
				expect(403, 403, 403, 403, IN, IN, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/screening/flags", null, expect(403, 403, 403, 403, OK, 403, 403, 403, 403, OK, 403)));
		cells.add(new Cell("POST", "/api/v1/screening/flags/99999999/review", Map.of("decision", "CONFIRM"),
				expect(403, 403, 403, 403, 404, 403, 403, 403, 403, 404, 403)));
		cells.add(new Cell("GET", "/api/v1/students/" + mentor1Student + "/screenings", null,
				expect(403, 403, 403, OK, OK, OK, OK, 403, 403, 404, 403)));
		// issue 10: crisis events — an event of mentor1's student raised by psych1 (inserted, so that no case or
		// notice changes): the school's team, the class's head teacher and the bureau of the area reach it; the
		// bureau reads only; the report is the team's, the receipt the district's; anyone else 404
		long event = crisisEvent(mentor1Student, class81, "psych1");
		long reported = crisisEvent(mentor1Student, class81, "psych1");
		long report = jdbc.sql("""
				insert into crisis_report (event_id, kind, content, submitted_by, submitted_at)
				select :e, 'INITIAL', '{}'::jsonb, u.id, now() from app_user u where u.username = 'psych1' returning id""")
			.param("e", reported).query(Long.class).single();
		String ce = "/api/v1/crisis-events/" + event;
		Map<String, Object> aftercare = Map.of("action", "aftercare", "personKind", "STUDENT", "person", "同班同学",
				"givenBy", "心理教师", "what", "矩阵：团体辅导");
		Map<String, Object> crisisReport = Map.of("whatHappened", "矩阵报告", "place", "教学楼", "currentState", "已送医",
				"contactPerson", "王老师", "contactPhone", "0574-10000000");
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("GET", "/api/v1/crisis-events", null, expect(403, OK, OK, OK, OK, OK, OK, OK, OK, OK, 403)));
		cells.add(new Cell("GET", "/api/v1/crisis-events?state=OPEN&flagged=true", null,
				expect(403, OK, OK, OK, OK, OK, OK, OK, OK, OK, 403)));
		cells.add(new Cell("POST", "/api/v1/crisis-events", Map.of("kind", "OTHER", "studentHint", "矩阵：学生待确认",
				"place", "操场"), expect(403, 403, 403, 201, 201, 201, 201, 201, 201, 201, 403)));
		cells.add(new Cell("GET", ce, null, expect(404, OK, OK, OK, OK, OK, 404, 404, 404, 404, 404)));
		cells.add(new Cell("POST", ce + "/actions", aftercare, expect(404, 403, 403, 201, 201, 201, 404, 404, 404, 404, 404)));
		cells.add(new Cell("POST", ce + "/actions", Map.of("action", "close"),
				expect(404, 403, 403, IN, IN, 403, 404, 404, 404, 404, 404)));
		cells.add(new Cell("POST", ce + "/report", crisisReport, expect(404, 403, 403, 201, 201, 403, 404, 404, 404, 404, 404)));
		cells.add(new Cell("POST", "/api/v1/crisis-events/" + reported + "/report/" + report + "/acknowledge", null,
				expect(404, 403, OK, 403, 403, 403, 404, 404, 404, 404, 404)));
		// the review (复盘): the district runs it, the city reads it, the school's team reads it once closed
		long reviewed = crisisEvent(mentor1Student, class81, "psych1");
		jdbc.sql("""
				insert into crisis_review (event_id, state, findings, opened_by, opened_at, closed_by, closed_at)
				select :e, 'CLOSED', '矩阵结论', u.id, now(), u.id, now() from app_user u where u.username = 'district'""")
			.param("e", reviewed).update();
		String cr = "/api/v1/crisis-events/" + reviewed + "/review";
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("GET", ce + "/review", null, expect(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)));
		cells.add(new Cell("POST", ce + "/review", Map.of("findings", "矩阵复盘"),
				expect(404, 403, OK, 404, 404, 404, 404, 404, 404, 404, 404)));
		cells.add(new Cell("GET", ce + "/review", null, expect(404, OK, OK, 404, 404, 404, 404, 404, 404, 404, 404)));
		cells.add(new Cell("POST", ce + "/review", Map.of("findings", "矩阵复盘二"),
				expect(404, 403, OK, 404, 404, 404, 404, 404, 404, 404, 404)));
		cells.add(new Cell("GET", cr, null, expect(404, OK, OK, OK, OK, 404, 404, 404, 404, 404, 404)));
		cells.add(new Cell("POST", cr, Map.of("findings", "改"), expect(404, 403, 409, 403, 403, 404, 404, 404, 404, 404, 404)));
		cells.add(new Cell("GET", "/api/v1/crisis-events/99999999", null,
				expect(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)));
		// the code endpoints need no account: a token changes nothing, an unknown code is 404 for everybody
		cells.add(new Cell("GET", "/api/v1/screening/sessions/ZZZZZZZZZZ", null,
				expect(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)));
		cells.add(new Cell("GET", "/api/v1/screening/consent/ZZZZZZZZZZ", null,
				expect(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)));
		// Issue 12: indicators. A school's leaders and psychology teachers, its district's and city's officers.
		long haishu = jdbc.sql("select district_id from school where id = :s").param("s", school1).query(Long.class).single();
		long city = jdbc.sql("select city_id from district where id = :d").param("d", haishu).query(Long.class).single();
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("GET", "/api/v1/indicators?level=school&id=" + school1, null,
				expect(403, OK, OK, OK, OK, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/indicators?level=district&id=" + haishu, null,
				expect(403, OK, OK, 403, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/indicators?level=city&id=" + city, null,
				expect(403, OK, 403, 403, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/districts/" + haishu + "/schools/indicators", null,
				expect(403, OK, OK, 403, 403, 403, 403, 403, 403, 403, 403)));
		// Issue 12 point 6: periods of high risk. The district's officer announces (far ahead: no reminder fires in
		// the run); its officers, the city's and the staff of its schools read.
		LocalDate ahead = LocalDate.now(clock).plusDays(300);
		cells.add(new Cell("POST", "/api/v1/high-risk-periods", Map.of("districtId", haishu, "kind", "CUSTOM",
				"title", "矩阵时段", "startsOn", ahead.toString(), "endsOn", ahead.plusDays(1).toString(), "message", "矩阵"),
				expect(403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403)));
		long period = jdbc.sql("insert into high_risk_period (district_id, kind, title, starts_on, ends_on, message, created_by, created_at) "
				+ "select :d, 'CUSTOM', '矩阵读', :a, :a, '矩阵', id, now() from app_user where username = 'district' returning id")
			.param("d", haishu).param("a", ahead).query(Long.class).single();
		cells.add(new Cell("GET", "/api/v1/high-risk-periods?districtId=" + haishu, null,
				expect(403, OK, OK, OK, OK, OK, OK, OK, OK, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/high-risk-periods/" + period, null,
				expect(403, OK, OK, OK, OK, OK, OK, OK, OK, 403, 403)));
		// Issue 12 point 1: the oversight ledgers. The school's keepers (leaders, psychology teachers) and the class's
		// head teacher write lessons; the school's readers and its district's and city's officers read the school's;
		// the district's officers keep joint meetings. Dated 2001 so that no month's indicator moves.
		long headClass = jdbc.sql("select p.class_id from post p join app_user u on u.id = p.user_id "
				+ "where u.username = 'head1' and p.role = 'HEAD_TEACHER' order by p.id limit 1").query(Long.class).single();
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("POST", "/api/v1/psych-lessons", Map.of("classId", headClass, "givenOn", "2001-01-05",
				"periods", 1, "topic", "矩阵课"),
				expect(403, 403, 403, 201, 201, 201, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/psych-lessons?schoolId=" + school1, null,
				expect(403, OK, OK, OK, OK, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/psych-lessons?classId=" + headClass, null,
				expect(403, OK, OK, OK, OK, OK, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/theme-activities/export.xlsx?schoolId=" + school1, null,
				expect(403, OK, OK, OK, OK, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("POST", "/api/v1/joint-meetings", Map.of("districtId", haishu, "heldOn", "2001-01-05",
				"departments", List.of("EDUCATION"), "minutes", "矩阵"),
				expect(403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/joint-meetings?districtId=" + haishu, null,
				expect(403, OK, OK, 403, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/staff-trainings", null,
				expect(403, OK, OK, OK, OK, 403, 403, 403, 403, OK, 403)));
		cells.add(new Cell("GET", "/api/v1/parent-sessions/import-template.xlsx", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		// Issue 12 point 4: the monthly inspection. The district's officers sample; once started the city's officers
		// and the sampled school's leaders and psychology teachers read it; nobody else learns that it exists.
		long inspection = jdbc.sql("""
				insert into inspection (district_id, period, state, created_by, created_at, started_at)
				select :d, '2001-01', 'IN_PROGRESS', u.id, now(), now() from app_user u where u.username = 'district'
				returning id""").param("d", haishu).query(Long.class).single();
		long inspectionItem = jdbc.sql("""
				insert into inspection_item (inspection_id, school_id, indicator_id, status, state, updated_at)
				values (:i, :s, 'talks', 'NONE', 'CORRECTION_REQUESTED', now()) returning id""")
			.param("i", inspection).param("s", school1).query(Long.class).single();
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("POST", "/api/v1/inspections", Map.of("districtId", haishu, "period", "2001-01",
				"schoolIds", List.of(school1), "indicators", List.of("talks")),
				expect(403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/inspections", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", "/api/v1/inspections/" + inspection, null,
				expect(404, OK, OK, OK, OK, 404, 404, 404, 404, 404, 404)));
		cells.add(new Cell("POST", "/api/v1/inspections/" + inspection + "/items/" + inspectionItem + "/close", null,
				expect(404, 403, 409, 403, 403, 404, 404, 404, 404, 404, 404)));
		// Issue 12 point 9: the provincial export. A school's psychology teachers and leaders, its district's and
		// city's officers.
		cells.add(new Cell("GET", "/api/v1/exports/provincial?schoolId=" + school1 + "&from=2001-01-01&to=2001-01-31", null,
				expect(403, OK, OK, OK, OK, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/exports/provincial?districtId=" + haishu + "&from=2001-01-01&to=2001-01-31&format=csv", null,
				expect(403, OK, OK, 403, 403, 403, 403, 403, 403, 403, 403)));
		// Issue 12 point 7: the dashboards' xlsx, read as the dashboards are.
		cells.add(new Cell("GET", "/api/v1/oversight/districts/" + haishu + "/export.xlsx?period=2001-01", null,
				expect(403, OK, OK, 403, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/oversight/schools/" + school1 + "/export.xlsx?period=2001-01", null,
				expect(403, OK, OK, OK, OK, 403, 403, 403, 403, 403, 403)));
		// Issue 12 point 5: the control classes. The city's officers assign; the district's read their own.
		long ningbo = jdbc.sql("select city_id from district where id = :d").param("d", haishu).query(Long.class).single();
		cells.add(new Cell("POST", "/api/v1/control-classes", Map.of("districtId", haishu, "controlClass", "WATCH",
				"reason", "矩阵"),
				expect(403, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/control-classes?districtId=" + haishu, null,
				expect(403, OK, OK, 403, 403, 403, 403, 403, 403, 403, 403)));
		cells.add(new Cell("GET", "/api/v1/control-classes?cityId=" + ningbo, null,
				expect(403, OK, 403, 403, 403, 403, 403, 403, 403, 403, 403)));
		// Issue 13: the workbook's forms. Definitions are for anyone signed in; a record is filled by the form's roles
		// within the grid (the monthly emotion record: head teacher, the student's own mentor, psychology teacher)
		// and read by those and the crisis team and leaders; anyone else learns nothing of the student (404).
		Map<String, Object> emotion = Map.of("month", "2001-01", "recorded_on", "2001-01-05", "mood", "stable",
				"mood_rating", 4, "action", "none", "recorder", "矩阵");
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("GET", "/api/v1/forms", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", "/api/v1/forms/emotion_monthly", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("POST", "/api/v1/students/" + mentor1Student + "/records",
				Map.of("formId", "emotion_monthly", "answers", emotion),
				expect(404, 404, 404, 404, 201, 201, 201, 404, 404, 404, 404)));
		cells.add(new Cell("GET", "/api/v1/students/" + mentor1Student + "/records?formId=emotion_monthly", null,
				expect(404, 404, 404, OK, OK, OK, OK, 404, 404, 404, 404)));
		// a form's ledger lists only the students each reader may read the form for (an empty list otherwise)
		cells.add(new Cell("GET", "/api/v1/forms/emotion_monthly/ledger?classId=" + class81, null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		// Issue 13 point 3: counselling. Appointments are asked for by the student's psychology teacher, head teacher
		// or mentor and seen also by the school's leaders; the notes (sessions) are the psychology teachers' alone:
		// others who see the student get 403, anyone else 404.
		//                                               admin city dist prin1 psy1 head1 men1 men2 staff1 psy2 cttee
		cells.add(new Cell("POST", "/api/v1/counselling/appointments", Map.of("studentId", mentor1Student, "topic", "STUDY"),
				expect(404, 404, 404, 404, 201, 201, 201, 404, 404, 404, 404)));
		cells.add(new Cell("GET", "/api/v1/counselling/appointments?from=2001-01-01&to=2001-01-07", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", "/api/v1/students/" + mentor1Student + "/counselling", null,
				expect(404, 404, 404, OK, OK, OK, OK, 404, 404, 404, 404)));
		cells.add(new Cell("POST", "/api/v1/counselling/sessions", Map.of("studentId", mentor1Student,
				"presentingProblem", "矩阵", "goals", "矩阵"),
				expect(404, 404, 404, 403, 201, 403, 403, 404, 404, 404, 404)));
		cells.add(new Cell("GET", "/api/v1/counselling/groups", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("POST", "/api/v1/counselling/groups", Map.of("name", "矩阵", "studentIds", List.of(mentor1Student)),
				expect(403, 403, 403, 403, 201, 403, 403, 403, 403, 400, 403)));
		cells.add(new Cell("GET", "/api/v1/classes/" + class81 + "/counselling-code", null,
				expect(404, 404, 404, 404, OK, OK, 404, 404, 404, 404, 404)));
		// a blank form for paper and its import template hold no student: anyone signed in
		cells.add(new Cell("GET", "/api/v1/forms/emotion_monthly/blank.pdf", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", "/api/v1/forms/emotion_monthly/import-template.xlsx", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		cells.add(new Cell("GET", "/api/v1/forms/emotion_monthly/ledger?grade=8", null,
				expect(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK)));
		return cells;
	}

	/** A crisis event on the student as if raised by {@code raiser} now, without the raise's case and notices. */
	private long crisisEvent(long studentId, long classId, String raiser) {
		return jdbc.sql("""
				insert into crisis_event (school_id, district_id, city_id, student_id, class_id, kind, occurred_at,
				                          place, raised_by, raised_at, report_due_at)
				select s.id, s.district_id, d.city_id, :st, :c, 'SELF_HARM', now(), '矩阵', u.id, now(),
				       now() + interval '1 hour'
				  from student x join school s on s.id = x.school_id join district d on d.id = s.district_id
				  join app_user u on u.username = :u where x.id = :st returning id""")
			.param("st", studentId).param("c", classId).param("u", raiser).query(Long.class).single();
	}

	/** Logout revokes the caller's own token, whatever the role (fresh tokens: the matrix's stay valid). */
	@Test
	void everyRoleCanLogOut() {
		for (String user : USERS) {
			Api.Response issued = api.post(null, "/api/v1/auth/token", Map.of("username", user, "password", Api.PASSWORD));
			assertThat(issued.status()).as(user + " " + issued.body()).isEqualTo(200);
			String token = issued.json().get("token").asString();
			var logout = api.send(null, java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/auth/logout"))
				.header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
			assertThat(logout.status()).as(user).isEqualTo(204);
			var after = api.send(null, java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/me"))
				.header("Authorization", "Bearer " + token).GET());
			assertThat(after.status()).as(user).isEqualTo(401);
		}
		assertThat(api.post(null, "/api/v1/auth/logout", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void everyRoleGetsExactlyWhatTheMatrixSays() {
		List<String> failures = new ArrayList<>();
		for (Cell cell : matrix()) {
			for (String user : USERS) {
				Api.Response r = switch (cell.method()) {
					case "GET" -> api.get(user, cell.path());
					case "PUT" -> api.put(user, cell.path(), cell.body());
					case "POST" -> api.post(user, cell.path(), cell.body());
					case "DELETE" -> api.delete(user, cell.path());
					case "UPLOAD" -> api.upload(user, cell.path(), "roster.csv",
							cell.body().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
					default -> throw new IllegalArgumentException(cell.method());
				};
				int expected = cell.expected().get(user);
				boolean pass = switch (expected) {
					case OK -> r.status() >= 200 && r.status() < 300;
					case IN -> r.status() != 401 && r.status() != 403 && r.status() != 404 && r.status() < 500;
					default -> r.status() == expected;
				};
				if (!pass) {
					failures.add(user + " " + cell.method() + " " + cell.path() + ": expected " + expected + ", got "
							+ r.status() + " " + abbreviate(r.body()));
				}
				// 422 of the roster import has the issue's own shape {"imported",...,"errors"}.
				if (r.status() >= 400 && r.status() != 422 && !r.contentType().startsWith("application/problem+json")) {
					failures.add(user + " " + cell.method() + " " + cell.path() + ": " + r.status() + " is not problem+json");
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void listsAreScopedInSql() {
		Set<Long> mentor1 = ids(api.get("mentor1", "/api/v1/students?size=200"));
		Set<Long> mentor2 = ids(api.get("mentor2", "/api/v1/students?size=200"));
		Set<Long> head1 = ids(api.get("head1", "/api/v1/students?size=200"));
		Set<Long> staff1 = ids(api.get("staff1", "/api/v1/students?size=200"));
		Set<Long> psych2 = ids(api.get("psych2", "/api/v1/students?size=200&classId=" + class81));
		// A mentor of the class lists all of it (ADR 0018); archive level stays with their own 15 (matrix above).
		assertThat(mentor1).hasSize(45).contains(mentor1Student, mentor2Student);
		assertThat(mentor2).isEqualTo(mentor1);
		assertThat(head1).hasSize(45).isEqualTo(mentor1);
		assertThat(staff1).isEqualTo(head1);
		assertThat(psych2).isEmpty();
		long psych1Total = api.get("psych1", "/api/v1/students?size=1").json().get("total").asLong();
		long school1Count = jdbc.sql("select count(*) from student where school_id = :s and status = 'ENROLLED'")
			.param("s", school1).query(Long.class).single();
		assertThat(psych1Total).isEqualTo(school1Count);
	}

	private static Set<Long> ids(Api.Response r) {
		assertThat(r.status()).isEqualTo(200);
		Set<Long> ids = new HashSet<>();
		r.json().get("items").forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	private static String abbreviate(String s) {
		return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
	}
}
