package org.mindgrid.reporting.records;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oversight records on a district and school of their own: each ledger written and listed by who may, refused
 * to another school's staff and another district's officer, bad input named by field, and the ledger's xlsx.
 */
@IntegrationTest
class RecordsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	long district;

	long school;

	long klass;

	String psych;

	String head;

	String mentor;

	String officer;

	long headId;

	LocalDate today;

	@BeforeEach
	void fixture() {
		api = new Api(port);
		today = LocalDate.now(clock);
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long city = jdbc.sql("select city_id from post p join app_user u on u.id = p.user_id where u.username = 'city'")
			.query(Long.class).single();
		district = id("insert into district (city_id, name) values (" + city + ", '台账区" + tag + "') returning id");
		school = id("insert into school (district_id, name, stage, ownership, locale) values (" + district
				+ ", '台账学校" + tag + "', 'PRIMARY', 'PUBLIC', 'URBAN') returning id");
		long grade = id("insert into grade (school_id, level, name) values (" + school + ", 4, '四年级') returning id");
		klass = id("insert into school_class (school_id, grade_id, name) values (" + school + ", " + grade + ", '二班') returning id");
		psych = "rpsych" + tag;
		post(user(psych), "PSYCH_TEACHER", school, null);
		head = "rhead" + tag;
		headId = user(head);
		post(headId, "HEAD_TEACHER", school, klass);
		mentor = "rmentor" + tag;
		post(user(mentor), "MENTOR", school, klass);
		officer = "rofficer" + tag;
		long officerId = user(officer);
		jdbc.sql("insert into post (user_id, role, district_id) values (:u, 'DISTRICT_OFFICER', :d)")
			.param("u", officerId).param("d", district).update();
	}

	@Test
	void eachLedgerIsWrittenByItsKeepersAndListed() {
		Api.Response lesson = api.post(head, "/api/v1/psych-lessons", Map.of("classId", klass, "givenOn", today.toString(),
				"periods", 2, "topic", "情绪管理"));
		assertThat(lesson.status()).as(lesson.body()).isEqualTo(201);
		assertThat(lesson.json().get("teacherUserId").asLong()).isEqualTo(headId);
		Api.Response activity = api.post(psych, "/api/v1/theme-activities", Map.of("schoolId", school, "kind", "FESTIVAL_525",
				"title", "5·25 心理健康节", "heldOn", today.toString(), "classIds", List.of(klass)));
		assertThat(activity.status()).as(activity.body()).isEqualTo(201);
		Api.Response session = api.post(head, "/api/v1/parent-sessions", Map.of("classId", klass, "heldOn", today.toString(),
				"topic", "亲子沟通", "familiesAttended", 38));
		assertThat(session.status()).as(session.body()).isEqualTo(201);
		assertThat(session.json().get("headTeacherUserId").asLong()).isEqualTo(headId);
		Api.Response training = api.post(officer, "/api/v1/staff-trainings", Map.of("districtId", district,
				"kind", "CRISIS_IDENTIFICATION", "title", "危机识别", "heldOn", today.toString(), "hours", 3.5,
				"attendeeUserIds", List.of(headId)));
		assertThat(training.status()).as(training.body()).isEqualTo(201);
		Api.Response meeting = api.post(officer, "/api/v1/joint-meetings", Map.of("districtId", district,
				"heldOn", today.toString(), "departments", List.of("EDUCATION", "HEALTH"), "minutes", "纪要"));
		assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);

		assertThat(items(psych, "/api/v1/psych-lessons?schoolId=" + school)).isEqualTo(1);
		assertThat(items(head, "/api/v1/psych-lessons?classId=" + klass)).isEqualTo(1);
		assertThat(items(officer, "/api/v1/theme-activities?districtId=" + district)).isEqualTo(1);
		assertThat(items("city", "/api/v1/parent-sessions?schoolId=" + school)).isEqualTo(1);
		// the district's training, read by its schools' psychology teachers (no district filter: that is for officers)
		assertThat(items(psych, "/api/v1/staff-trainings")).isEqualTo(1);
		assertThat(items(officer, "/api/v1/joint-meetings?districtId=" + district)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where action like '%_CREATE' and (resource like 'psych-lesson/%' "
				+ "or resource like 'joint-meeting/%') and resource in (:t)")
			.param("t", List.of("psych-lesson/" + lesson.json().get("id").asLong(), "joint-meeting/" + meeting.json().get("id").asLong()))
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theIssuesShortPathsWriteTheSameLedgers() {
		// issue 12 point 10 names POST /lessons, /activities and /trainings: the same writes as the ledgers' own paths
		Api.Response lesson = api.post(head, "/api/v1/lessons", Map.of("classId", klass, "givenOn", today.toString(),
				"periods", 1, "topic", "压力管理"));
		assertThat(lesson.status()).as(lesson.body()).isEqualTo(201);
		Api.Response activity = api.post(psych, "/api/v1/activities", Map.of("schoolId", school, "kind", "ACTIVITY_WEEK",
				"title", "心理健康活动周", "heldOn", today.toString()));
		assertThat(activity.status()).as(activity.body()).isEqualTo(201);
		Api.Response training = api.post(psych, "/api/v1/trainings", Map.of("schoolId", school, "kind", "MENTOR",
				"title", "心导师培训", "heldOn", today.toString(), "hours", 2, "attendeeUserIds", List.of(headId)));
		assertThat(training.status()).as(training.body()).isEqualTo(201);
		assertThat(api.get(psych, "/api/v1/psych-lessons?schoolId=" + school).json().get("items").toString())
			.contains("压力管理");
		assertThat(api.post(mentor, "/api/v1/lessons", Map.of("classId", klass, "givenOn", today.toString(), "periods", 1,
				"topic", "x")).status()).isEqualTo(403);
	}

	@Test
	void othersAreRefused() {
		Map<String, Object> lesson = Map.of("classId", klass, "givenOn", today.toString(), "periods", 1, "topic", "x");
		for (String other : new String[] { mentor, "psych1", "principal1", "district", officer }) {
			assertThat(api.post(other, "/api/v1/psych-lessons", lesson).status()).as(other).isEqualTo(403);
		}
		assertThat(api.post("district", "/api/v1/joint-meetings", Map.of("districtId", district, "heldOn", today.toString(),
				"departments", List.of("EDUCATION"), "minutes", "x")).status()).isEqualTo(403);
		for (String other : new String[] { "psych1", "district", mentor }) {
			assertThat(api.get(other, "/api/v1/psych-lessons?schoolId=" + school).status()).as(other).isEqualTo(403);
		}
		assertThat(api.get("psych1", "/api/v1/joint-meetings?districtId=" + district).status()).isEqualTo(403);
		// without a filter a reader sees only what their posts reach: the demo school's psychology teacher none of ours
		api.post(head, "/api/v1/psych-lessons", lesson);
		assertThat(api.get("psych1", "/api/v1/psych-lessons").json().get("items").toString()).doesNotContain("\"classId\":" + klass + ",");
	}

	@Test
	void badInputNamesTheField() {
		assertField(api.post(head, "/api/v1/psych-lessons", Map.of("classId", klass, "givenOn", today.toString(),
				"periods", 11, "topic", "x")), "periods");
		assertField(api.post(head, "/api/v1/psych-lessons", Map.of("classId", klass, "givenOn", "99999-01-01",
				"periods", 1, "topic", "x")), "givenOn");
		assertField(api.post(head, "/api/v1/psych-lessons", Map.of("classId", klass, "givenOn", today.plusDays(3).toString(),
				"periods", 1, "topic", "x")), "givenOn");
		// an unknown class is refused like a foreign one: ids cannot be probed
		Api.Response unknown = api.post(head, "/api/v1/psych-lessons", Map.of("classId", 999_999_999L, "givenOn",
				today.toString(), "periods", 1, "topic", "x"));
		assertThat(unknown.status()).isEqualTo(403);
		assertThat(unknown.body()).contains("不存在");
		assertThat(api.get(psych, "/api/v1/psych-lessons?classId=999999999").status()).isEqualTo(403);
		assertThat(api.get(psych, "/api/v1/psych-lessons?schoolId=999999999").status()).isEqualTo(403);
		assertThat(api.get(officer, "/api/v1/joint-meetings?districtId=999999999").status()).isEqualTo(403);
		assertField(api.post(head, "/api/v1/psych-lessons", Map.of("classId", klass, "givenOn", today.toString(),
				"periods", 1, "topic", "x".repeat(201))), "topic");
		assertThat(api.post(head, "/api/v1/psych-lessons", Map.of("classId", klass, "givenOn", today.toString(),
				"periods", 1, "topic", "情绪\u0000管理")).status()).isEqualTo(400);
		assertField(api.post(psych, "/api/v1/theme-activities", Map.of("schoolId", school, "kind", "PARTY",
				"title", "x", "heldOn", today.toString())), "kind");
		assertField(api.post(officer, "/api/v1/joint-meetings", Map.of("districtId", district, "heldOn", today.toString(),
				"departments", List.of("ARMY"), "minutes", "x")), "departments");
		assertField(api.post(officer, "/api/v1/staff-trainings", Map.of("districtId", district, "kind", "MENTOR",
				"title", "x", "heldOn", today.toString(), "hours", 0.2)), "hours");
		assertField(api.get(psych, "/api/v1/psych-lessons?schoolId=" + school + "&from=" + today + "&to=" + today.minusDays(1)), "to");
		assertThat(api.get(psych, "/api/v1/psych-lessons?schoolId=" + school + "&from=99999-99-99").status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from psych_lesson where school_id = :s").param("s", school).query(Long.class)
			.single()).isZero();
	}

	@Test
	void theLedgerExportsAsXlsxWithThePlaceAndRange() throws Exception {
		for (int i = 0; i < 3; i++) {
			api.post(head, "/api/v1/psych-lessons", Map.of("classId", klass, "givenOn", today.minusDays(i).toString(),
					"periods", 1 + i, "topic", "主题" + i));
		}
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
				+ "/api/v1/psych-lessons/export.xlsx?schoolId=" + school + "&from=" + today.minusDays(1) + "&to=" + today))
			.header("Authorization", "Bearer " + api.token(psych)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("心理辅导课台账");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("台账学校");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).contains(today.minusDays(1).toString());
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("日期");
			assertThat(sheet.getLastRowNum()).as("two lessons in the range, after 4 heading rows").isEqualTo(5);
			assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("主题0");
			assertThat(sheet.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(2.0);
		}
		HttpResponse<byte[]> en = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
				+ "/api/v1/psych-lessons/export.xlsx?lang=en&schoolId=" + school))
			.header("Authorization", "Bearer " + api.token(psych)).build(), HttpResponse.BodyHandlers.ofByteArray());
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(en.body()))) {
			assertThat(wb.getSheetAt(0).getRow(3).getCell(0).getStringCellValue()).isEqualTo("Date");
		}
		assertThat(api.get(mentor, "/api/v1/psych-lessons/export.xlsx?schoolId=" + school).status()).isEqualTo(403);
	}

	@Test
	void aTemplateImportsAllOrNothingWithErrorsByRowAndColumn() throws Exception {
		HttpResponse<byte[]> t = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
				+ "/api/v1/psych-lessons/import-template.xlsx")).header("Authorization", "Bearer " + api.token(psych))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(t.statusCode()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.body()))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("班级");
			assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("说明");
		}
		String path = "/api/v1/psych-lessons/import?schoolId=" + school;
		// three errors in three rows: nothing is written
		byte[] bad = xlsx(List.of("日期", "班级", "课时", "主题", "授课教师"),
				List.of(today.toString(), "四年级二班", "2", "情绪", ""),
				List.of("2026-13-45", "四年级二班", "1", "x", ""),
				List.of(today.toString(), "九年级九班", "1", "x", ""),
				List.of(today.toString(), "四年级二班", "11", "x", "nobody-here"));
		Api.Response rejected = api.upload(psych, path, "lessons.xlsx", bad);
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
		assertThat(rejected.json().get("imported").asInt()).isZero();
		assertThat(rejected.body()).contains("\"row\":3").contains("\"row\":4").contains("\"row\":5")
			.contains("日期").contains("九年级九班").contains("nobody-here");
		assertThat(count("psych_lesson")).isZero();
		// a name that several staff share is refused and said so (every user of this fixture is 台账测试)
		Api.Response ambiguous = api.upload(psych, path, "lessons.xlsx", xlsx(List.of("日期", "班级", "课时", "主题", "授课教师"),
				List.of(today.toString(), "四年级二班", "2", "情绪", "台账测试")));
		assertThat(ambiguous.status()).isEqualTo(422);
		assertThat(ambiguous.body()).contains("多位教职工");
		// a good file: every row written, the teacher by account or blank (the importer), blank rows skipped,
		// dates as people type them, spaces in class names ignored
		byte[] good = xlsx(List.of("日期", "班级", "课时", "主题", "授课教师"),
				List.of(today.toString(), "四年级二班", "2", "情绪", head),
				List.of("", "", "", "", ""),
				List.of(today.minusDays(1).toString().replace('-', '/'), "四年级 二班", "1", "压力", ""));
		Api.Response ok = api.upload(psych, path, "lessons.xlsx", good);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("imported").asInt()).isEqualTo(2);
		assertThat(count("psych_lesson")).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from psych_lesson where school_id = :s and teacher_user_id = :h")
			.param("s", school).param("h", headId).query(Long.class).single()).isEqualTo(1);
		// refused before reading: a head teacher (forms only), another school's teacher, no file, not a workbook
		assertThat(api.upload(head, path, "lessons.xlsx", good).status()).isEqualTo(403);
		assertThat(api.upload("psych1", path, "lessons.xlsx", good).status()).isEqualTo(403);
		assertThat(api.upload(psych, path, "lessons.xlsx", new byte[0]).status()).isEqualTo(400);
		Api.Response text = api.upload(psych, path, "lessons.xlsx", "日期,班级\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.body()).contains(".xlsx");
		// joint meetings by the district's officer, departments by their words
		Api.Response meetings = api.upload(officer, "/api/v1/joint-meetings/import?districtId=" + district, "m.xlsx",
				xlsx(List.of("日期", "参会部门", "会议纪要", "议定事项"), List.of(today.toString(), "教育、卫健，公安", "纪要", "")));
		assertThat(meetings.status()).as(meetings.body()).isEqualTo(200);
		assertThat(jdbc.sql("select array_length(departments, 1) from joint_meeting where district_id = :d")
			.param("d", district).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void readsAreAuditedAndPagesKeepWhatWasTyped() {
		api.get(psych, "/api/v1/parent-sessions?schoolId=" + school);
		assertThat(jdbc.sql("select count(*) from audit_event where username = :u "
				+ "and action = 'RECORDS_READ' and resource = 'records/PARENT_SESSION'").param("u", psych)
			.query(Long.class).single()).isEqualTo(1);
		PageClient page = PageClient.login(port, head);
		PageClient.Page form = page.get("/records/psych-lessons");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"record-form\"").contains("四年级二班").doesNotContain("id=\"record-import\"");
		PageClient.Page refused = page.post("/records/psych-lessons", Map.of("date", today.toString(), "classId",
				Long.toString(klass), "periods", "12", "topic", "我打的主题"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"record-error\"").contains("课时").contains("我打的主题");
		PageClient.Page saved = page.post("/records/psych-lessons", Map.of("date", today.toString(), "classId",
				Long.toString(klass), "periods", "2", "topic", "我打的主题"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(page.get(saved.location().replace(page.base(), "")).body()).contains("我打的主题").contains("已保存");
		assertThat(page.get("/records/psych-lessons?lang=en").body()).contains("Psychology lessons");
		assertThat(PageClient.login(port, mentor).get("/records/psych-lessons").status()).isEqualTo(403);
	}

	@Test
	void theDistrictOfficerImportsTheDistrictsTrainingsOnThePage() throws Exception {
		PageClient page = PageClient.login(port, officer);
		PageClient.Page form = page.get("/records/staff-trainings");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"record-import\"");
		PageClient.Page result = page.upload("/records/staff-trainings/import", "t.xlsx",
				xlsx(List.of("日期", "类型", "名称", "学时", "参训人员"),
						List.of(today.toString(), "心导师培训", "区心导师培训", "8", head)));
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("已导入 1 条记录").contains("区心导师培训");
		assertThat(jdbc.sql("select count(*) from staff_training t join staff_training_attendee a on a.training_id = t.id "
				+ "where t.district_id = :d and t.school_id is null and a.user_id = :h").param("d", district)
			.param("h", headId).query(Long.class).single()).isEqualTo(1);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table + " where school_id = :s").param("s", school).query(Long.class)
			.single();
	}

	@SafeVarargs
	private static byte[] xlsx(List<String>... rows) throws java.io.IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("s");
			for (int y = 0; y < rows.length; y++) {
				var row = sheet.createRow(y);
				for (int x = 0; x < rows[y].size(); x++) {
					row.createCell(x).setCellValue(rows[y].get(x));
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	private void assertField(Api.Response r, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.json().path("errors").has(field)).as(r.body()).isTrue();
	}

	private int items(String user, String path) {
		Api.Response r = api.get(user, path);
		assertThat(r.status()).as(user + " " + path + " " + r.body()).isEqualTo(200);
		return r.json().get("items").size();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long user(String username) {
		return jdbc.sql("insert into app_user (username, display_name, password_hash) select :u, '台账测试', password_hash "
				+ "from app_user where username = 'head1' returning id").param("u", username).query(Long.class).single();
	}

	private void post(long user, String role, long school, Long klass) {
		jdbc.sql("insert into post (user_id, role, school_id, class_id) values (:u, :r, :s, :c)")
			.param("u", user).param("r", role).param("s", school).param("c", klass).update();
	}
}
