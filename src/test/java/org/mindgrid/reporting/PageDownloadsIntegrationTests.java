package org.mindgrid.reporting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download links of issue 12's pages, followed as a browser does: signed in with a session, not a bearer
 * token. They pointed at the API, which answers a session with 401 (found on the 1 M city's dashboards).
 */
@IntegrationTest
class PageDownloadsIntegrationTests {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDashboardsExportLinksDownload() {
		long haishu = jdbc.sql("select id from district where name = '海曙区'").query(Long.class).single();
		long school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		follow(PageClient.login(port, "district"), "/oversight/districts/" + haishu, "dashboard-export", XLSX);
		follow(PageClient.login(port, "principal1"), "/oversight/schools/" + school1, "dashboard-export", XLSX);
		follow(PageClient.login(port, "city"), "/oversight/cities/" + jdbc.sql("select city_id from district where id = :d")
			.param("d", haishu).query(Long.class).single(), "dashboard-export", XLSX);
	}

	@Test
	void theLedgersExportAndTemplateLinksDownload() {
		PageClient psych = PageClient.login(port, "psych1");
		follow(psych, "/records/psych-lessons", "record-export", XLSX);
		follow(psych, "/records/psych-lessons", "template-link", XLSX);
	}

	@Test
	void thePublishedResultsLinkDownloadsThePdf() {
		PageClient officer = PageClient.login(port, "district");
		long haishu = jdbc.sql("select id from district where name = '海曙区'").query(Long.class).single();
		long school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		long id = jdbc.sql("""
				insert into inspection (district_id, period, state, created_by, created_at, started_at, published_at)
				select :d, '2001-02', 'PUBLISHED', u.id, now(), now(), now() from app_user u where u.username = 'district'
				returning id""").param("d", haishu).query(Long.class).single();
		jdbc.sql("""
				insert into inspection_item (inspection_id, school_id, indicator_id, status, state, verdict, finding, updated_at)
				values (:i, :s, 'talks', 'NONE', 'CLOSED', 'MET', '符合', now())""").param("i", id).param("s", school1).update();
		follow(officer, "/inspections/" + id, "inspection-pdf", "application/pdf");
	}

	private static void follow(PageClient client, String page, String linkId, String contentType) {
		PageClient.Page p = client.get(page);
		assertThat(p.status()).as(page).isEqualTo(200);
		Matcher m = Pattern.compile("id=\"" + linkId + "\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"" + linkId + "\"")
			.matcher(p.body());
		assertThat(m.find()).as(linkId + " on " + page).isTrue();
		String href = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
		PageClient.Page file = client.get(href);
		assertThat(file.status()).as(href).isEqualTo(200);
		assertThat(file.header("Content-Type")).as(href).startsWith(contentType);
	}
}
