package org.mindgrid.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The psychology teacher's screening pages: create a campaign with the form (errors keep what was typed), the live
 * progress, the review queue from the demo's finished campaign, and a student's screening history in the hub.
 */
@IntegrationTest
class ScreeningPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPsychologyTeacherCreatesACampaignWithTheForm() {
		var place = ScreeningFixture.newClass(jdbc, 7, 3);
		PageClient psych = PageClient.login(port, "psych1");
		var home = psych.get("/screening");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("campaign-form").contains("2025学年第二学期心理普查");
		String today = LocalDate.now().toString();
		// no scale chosen: the form comes back with the name and the class still ticked
		var refused = psych.post("/screening/campaigns", List.of(Map.entry("name", "表单普查"),
				Map.entry("opensOn", today), Map.entry("closesOn", today), Map.entry("classIds", "" + place.classId())));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("campaign-error").contains("value=\"表单普查\"")
			.containsPattern("value=\"" + place.classId() + "\"[^>]*checked");
		var created = psych.post("/screening/campaigns", List.of(Map.entry("name", "表单普查"),
				Map.entry("opensOn", today), Map.entry("closesOn", LocalDate.now().plusDays(7).toString()),
				Map.entry("scaleIds", "mssmhs"), Map.entry("scaleIds", "phq9"),
				Map.entry("classIds", "" + place.classId())));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).contains("/screening/campaigns/");
		long id = Long.parseLong(created.location().replaceAll(".*/campaigns/(\\d+).*", "$1"));
		var page = psych.get("/screening/campaigns/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("progress-table").contains("data-class-id=\"" + place.classId() + "\"");
		var rows = psych.htmx("/screening/campaigns/" + id + "/progress-rows");
		assertThat(rows.body()).contains("campaign-progress").doesNotContain("<html");
		assertThat(jdbc.sql("select count(*) from screening_invite where campaign_id = :c").param("c", id)
			.query(Long.class).single()).isEqualTo(3);
		// the head teacher of the class was told
		assertThat(jdbc.sql("""
				select count(*) from notification n join app_user u on u.id = n.user_id
				 where u.username = :u and n.link = :link""").param("u", place.headTeacher())
			.param("link", "/screening/campaigns/" + id).query(Long.class).single()).isEqualTo(1);
		assertThat(PageClient.login(port, "psych2").get("/screening/campaigns/" + id).status()).isEqualTo(404);
		assertThat(PageClient.login(port, "mentor1").get("/screening/campaigns/" + id).status()).isEqualTo(403);
	}

	@Test
	void theDemoCampaignFillsTheQueueAndTheHistory() {
		PageClient psych = PageClient.login(port, "psych1");
		var flags = psych.get("/screening/flags");
		assertThat(flags.status()).isEqualTo(200);
		assertThat(flags.body()).contains("data-flag-id=");
		long student = jdbc.sql("""
				select r.student_id from screening_result r join screening_campaign c on c.id = r.campaign_id
				 where c.name = '2025学年第二学期心理普查' and r.scale_id = 'mssmhs' order by r.id limit 1""")
			.query(Long.class).single();
		var history = psych.get("/students/" + student + "/screenings");
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.body()).contains("data-scale=\"mssmhs\"").contains("强迫症状");
		assertThat(psych.get("/students/" + student + "/screenings?lang=en").body()).contains("Obsessive-compulsive");
		// the demo keeps its critical items below the rules: no warning report comes from it
		assertThat(jdbc.sql("""
				select count(*) from screening_result r join screening_campaign c on c.id = r.campaign_id
				 where c.name = '2025学年第二学期心理普查' and array_to_string(r.flags, ',') like '%CRITICAL%'""")
			.query(Long.class).single()).isZero();
	}
}
