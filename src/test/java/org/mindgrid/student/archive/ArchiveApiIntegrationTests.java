package org.mindgrid.student.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The growth archive over real HTTP: versions and conflicts, revisions, scope (observer, other school, bureau) and
 * validation. Each test works on its own student of mentor1 (八年级（1）班), so versions never clash.
 */
@IntegrationTest
class ArchiveApiIntegrationTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** mentor1's students, in list order; tests pick from the end so other test classes' picks stay apart. */
	List<Long> mentorStudents() {
		// Their own students (assignments): their list also shows the rest of the class (ADR 0018).
		List<Long> ids = jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 join student s on s.id = ma.student_id where u.username = 'mentor1' order by s.student_no""")
			.query(Long.class).list();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
		return ids;
	}

	long student(int fromEnd) {
		List<Long> ids = mentorStudents();
		return ids.get(ids.size() - 1 - fromEnd);
	}

	static Map<String, Object> archive(String study, String healthLevel, Object age) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("relation", "母亲");
		member.put("name", "王丽");
		member.put("age", age);
		member.put("occupation", "教师");
		member.put("personality", "温和");
		member.put("liking", "LIKE");
		Map<String, Object> archive = new LinkedHashMap<>();
		archive.put("health", Map.of("level", healthLevel, "pastIllnesses", List.of("ASTHMA", "OTHER"),
				"pastIllnessOther", "鼻炎"));
		archive.put("study", study);
		archive.put("interests", "篮球、书法");
		archive.put("familyMembers", List.of(member));
		archive.put("parentsRelationship", "HARMONIOUS");
		archive.put("familyAtmosphere", "ORDINARY");
		archive.put("schoolHistory", List.of(Map.of("period", "2018.9–2024.7", "school", "望京小学", "duty", "班长",
				"liking", "RATHER_LIKE")));
		archive.put("lifeEvents", List.of(Map.of("date", "2023-05-01", "description", "搬家", "impact", "适应新环境")));
		return archive;
	}

	@Test
	void saveWithCurrentVersionThenStaleVersionIsRefused() {
		long id = student(0);
		var before = api.get("mentor1", "/api/v1/students/" + id + "/archive");
		assertThat(before.status()).isEqualTo(200);
		int version = before.json().get("version").asInt();
		int revisionsBefore = api.get("mentor1", "/api/v1/students/" + id + "/archive/revisions").json().size();

		var saved = api.put("mentor1", "/api/v1/students/" + id + "/archive",
				Map.of("version", version, "archive", archive("成绩中上", "GOOD", 45)));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("version").asInt()).isEqualTo(version + 1);
		assertThat(saved.json().get("content").get("study").asString()).isEqualTo("成绩中上");
		assertThat(saved.json().get("updatedBy").asString()).isEqualTo("李思远");

		var stale = api.put("mentor1", "/api/v1/students/" + id + "/archive",
				Map.of("version", version, "archive", archive("覆盖", "FAIR", 45)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(stale.json().get("code").asString()).isEqualTo("archive.conflict");
		assertThat(stale.json().get("detail").asString()).contains("他人已修改");

		var after = api.get("mentor1", "/api/v1/students/" + id);
		assertThat(after.json().get("archive").get("version").asInt()).isEqualTo(version + 1);
		assertThat(after.json().get("archive").get("content").get("study").asString()).isEqualTo("成绩中上");
		// Point 11: the archive shows the roster's personal fields.
		assertThat(after.json().get("archive").get("content").get("personal").get("ethnicity").asString())
			.isEqualTo(after.json().get("ethnicity").asString());

		var again = api.put("mentor1", "/api/v1/students/" + id + "/archive",
				Map.of("version", version + 1, "archive", archive("第二次", "FAIR", 46)));
		assertThat(again.status()).isEqualTo(200);
		JsonNode revisions = api.get("mentor1", "/api/v1/students/" + id + "/archive/revisions").json();
		assertThat(revisions.size()).isEqualTo(revisionsBefore + 2);
		assertThat(revisions.get(0).get("version").asInt()).isEqualTo(version + 2);
		var first = api.get("mentor1", "/api/v1/students/" + id + "/archive/revisions/" + (version + 1));
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("content").get("study").asString()).isEqualTo("成绩中上");
		assertThat(api.get("mentor1", "/api/v1/students/" + id + "/archive/revisions/9999").status()).isEqualTo(404);
	}

	@Test
	void observerSeesTheStudentButNotTheArchive() {
		long id = student(1);
		var detail = api.get("staff1", "/api/v1/students/" + id);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.json().get("archiveReadable").asBoolean()).isFalse();
		assertThat(detail.json().get("archive").isNull()).isTrue();
		assertThat(detail.json().get("address").isNull()).isTrue();

		var read = api.get("staff1", "/api/v1/students/" + id + "/archive");
		assertThat(read.status()).isEqualTo(403);
		assertThat(read.contentType()).startsWith("application/problem+json");
		var write = api.put("staff1", "/api/v1/students/" + id + "/archive",
				Map.of("version", 0, "archive", archive("x", "GOOD", 40)));
		assertThat(write.status()).isEqualTo(403);
		assertThat(api.get("staff1", "/api/v1/students/" + id + "/archive/revisions").status()).isEqualTo(403);
	}

	@Test
	void otherSchoolGets404AndBureauGets403() {
		long id = student(2);
		for (String path : List.of("", "/archive", "/archive/revisions")) {
			assertThat(api.get("psych2", "/api/v1/students/" + id + path).status()).as("psych2 %s", path).isEqualTo(404);
			assertThat(api.get("city", "/api/v1/students/" + id + path).status()).as("city %s", path).isEqualTo(403);
			assertThat(api.get("district", "/api/v1/students/" + id + path).status()).as("district %s", path)
				.isEqualTo(403);
		}
		assertThat(api.put("psych2", "/api/v1/students/" + id + "/archive",
				Map.of("version", 0, "archive", archive("x", "GOOD", 40))).status()).isEqualTo(404);
		assertThat(api.put("city", "/api/v1/students/" + id + "/archive",
				Map.of("version", 0, "archive", archive("x", "GOOD", 40))).status()).isEqualTo(403);
		assertThat(api.get("city", "/api/v1/students").status()).isEqualTo(403);
	}

	@Test
	void unknownOptionsAndImpossibleAgesAreFieldErrors() {
		long id = student(3);
		int version = api.get("mentor1", "/api/v1/students/" + id + "/archive").json().get("version").asInt();
		Map<String, Object> bad = archive("x", "EXCELLENT", 150);
		bad.put("familyAtmosphere", "CHAOTIC");
		bad.put("health", Map.of("level", "EXCELLENT", "pastIllnesses", List.of("FLU")));
		var r = api.put("mentor1", "/api/v1/students/" + id + "/archive", Map.of("version", version, "content", bad));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		JsonNode errors = r.json().get("errors");
		assertThat(errors.get("content.health.level").asString()).isEqualTo("健康状况：不是有效的选项，请从列表中选择。");
		assertThat(errors.get("content.familyAtmosphere").asString()).contains("有效的选项");
		assertThat(errors.get("content.familyMembers[0].age").asString()).isEqualTo("家庭成员年龄：年龄须在 0 到 120 之间。");
		assertThat(errors.toString()).contains("content.health.pastIllnesses");
		assertThat(r.body()).doesNotContain("Exception");

		var tooLong = archive("长".repeat(2001), "GOOD", 40);
		var r2 = api.put("mentor1", "/api/v1/students/" + id + "/archive", Map.of("version", version, "content", tooLong));
		assertThat(r2.status()).isEqualTo(400);
		assertThat(r2.json().get("errors").has("content.study")).isTrue();

		assertThat(api.get("mentor1", "/api/v1/students/" + id + "/archive").json().get("version").asInt())
			.isEqualTo(version);
	}
}
