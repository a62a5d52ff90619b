package org.mindgrid.student.roster;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Roster import over real HTTP into schools created by each test, so demo classes stay as they are. */
@IntegrationTest
class RosterImportIntegrationTests {

	static final Charset GBK = Charset.forName("GBK");

	static final String H = RosterFixtures.HEADER;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	long newSchool(String stage) {
		return jdbc.sql("""
				insert into school (district_id, name, stage)
				values ((select min(id) from district), :name, :stage) returning id""")
			.param("name", "名册测试学校" + System.nanoTime())
			.param("stage", stage)
			.query(Long.class)
			.single();
	}

	/** A school administrator of {@code schoolId} with the demo password. */
	String schoolAdmin(long schoolId) {
		String username = "rosteradmin" + schoolId;
		long id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash) values (:u, '名册管理员', :h) returning id""")
			.param("u", username)
			.param("h", encoder.encode(Api.PASSWORD))
			.query(Long.class)
			.single();
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, 'SCHOOL_ADMIN', :s)")
			.param("u", id)
			.param("s", schoolId)
			.update();
		return username;
	}

	long schoolOf(String username) {
		return jdbc.sql("""
				select p.school_id from post p join app_user u on u.id = p.user_id
				 where u.username = :u and p.school_id is not null limit 1""")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	long students(long schoolId) {
		return jdbc.sql("select count(*) from student where school_id = :s").param("s", schoolId).query(Long.class).single();
	}

	Api.Response upload(String user, long schoolId, String filename, byte[] content) {
		return api.upload(user, "/api/v1/schools/" + schoolId + "/roster", filename, content);
	}

	static void assertCounts(Api.Response r, int imported, int updated, int unchanged) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		var json = r.json();
		assertThat(json.get("imported").asInt()).isEqualTo(imported);
		assertThat(json.get("updated").asInt()).isEqualTo(updated);
		assertThat(json.get("unchanged").asInt()).isEqualTo(unchanged);
		assertThat(json.get("errors").size()).isZero();
	}

	@Test
	void cleanCsvImportsAndTheSameFileAgainChangesNothing() {
		long school = newSchool("JUNIOR");
		String admin = schoolAdmin(school);
		byte[] file = RosterFixtures.csv(StandardCharsets.UTF_8, H,
				"R1001,张三,男,2012-05-03,八年级,1班,汉族,浙江宁波,海曙区1号,张父,13812345678",
				"R1002,李四,女,2012/6/1,8,1,,,,,",
				"R1003,王五,男,2013.1.9,初一,（2）班,回族,,,,0574-87654321");
		assertCounts(upload(admin, school, "名册.csv", file), 3, 0, 0);
		assertThat(students(school)).isEqualTo(3);
		assertCounts(upload(admin, school, "名册.csv", file), 0, 0, 3);
		assertThat(students(school)).isEqualTo(3);
		List<String> audit = jdbc.sql("select detail from audit_event where action = 'ROSTER_IMPORT' and resource = :r order by id")
			.param("r", "school/" + school + "/roster")
			.query(String.class)
			.list();
		assertThat(audit).containsExactly("imported=3,updated=0,unchanged=0", "imported=0,updated=0,unchanged=3");
		assertThat(jdbc.sql("""
				select count(*) from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :s and ((g.level = 8 and c.name = '1班') or (g.level = 7 and c.name = '2班'))""")
			.param("s", school).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void changedRowsUpdateByStudentNoAndMoveClass() {
		long school = newSchool("JUNIOR");
		assertCounts(upload("admin", school, "a.csv", RosterFixtures.csv(StandardCharsets.UTF_8, H,
				"C1,张三,男,2012-05-03,8,1,汉族,,,,", "C2,李四,女,2012-06-01,8,1,,,,,", "C3,王五,男,2012-07-01,8,1,,,,,")),
				3, 0, 0);
		// C1 renamed, C2 moved to a new class, C3 as before; empty optional cells keep what is stored.
		assertCounts(upload("admin", school, "a.csv", RosterFixtures.csv(StandardCharsets.UTF_8, H,
				"C1,张珊,男,2012-05-03,8,1,,,,,", "C2,李四,女,2012-06-01,8,5,,,,,", "C3,王五,男,2012-07-01,8,1,,,,,")),
				0, 2, 1);
		var c1 = jdbc.sql("select name, ethnicity from student where school_id = :s and student_no = 'C1'")
			.param("s", school).query((rs, i) -> rs.getString(1) + "|" + rs.getString(2)).single();
		assertThat(c1).isEqualTo("张珊|汉族");
		String c2Class = jdbc.sql("""
				select g.level || '/' || c.name from student s join school_class c on c.id = s.class_id
				  join grade g on g.id = c.grade_id where s.school_id = :s and s.student_no = 'C2'""")
			.param("s", school).query(String.class).single();
		assertThat(c2Class).isEqualTo("8/5班");
	}

	@Test
	void gbkAndUtf8BomCsvWithFullWidthDigitsAndSpaces() {
		long school = newSchool("NINE_YEAR");
		String[] lines = { " 学号 , 姓名 ,性别,出生日期,年级,班级,监护人电话",
				"Ｇ２０２６０１, 陈　一 ,男,２０１８－０３－０５,二年级,（３）班,１３９ １２３４ ５６７８",
				"G202602,林二,女,2018/3/6,2,3,0574-8765 4321" };
		assertCounts(upload("admin", school, "gbk.csv", RosterFixtures.csv(GBK, lines)), 2, 0, 0);
		var first = jdbc.sql("select student_no || '|' || name || '|' || guardian_phone from student where school_id = :s order by student_no")
			.param("s", school).query(String.class).list();
		assertThat(first).containsExactly("G202601|陈一|13912345678", "G202602|林二|0574-87654321");
		byte[] bom = RosterFixtures.csv(StandardCharsets.UTF_8, lines);
		byte[] withBom = new byte[bom.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(bom, 0, withBom, 3, bom.length);
		assertCounts(upload("admin", school, "bom.csv", withBom), 0, 0, 2);
	}

	@Test
	void xlsxWithNumberAndDateCells() {
		long school = newSchool("JUNIOR");
		var rows = RosterFixtures.generated("2026", 30);
		assertCounts(upload("admin", school, "名册.xlsx", RosterFixtures.xlsx(rows)), 30, 0, 0);
		assertCounts(upload("admin", school, "名册.csv", RosterFixtures.csv(StandardCharsets.UTF_8, rows)), 0, 0, 30);
	}

	@Test
	void fileWithErrorsIs422WithRowAndColumnAndImportsNothing() {
		long school = newSchool("JUNIOR");
		byte[] file = RosterFixtures.csv(StandardCharsets.UTF_8, H, "E1,张三,男,2012-05-03,8,1,,,,,",
				"E2,李四,未知,2012-05-03,8,1,,,,,", "E3,王五,女,2012-05-03,高二,1,,,,,12345", "E1,赵六,女,2012-05-03,8,1,,,,,");
		var r = upload("admin", school, "bad.csv", file);
		assertThat(r.status()).isEqualTo(422);
		var json = r.json();
		assertThat(json.get("imported").asInt()).isZero();
		assertThat(json.get("updated").asInt()).isZero();
		assertThat(json.get("unchanged").asInt()).isZero();
		var errors = json.get("errors");
		assertThat(errors.size()).isEqualTo(4);
		assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("性别");
		assertThat(errors.get(0).get("message").asString()).contains("男", "女");
		assertThat(errors.get(1).get("column").asString()).isEqualTo("年级");
		assertThat(errors.get(1).get("message").asString()).contains("初中");
		assertThat(errors.get(2).get("column").asString()).isEqualTo("监护人电话");
		assertThat(errors.get(3).get("row").asInt()).isEqualTo(5);
		assertThat(errors.get(3).get("message").asString()).contains("第 2 行");
		assertThat(students(school)).isZero();
		var english = api.upload("admin", "/api/v1/schools/" + school + "/roster?lang=en", "bad.csv", file);
		assertThat(english.json().get("errors").get(0).get("message").asString()).contains("Gender");

		var missing = upload("admin", school, "bad.csv", RosterFixtures.csv(StandardCharsets.UTF_8, "学号,姓名", "1,张三"));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("errors").size()).isEqualTo(1);
		assertThat(missing.json().get("errors").get(0).get("message").asString()).contains("缺少必填列", "性别", "班级");
		assertThat(students(school)).isZero();
	}

	@Test
	void fileThatIsNotWhatItsNameSaysIs400() {
		long school = newSchool("JUNIOR");
		var r = upload("admin", school, "a.xlsx", "学号,姓名".getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("detail").asString()).contains("Excel");
		assertThat(upload("admin", school, "a.exe", new byte[] { 1, 2 }).status()).isEqualTo(400);
	}

	@Test
	void onlyTheSchoolAdministratorOrSystemAdministrator() {
		long school1 = schoolOf("principal1");
		long school2 = schoolOf("principal2");
		byte[] bad = RosterFixtures.csv(StandardCharsets.UTF_8, H, "X1,张三,未知,2012-05-03,8,1,,,,,");
		long before = students(school1);
		for (String user : List.of("mentor1", "psych1", "head1", "staff1", "city", "district")) {
			assertThat(upload(user, school1, "a.csv", bad).status()).as(user).isEqualTo(403);
		}
		assertThat(upload("principal1", school2, "a.csv", bad).status()).isEqualTo(404);
		assertThat(upload("psych2", school1, "a.csv", bad).status()).isEqualTo(404);
		assertThat(upload("admin", 999_999, "a.csv", bad).status()).isEqualTo(404);
		// principal1 administers school 1: the file is checked (and refused for its error) but not forbidden
		assertThat(upload("principal1", school1, "a.csv", bad).status()).isEqualTo(422);
		assertThat(upload(null, school1, "a.csv", bad).status()).isEqualTo(401);
		assertThat(students(school1)).isEqualTo(before);
	}

	@Test
	void tenThousandRowsCsvAndXlsx() {
		var rows = RosterFixtures.generated("T", 10_000);
		byte[] csv = RosterFixtures.csv(StandardCharsets.UTF_8, rows);
		byte[] xlsx = RosterFixtures.xlsx(rows);
		long csvSchool = newSchool("JUNIOR");
		long xlsxSchool = newSchool("JUNIOR");
		upload("admin", newSchool("JUNIOR"), "warmup.csv", RosterFixtures.csv(StandardCharsets.UTF_8, rows.subList(0, 200)));

		long t0 = System.nanoTime();
		var r = upload("admin", csvSchool, "big.csv", csv);
		long csvMs = (System.nanoTime() - t0) / 1_000_000;
		assertCounts(r, 10_000, 0, 0);
		t0 = System.nanoTime();
		r = upload("admin", xlsxSchool, "big.xlsx", xlsx);
		long xlsxMs = (System.nanoTime() - t0) / 1_000_000;
		assertCounts(r, 10_000, 0, 0);
		t0 = System.nanoTime();
		r = upload("admin", csvSchool, "big.csv", csv);
		long againMs = (System.nanoTime() - t0) / 1_000_000;
		assertCounts(r, 0, 0, 10_000);
		assertThat(students(csvSchool)).isEqualTo(10_000);
		System.out.printf(Map.of("csv", csv.length, "xlsx", xlsx.length).toString()
				+ "%nROSTER IMPORT 10,000 rows: csv %d ms, xlsx %d ms, csv re-import (all unchanged) %d ms%n", csvMs,
				xlsxMs, againMs);
	}
}
