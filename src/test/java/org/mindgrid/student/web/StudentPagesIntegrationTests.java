package org.mindgrid.student.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.PageClient;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The student pages over real HTTP with a logged-in session: list, hub, archive edit with conflicts, audit tab. */
@IntegrationTest
class StudentPagesIntegrationTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** One of mentor1's own students, from the end (their list also shows the rest of the class: ADR 0018). */
	JsonNode mentorStudent(int fromEnd) {
		java.util.List<Long> own = jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 join student s on s.id = ma.student_id where u.username = 'mentor1' order by s.student_no""")
			.query(Long.class).list();
		return api.get("mentor1", "/api/v1/students/" + own.get(own.size() - 1 - fromEnd)).json();
	}

	static List<Map.Entry<String, String>> form(int version, String study, String... more) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("version", String.valueOf(version)));
		fields.add(Map.entry("health.level", "GOOD"));
		fields.add(Map.entry("health.pastIllnesses", "ASTHMA"));
		fields.add(Map.entry("_health.pastIllnesses", "on"));
		fields.add(Map.entry("study", study));
		fields.add(Map.entry("familyMembers[0].relation", "父亲"));
		fields.add(Map.entry("familyMembers[0].age", "44"));
		fields.add(Map.entry("familyMembers[0].liking", "LIKE"));
		fields.add(Map.entry("familyMembers[1].relation", ""));
		fields.add(Map.entry("familyMembers[1].age", ""));
		// A row removed in the browser leaves a gap; the row after it must still arrive.
		fields.add(Map.entry("familyMembers[3].relation", "奶奶"));
		fields.add(Map.entry("familyMembers[3].age", "70"));
		fields.add(Map.entry("schoolHistory[0].school", "望京小学"));
		fields.add(Map.entry("schoolHistory[0].liking", "NEUTRAL"));
		fields.add(Map.entry("lifeEvents[0].date", "2024-02-10"));
		fields.add(Map.entry("lifeEvents[0].description", "转学"));
		for (int i = 0; i + 1 < more.length; i += 2) {
			fields.add(Map.entry(more[i], more[i + 1]));
		}
		return fields;
	}

	@Test
	void mentorFindsOwnStudentsAndSearchesLive() {
		PageClient mentor = PageClient.login(port, "mentor1");
		JsonNode student = mentorStudent(7);
		var list = mentor.get("/students");
		assertThat(list.status()).isEqualTo(200);
		// The whole class is listed (ADR 0018), 20 a page: the student is found by the search below.
		assertThat(list.body()).contains("共 45 名学生", "八年级（1）班");

		String no = student.get("studentNo").asString();
		var search = mentor.htmx("/students?q=" + no);
		assertThat(search.status()).isEqualTo(200);
		assertThat(search.body()).doesNotContain("<html").contains("共 1 名学生", student.get("name").asString());
		var none = mentor.htmx("/students?q=zzzz");
		assertThat(none.body()).contains("没有找到符合条件的学生");

		var english = mentor.get("/students?lang=en");
		assertThat(english.body()).contains("45 students");
	}

	@Test
	void mentorEditsTheArchiveAndAStaleSaveKeepsWhatWasTyped() {
		PageClient mentor = PageClient.login(port, "mentor1");
		long id = mentorStudent(8).get("id").asLong();
		var hub = mentor.get("/students/" + id);
		assertThat(hub.status()).isEqualTo(200);
		assertThat(hub.body()).contains("李思远", "编辑档案", "暂无心理普测记录").contains("访问记录仅本校心理教师");

		var edit = mentor.get("/students/" + id + "/archive/edit");
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.body()).contains("很好", "脑炎", "和睦", "喜爱", "添加一行");
		int version = api.get("mentor1", "/api/v1/students/" + id + "/archive").json().get("version").asInt();

		var saved = mentor.post("/students/" + id + "/archive", form(version, "第一次保存"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/students/" + id + "/archive");
		JsonNode content = api.get("mentor1", "/api/v1/students/" + id + "/archive").json().get("content");
		assertThat(content.get("study").asString()).isEqualTo("第一次保存");
		assertThat(content.get("familyMembers")).hasSize(2);
		assertThat(content.get("familyMembers").get(1).get("relation").asString()).isEqualTo("奶奶");
		assertThat(content.get("health").get("pastIllnesses").get(0).asString()).isEqualTo("ASTHMA");
		var view = mentor.get(java.net.URI.create(saved.location()).getPath());
		assertThat(view.body()).contains("第一次保存", "奶奶", "哮喘");

		// The same start version again: as if a colleague had saved in between.
		var stale = mentor.post("/students/" + id + "/archive", form(version, "我刚输入的内容"));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("他人已修改", "我刚输入的内容", "奶奶", "第 " + (version + 1) + " 版")
			.contains("name=\"version\" value=\"" + (version + 1) + "\"");
		var over = mentor.post("/students/" + id + "/archive", form(version + 1, "我刚输入的内容"));
		assertThat(over.status()).isEqualTo(302);
		assertThat(api.get("mentor1", "/api/v1/students/" + id + "/archive").json().get("version").asInt())
			.isEqualTo(version + 2);

		var revisions = mentor.get("/students/" + id + "/archive/revisions");
		assertThat(revisions.body()).contains("第 " + (version + 2) + " 版", "李思远");
		var old = mentor.get("/students/" + id + "/archive/revisions/" + (version + 1));
		assertThat(old.status()).isEqualTo(200);
		assertThat(old.body()).contains("第一次保存", "只读");
	}

	@Test
	void badInputShowsFieldMessagesAndKeepsTheRest() {
		PageClient mentor = PageClient.login(port, "mentor1");
		long id = mentorStudent(9).get("id").asLong();
		int version = api.get("mentor1", "/api/v1/students/" + id + "/archive").json().get("version").asInt();
		mentor.get("/students/" + id + "/archive/edit");
		var r = mentor.post("/students/" + id + "/archive", form(version, "保留这段文字", "familyMembers[5].age", "abc",
				"familyMembers[5].name", "小明", "lifeEvents[1].date", "2024/13/01", "familyAtmosphere", "CHAOS",
				"familyMembers[6].age", "130"));
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("年龄须为 0 到 120 之间的整数", "日期格式应为", "不是有效的选项", "年龄须在 0 到 120 之间",
				"保留这段文字", "小明", "处填写有误");
		assertThat(api.get("mentor1", "/api/v1/students/" + id + "/archive").json().get("version").asInt())
			.isEqualTo(version);
	}

	@Test
	void observerSeesThatTheArchiveExistsButNotItsContent() {
		PageClient staff = PageClient.login(port, "staff1");
		long id = mentorStudent(10).get("id").asLong();
		var hub = staff.get("/students/" + id);
		assertThat(hub.status()).isEqualTo(200);
		assertThat(hub.body()).contains("一生一档仅心理健康工作小组、班主任及心导师可查看").doesNotContain("编辑档案");
		assertThat(staff.get("/students/" + id + "/archive").status()).isEqualTo(403);
		assertThat(staff.get("/students/" + id + "/archive/edit").status()).isEqualTo(403);
		assertThat(staff.get("/students/" + id + "/archive/revisions").status()).isEqualTo(403);
		assertThat(staff.get("/students/" + id + "/audit").status()).isEqualTo(403);
		staff.get("/students");
		assertThat(staff.post("/students/" + id + "/archive", form(0, "x")).status()).isEqualTo(403);

		assertThat(PageClient.login(port, "psych2").get("/students/" + id).status()).isEqualTo(404);
		assertThat(PageClient.login(port, "city").get("/students/" + id).status()).isEqualTo(403);
	}

	@Test
	void psychologyTeacherOpensTheAuditTab() {
		long id = mentorStudent(11).get("id").asLong();
		api.get("mentor1", "/api/v1/students/" + id + "/archive");
		PageClient psych = PageClient.login(port, "psych1");
		var hub = psych.get("/students/" + id);
		assertThat(hub.body()).contains("/students/" + id + "/audit");
		var audit = psych.get("/students/" + id + "/audit");
		assertThat(audit.status()).isEqualTo(200);
		// People by name and post, not by username (issue 7, point 8).
		assertThat(audit.body()).contains("访问记录", "李思远（心导师）", "查看档案", "查看访问记录").doesNotContain(">mentor1<");
		assertThat(PageClient.login(port, "mentor1").get("/students/" + id + "/audit").status()).isEqualTo(403);
	}
}
