package org.mindgrid.student.roster;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 11: ethnicity, native place and address have one source of truth, the roster. The archive shows
 * the roster's values (never a copy of its own), the roster import updates them, the migration keeps the roster's
 * values and copies an archive's value only where the roster had none, and the demo shows no contradiction.
 */
@IntegrationTest
class ArchivePersonalFromRosterIntegrationTests {

	static final String MIGRATION = "db/migration/student/V20261202_0400__archive_personal_from_roster.sql";

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

	private long newSchool() {
		return jdbc.sql("""
				insert into school (district_id, name, stage)
				values ((select min(id) from district), :name, 'JUNIOR') returning id""")
			.param("name", "一处真相学校" + System.nanoTime())
			.query(Long.class)
			.single();
	}

	/** A psychology teacher of the school (reads every archive of it), with the demo password. */
	private String psychTeacher(long schoolId) {
		String username = "truthpsych" + schoolId;
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '心理老师', :h) returning id")
			.param("u", username).param("h", encoder.encode(Api.PASSWORD)).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, school_id) values (:u, 'PSYCH_TEACHER', :s)")
			.param("u", id).param("s", schoolId).update();
		return username;
	}

	private long studentNo(long school, String no) {
		return jdbc.sql("select id from student where school_id = :s and student_no = :n")
			.param("s", school).param("n", no).query(Long.class).single();
	}

	/** An archive written before point 11, with its own copy of the personal fields. */
	private void legacyArchive(long studentId, String ethnicity, String nativePlace, String address) {
		String content = Api.json().writeValueAsString(Map.of("personal",
				Map.of("ethnicity", ethnicity, "nativePlace", nativePlace, "address", address), "study", "旧档案"));
		jdbc.sql("""
				insert into growth_archive (student_id, version, content, updated_by, updated_at)
				values (:s, 1, cast(:c as jsonb), (select id from app_user where username = 'admin'), now())""")
			.param("s", studentId).param("c", content).update();
	}

	private Map<String, String> roster(long studentId) {
		return jdbc.sql("select ethnicity, native_place, address from student where id = :id").param("id", studentId)
			.query((rs, i) -> {
				Map<String, String> m = new LinkedHashMap<>();
				m.put("ethnicity", rs.getString(1));
				m.put("nativePlace", rs.getString(2));
				m.put("address", rs.getString(3));
				return m;
			})
			.single();
	}

	@Test
	void theArchiveShowsTheRostersFieldsAndTheRosterImportUpdatesThem() {
		long school = newSchool();
		String psych = psychTeacher(school);
		var imported = api.upload("admin", "/api/v1/schools/" + school + "/roster", "名册.csv",
				RosterFixtures.csv(StandardCharsets.UTF_8, RosterFixtures.HEADER,
						"T1,张三,男,2012-05-03,8,1,满族,浙江绍兴,越城区解放路1号,张父,13812345678"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		long id = studentNo(school, "T1");
		legacyArchive(id, "汉族", "浙江宁波", "海曙区中山西路 12 号");

		var archive = api.get(psych, "/api/v1/students/" + id + "/archive");
		assertThat(archive.status()).isEqualTo(200);
		var personal = archive.json().get("content").get("personal");
		assertThat(personal.get("ethnicity").asString()).isEqualTo("满族");
		assertThat(personal.get("nativePlace").asString()).isEqualTo("浙江绍兴");
		assertThat(personal.get("address").asString()).isEqualTo("越城区解放路1号");

		PageClient page = PageClient.login(port, psych);
		String hub = page.get("/students/" + id).body();
		assertThat(hub).contains("满族").contains("越城区解放路1号").doesNotContain("汉族").doesNotContain("中山西路");
		String edit = page.get("/students/" + id + "/archive/edit").body();
		assertThat(edit).as("the personal fields are read-only on the archive page").doesNotContain("name=\"personal.")
			.doesNotContain("/archive/sections/personal\"").contains("满族");
		assertThat(page.post("/students/" + id + "/archive/sections/personal",
				List.of(Map.entry("version", "1"), Map.entry("personal.ethnicity", "汉族"))).status()).isEqualTo(400);
		assertThat(roster(id).get("ethnicity")).isEqualTo("满族");

		// The API: the same shape as GET; personal fields that differ from the roster are refused, naming them.
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("personal", Map.of("ethnicity", "汉族"));
		body.put("study", "新的学习情况");
		var refused = api.put(psych, "/api/v1/students/" + id + "/archive", Map.of("version", 1, "archive", body));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("code").asString()).isEqualTo("archive.personal-from-roster");
		assertThat(refused.json().get("detail").asString()).contains("名册");
		body.put("personal", Map.of("ethnicity", "满族", "nativePlace", "浙江绍兴", "address", "越城区解放路1号"));
		var saved = api.put(psych, "/api/v1/students/" + id + "/archive", Map.of("version", 1, "archive", body));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(jdbc.sql("select content -> 'personal' is not null from growth_archive where student_id = :id").param("id", id)
			.query(Boolean.class).single()).as("the archive keeps no copy").isFalse();

		// The roster import is what changes them, and the archive follows at once.
		assertThat(api.upload("admin", "/api/v1/schools/" + school + "/roster", "名册.csv",
				RosterFixtures.csv(StandardCharsets.UTF_8, RosterFixtures.HEADER,
						"T1,张三,男,2012-05-03,8,1,回族,浙江温州,鹿城区1号,张父,13812345678"))
			.status()).isEqualTo(200);
		personal = api.get(psych, "/api/v1/students/" + id + "/archive").json().get("content").get("personal");
		assertThat(personal.get("ethnicity").asString()).isEqualTo("回族");
		assertThat(personal.get("address").asString()).isEqualTo("鹿城区1号");
		assertThat(page.get("/students/" + id).body()).contains("回族").contains("鹿城区1号").doesNotContain("满族");
	}

	@Test
	void theMigrationKeepsTheRosterAndFillsOnlyItsGaps() throws Exception {
		long school = newSchool();
		assertThat(api.upload("admin", "/api/v1/schools/" + school + "/roster", "名册.csv",
				RosterFixtures.csv(StandardCharsets.UTF_8, RosterFixtures.HEADER,
						"M1,李四,女,2012-06-01,8,1,满族,,,,", "M2,王五,男,2012-07-01,8,1,,,,,"))
			.status()).isEqualTo(200);
		long m1 = studentNo(school, "M1");
		long m2 = studentNo(school, "M2");
		legacyArchive(m1, "汉族", "浙江宁波", "海曙区 1 号");
		legacyArchive(m2, "回族", "浙江台州", "江北区 2 号");

		jdbc.sql(new String(new ClassPathResource(MIGRATION).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.update();

		assertThat(roster(m1)).containsExactly(Map.entry("ethnicity", "满族"), Map.entry("nativePlace", "浙江宁波"),
				Map.entry("address", "海曙区 1 号"));
		assertThat(roster(m2)).containsExactly(Map.entry("ethnicity", "回族"), Map.entry("nativePlace", "浙江台州"),
				Map.entry("address", "江北区 2 号"));
		assertThat(jdbc.sql("select count(*) from growth_archive where student_id in (:a, :b) and content -> 'personal' is not null")
			.param("a", m1).param("b", m2).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select content ->> 'study' from growth_archive where student_id = :a").param("a", m1)
			.query(String.class).single()).as("the rest of the archive stays").isEqualTo("旧档案");
	}

	@Test
	void theDemoShowsNoContradiction() {
		assertThat(jdbc.sql("select count(*) from growth_archive where content -> 'personal' is not null").query(Long.class).single())
			.isZero();
		List<Long> withArchive = jdbc.sql("""
				select a.student_id from growth_archive a join student s on s.id = a.student_id
				 join app_user u on u.username = 'psych1' join post p on p.user_id = u.id and p.school_id = s.school_id
				 order by a.student_id limit 3""").query(Long.class).list();
		assertThat(withArchive).isNotEmpty();
		for (long id : withArchive) {
			var personal = api.get("psych1", "/api/v1/students/" + id + "/archive").json().get("content").get("personal");
			assertThat(personal.get("ethnicity").asString()).isEqualTo(roster(id).get("ethnicity"));
		}
	}
}
