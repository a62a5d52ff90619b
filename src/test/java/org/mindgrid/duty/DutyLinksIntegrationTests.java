package org.mindgrid.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
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
 * Issue 7, point 7: each duty links to its student and to what fulfils it, and the first page groups identical
 * rows into one line per kind with a count, expanding to the students.
 */
@IntegrationTest
class DutyLinksIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private static List<String> hrefs(String html, String pattern) {
		List<String> found = new ArrayList<>();
		Matcher m = Pattern.compile("href=\"(" + pattern + ")\"").matcher(html);
		while (m.find()) {
			found.add(m.group(1).replace("&amp;", "&"));
		}
		return found;
	}

	@Test
	void semesterTalksAreOneLineWithACountThatExpandsToStudentsAndTheirPrefilledTalkForms() {
		PageClient mentor = PageClient.login(port, "mentor1");
		var page = mentor.get("/duties");
		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		long open = jdbc.sql("""
				select count(*) from duty d join app_user u on u.id = d.assignee_user_id
				 where u.username = 'mentor1' and d.kind = 'SEMESTER_TALK' and d.status = 'OPEN'
				   and d.due_at > now() + interval '1 day'""").query(Long.class).single();
		assertThat(open).isGreaterThan(1);
		int start = html.indexOf("id=\"upcoming\"");
		String upcoming = html.substring(start, html.indexOf("</section>", start));
		// One <details> line for the kind, its count, and inside it a row per student.
		assertThat(upcoming.split("id=\"group-SEMESTER_TALK\"", -1)).hasSize(2);
		assertThat(upcoming).contains("<details", open + " 名学生", "学期谈心");
		List<String> forms = hrefs(upcoming, "/students/\\d+/talks/new\\?duty=\\d+");
		List<String> students = hrefs(upcoming, "/students/\\d+");
		assertThat(forms).hasSize((int) open);
		assertThat(students).hasSizeGreaterThanOrEqualTo((int) open);
		String form = forms.get(0);
		String studentId = form.replaceAll("/students/(\\d+)/.*", "$1");
		assertThat(students).contains("/students/" + studentId);
		var hub = mentor.get("/students/" + studentId);
		assertThat(hub.status()).isEqualTo(200);
		var talkForm = mentor.get(form);
		assertThat(talkForm.status()).isEqualTo(200);
		String name = jdbc.sql("select name from student where id = :id").param("id", Long.parseLong(studentId))
			.query(String.class).single();
		assertThat(talkForm.body()).contains(name, "学期谈心");
	}

	@Test
	void eachDutyLinksToWhatFulfilsItOnThePageAndInTheApi() {
		long student = jdbc.sql("""
				select ma.student_id from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				 where u.username = 'mentor1' order by ma.student_id offset 9 limit 1""").query(Long.class).single();
		// A 四必访 trigger opens a home-visit duty; an urgent observation opens the psychology teacher's assessment.
		assertThat(api.post("head1", "/api/v1/triggers", Map.of("studentId", student, "kind", "ABSENCE")).status())
			.isEqualTo(201);
		var obs = api.post("head1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(1),
				"categories", List.of(), "crisisLevel", "NONE", "notes", "说过想消失"));
		assertThat(obs.status()).as(obs.body()).isEqualTo(201);
		long reportId = obs.json().get("warningReport").get("id").asLong();

		JsonNode duties = api.get("mentor1", "/api/v1/duties?size=200").json().get("items");
		JsonNode visit = null;
		JsonNode talk = null;
		for (JsonNode d : duties) {
			if (d.get("studentId").isNumber() && d.get("studentId").asLong() == student) {
				if ("TRIGGER_HOME_VISIT".equals(d.get("kind").asString()) && "OPEN".equals(d.get("status").asString())) {
					visit = d;
				}
				if ("SEMESTER_TALK".equals(d.get("kind").asString())) {
					talk = d;
				}
			}
		}
		assertThat(visit).isNotNull();
		assertThat(visit.get("link").asString())
			.isEqualTo("/students/" + student + "/home-visits/new?duty=" + visit.get("id").asLong());
		assertThat(talk).isNotNull();
		assertThat(talk.get("link").asString()).isEqualTo("/students/" + student + "/talks/new?duty=" + talk.get("id").asLong());

		PageClient mentor = PageClient.login(port, "mentor1");
		var detail = mentor.get("/duties/" + visit.get("id").asLong());
		assertThat(detail.status()).isEqualTo(200);
		assertThat(hrefs(detail.body(), "/students/\\d+")).contains("/students/" + student);
		List<String> action = hrefs(detail.body(), "/students/\\d+/home-visits/new\\?duty=\\d+");
		assertThat(action).hasSize(1);
		assertThat(mentor.get(action.get(0)).status()).isEqualTo(200);

		JsonNode assessments = api.get("psych1", "/api/v1/duties?size=200").json().get("items");
		String assessmentLink = null;
		long assessmentId = 0;
		for (JsonNode d : assessments) {
			if ("ASSESSMENT".equals(d.get("kind").asString()) && d.get("studentId").asLong() == student) {
				assessmentLink = d.get("link").asString();
				assessmentId = d.get("id").asLong();
			}
		}
		assertThat(assessmentLink).isEqualTo("/warnings/" + reportId);
		PageClient psych = PageClient.login(port, "psych1");
		assertThat(hrefs(psych.get("/duties").body(), "/warnings/\\d+")).contains(assessmentLink);
		assertThat(hrefs(psych.get("/duties/" + assessmentId).body(), "/warnings/\\d+")).contains(assessmentLink);
		assertThat(psych.get(assessmentLink).status()).isEqualTo(200);
	}
}
