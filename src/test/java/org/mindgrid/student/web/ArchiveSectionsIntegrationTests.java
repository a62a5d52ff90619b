package org.mindgrid.student.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 9: the archive page saves section by section. A section's save changes only that section; the
 * sections of one page (or two teachers on different sections) never conflict with each other; someone else's
 * change to the same section is a conflict that keeps what was typed; with htmx the answer is the section alone.
 */
@IntegrationTest
class ArchiveSectionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A student of 八年级（1）班, which head1 heads and psych1's school holds; far from other tests' students. */
	private long student(int offset) {
		return jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset :o limit 1""")
			.param("o", offset).query(Long.class).single();
	}

	private JsonNode archive(long id) {
		return new Api(port).get("head1", "/api/v1/students/" + id + "/archive").json();
	}

	private static List<Map.Entry<String, String>> fields(int version, String... pairs) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("version", String.valueOf(version)));
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			fields.add(Map.entry(pairs[i], pairs[i + 1]));
		}
		return fields;
	}

	@Test
	void eachSectionSavesOnItsOwnAndTheSectionsOfOnePageDoNotConflict() {
		long id = student(36);
		PageClient head = PageClient.login(port, "head1");
		var page = head.get("/students/" + id + "/archive/edit");
		assertThat(page.status()).isEqualTo(200);
		// The personal section is the roster's and read-only (point 11); the others are forms.
		for (String section : List.of("health", "study", "family", "school", "events")) {
			assertThat(page.body()).contains("action=\"/students/" + id + "/archive/sections/" + section + "\"");
		}
		int start = archive(id).get("version").asInt();

		var study = head.post("/students/" + id + "/archive/sections/study",
				fields(start, "study", "数学进步明显", "interests", "围棋"));
		assertThat(study.status()).isEqualTo(302);
		assertThat(study.location()).endsWith("/students/" + id + "/archive/edit?saved=study#section-study");
		assertThat(head.get("/students/" + id + "/archive/edit?saved=study").body()).contains("本节已保存，档案现为第 "
				+ (start + 1) + " 版。");

		// The health section of the same page still carries the version the page was opened at.
		var health = head.post("/students/" + id + "/archive/sections/health",
				fields(start, "health.level", "FAIR", "health.pastIllnesses", "ASTHMA", "_health.pastIllnesses", "on"));
		assertThat(health.status()).isEqualTo(302);
		JsonNode saved = archive(id);
		assertThat(saved.get("version").asInt()).isEqualTo(start + 2);
		assertThat(saved.get("content").get("study").asString()).isEqualTo("数学进步明显");
		assertThat(saved.get("content").get("interests").asString()).isEqualTo("围棋");
		assertThat(saved.get("content").get("health").get("level").asString()).isEqualTo("FAIR");
		assertThat(saved.get("content").get("health").get("pastIllnesses").get(0).asString()).isEqualTo("ASTHMA");
	}

	@Test
	void someoneElsesChangeToTheSameSectionIsAConflictThatKeepsWhatWasTyped() {
		long id = student(37);
		PageClient head = PageClient.login(port, "head1");
		PageClient psych = PageClient.login(port, "psych1");
		head.get("/students/" + id + "/archive/edit");
		psych.get("/students/" + id + "/archive/edit");
		int start = archive(id).get("version").asInt();

		assertThat(psych.post("/students/" + id + "/archive/sections/study", fields(start, "study", "心理老师写的"))
			.status()).isEqualTo(302);
		// A different section from the same old version goes through …
		assertThat(head.post("/students/" + id + "/archive/sections/school",
				fields(start, "schoolHistory[0].school", "望京小学", "schoolHistory[0].liking", "LIKE")).status())
			.isEqualTo(302);
		// … the same section does not, and what head1 typed is still there, with the newer version beside it.
		var stale = head.post("/students/" + id + "/archive/sections/study", fields(start, "study", "班主任写的"));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("他人已修改了这一节", "班主任写的", "心理老师写的");
		assertThat(archive(id).get("content").get("study").asString()).isEqualTo("心理老师写的");
		assertThat(archive(id).get("version").asInt()).isEqualTo(start + 2);

		// Saving again from the version shown goes over it on purpose.
		var over = head.post("/students/" + id + "/archive/sections/study", fields(start + 2, "study", "班主任写的"));
		assertThat(over.status()).isEqualTo(302);
		JsonNode latest = archive(id);
		assertThat(latest.get("content").get("study").asString()).isEqualTo("班主任写的");
		assertThat(latest.get("content").get("schoolHistory").get(0).get("school").asString()).isEqualTo("望京小学");
	}

	@Test
	void withHtmxTheAnswerIsTheSectionAloneAndBadInputSavesNothing() {
		long id = student(38);
		PageClient head = PageClient.login(port, "head1");
		head.get("/students/" + id + "/archive/edit");
		int start = archive(id).get("version").asInt();

		var bad = head.post("/students/" + id + "/archive/sections/family",
				List.of(Map.entry("version", String.valueOf(start)), Map.entry("familySituation", "与外婆同住"),
						Map.entry("familyMembers[0].relation", "外婆"), Map.entry("familyMembers[0].age", "abc")),
				Map.of("HX-Request", "true"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).doesNotContain("<html", "mg-bottombar").contains("id=\"section-family\"", "与外婆同住", "abc");
		assertThat(bad.body()).contains("有 1 处填写有误");
		assertThat(archive(id).get("version").asInt()).isEqualTo(start);

		var ok = head.post("/students/" + id + "/archive/sections/family",
				List.of(Map.entry("version", String.valueOf(start)), Map.entry("familySituation", "与外婆同住"),
						Map.entry("familyMembers[0].relation", "外婆"), Map.entry("familyMembers[0].age", "68"),
						Map.entry("parentsRelationship", "DIVORCED")),
				Map.of("HX-Request", "true"));
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.body()).doesNotContain("<html").contains("id=\"section-family\"", "本节已保存")
			.contains("name=\"version\" value=\"" + (start + 1) + "\"");
		JsonNode content = archive(id).get("content");
		assertThat(content.get("familyMembers").get(0).get("age").asInt()).isEqualTo(68);
		assertThat(content.get("parentsRelationship").asString()).isEqualTo("DIVORCED");
	}

	@Test
	void noSectionWritesToTheRoster() {
		long id = student(39);
		PageClient head = PageClient.login(port, "head1");
		head.get("/students/" + id + "/archive/edit");
		int start = archive(id).get("version").asInt();
		jdbc.sql("update student set ethnicity = '回族' where id = :id").param("id", id).update();
		assertThat(head.post("/students/" + id + "/archive/sections/events",
				fields(start, "lifeEvents[0].date", "2025-09-01", "lifeEvents[0].description", "升入初中")).status())
			.isEqualTo(302);
		assertThat(ethnicity(id)).as("a save of another section leaves the roster alone").isEqualTo("回族");
		// Point 11: the roster is the one source of these fields; the archive page does not save them.
		assertThat(head.post("/students/" + id + "/archive/sections/personal",
				fields(start + 1, "personal.ethnicity", "满族", "personal.nativePlace", "宁波", "personal.address", "海曙区"))
			.status()).isEqualTo(400);
		assertThat(ethnicity(id)).isEqualTo("回族");
	}

	@Test
	void unknownSectionsAndCallersWithoutTheArchiveAreRefused() {
		long id = student(36);
		PageClient head = PageClient.login(port, "head1");
		head.get("/students/" + id + "/archive/edit");
		assertThat(head.post("/students/" + id + "/archive/sections/secret", fields(0, "study", "x")).status())
			.isEqualTo(404);
		PageClient staff = PageClient.login(port, "staff1");
		staff.get("/students");
		assertThat(staff.post("/students/" + id + "/archive/sections/study", fields(0, "study", "x")).status())
			.isEqualTo(403);
		PageClient other = PageClient.login(port, "psych2");
		other.get("/students");
		assertThat(other.post("/students/" + id + "/archive/sections/study", fields(0, "study", "x")).status())
			.isEqualTo(404);
	}

	private String ethnicity(long id) {
		return jdbc.sql("select ethnicity from student where id = :id").param("id", id).query(String.class).single();
	}
}
