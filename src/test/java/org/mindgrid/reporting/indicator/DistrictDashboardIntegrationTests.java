package org.mindgrid.reporting.indicator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The district dashboard's warning database per school and its crisis events with the 1-hour clock (issue 12
 * point 4), on a district of its own: school A with 6 category-1 and 2 category-3 cases in the database (one more
 * ended, one not in the database), school B with none; three crisis events: reported an hour late, overdue, and one of
 * last year still open.
 */
@IntegrationTest
class DistrictDashboardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long district;

	long schoolA;

	long schoolB;

	String officer;

	String tag;

	@BeforeEach
	void fixture() {
		tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long city = jdbc.sql("select city_id from post p join app_user u on u.id = p.user_id where u.username = 'city'")
			.query(Long.class).single();
		district = id("insert into district (city_id, name) values (" + city + ", '看板区" + tag + "') returning id");
		schoolA = id("insert into school (district_id, name, stage) values (" + district + ", '甲校" + tag + "', 'JUNIOR') returning id");
		schoolB = id("insert into school (district_id, name, stage) values (" + district + ", '乙校" + tag + "', 'PRIMARY') returning id");
		long grade = id("insert into grade (school_id, level, name) values (" + schoolA + ", 7, '七年级') returning id");
		long klass = id("insert into school_class (school_id, grade_id, name) values (" + schoolA + ", " + grade + ", '1班') returning id");
		officer = "dofficer" + tag;
		long officerId = jdbc.sql("insert into app_user (username, display_name, password_hash) select :u, '区教育局', password_hash "
				+ "from app_user where username = 'head1' returning id").param("u", officer).query(Long.class).single();
		jdbc.sql("insert into post (user_id, role, district_id) values (:u, 'DISTRICT_OFFICER', :d)")
			.param("u", officerId).param("d", district).update();
		Instant now = clock.instant();
		int n = 0;
		for (int category : new int[] { 1, 1, 1, 1, 1, 1, 3, 3 }) {
			kase(klass, "看板生" + tag + n++, category, true, false, now);
		}
		kase(klass, "看板生" + tag + n++, 2, true, true, now);
		kase(klass, "看板生" + tag + n++, 2, false, false, now);
		crisis(city, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)), officerId);
		crisis(city, now.minus(Duration.ofMinutes(90)), null, officerId);
		crisis(city, now.minus(Duration.ofDays(400)), null, officerId);
	}

	@Test
	void countsPerSchoolWithoutNamesAndTheClockOfEachEvent() {
		PageClient page = PageClient.login(port, officer);
		PageClient.Page p = page.get("/oversight/districts/" + district);
		assertThat(p.status()).as(p.body()).isEqualTo(200);
		String body = p.body();
		String warnings = body.substring(body.indexOf("id=\"warning-table\""));
		// 6, 0, 2 hidden: the total shows its lower bound
		assertThat(cells(row(warnings, "data-school-id=\"" + schoolA + "\""))).containsExactly("甲校" + tag, "6", "0", "<5", "≥7");
		assertThat(cells(row(warnings, "data-school-id=\"" + schoolB + "\""))).containsExactly("乙校" + tag, "0", "0", "0", "0");
		assertThat(body).doesNotContain("看板生");
		String crises = body.substring(body.indexOf("id=\"crisis-table\""));
		List<String> statuses = new ArrayList<>();
		Matcher m = Pattern.compile("data-report-status=\"([A-Z_]+)\"").matcher(crises);
		while (m.find()) {
			statuses.add(m.group(1));
		}
		assertThat(statuses).as("newest first; last year's open one too").containsExactly("OVERDUE", "LATE", "OVERDUE");
		assertThat(crises).contains("已超时", "迟报");

		PageClient en = PageClient.login(port, officer);
		assertThat(en.get("/oversight/districts/" + district + "?lang=en").body()).contains("Warning database by school");
		assertThat(jdbc.sql("select count(*) from audit_event where username = :u and action in ('WARNING_COUNTS_READ', 'CRISIS_EVENTS_READ')")
			.param("u", officer).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theTablesExportAsXlsxWithThePlaceAndTheMonth() throws Exception {
		String month = java.time.YearMonth.now(clock).toString();
		Api api = new Api(port);
		HttpResponse<byte[]> r = bytes(api, officer, "/api/v1/oversight/districts/" + district + "/export.xlsx?period=" + month);
		assertThat(r.statusCode()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
			Sheet schools = wb.getSheetAt(0);
			assertThat(schools.getRow(1).getCell(0).getStringCellValue()).contains("看板区" + tag);
			assertThat(schools.getRow(1).getCell(1).getStringCellValue()).contains(month + "-01");
			assertThat(schools.getRow(4).getCell(0).getStringCellValue()).isIn("甲校" + tag, "乙校" + tag);
			Sheet warnings = wb.getSheetAt(1);
			List<String> rowA = new ArrayList<>();
			for (int y = 4; y <= warnings.getLastRowNum(); y++) {
				if (warnings.getRow(y).getCell(0).getStringCellValue().equals("甲校" + tag)) {
					warnings.getRow(y).forEach(c -> rowA.add(c.getStringCellValue()));
				}
			}
			assertThat(rowA).containsExactly("甲校" + tag, "6", "0", "<5", "≥7");
			Sheet crises = wb.getSheetAt(2);
			assertThat(crises.getLastRowNum()).as("title, place, blank, header and the three events").isEqualTo(6);
			assertThat(crises.getRow(4).getCell(1).getStringCellValue()).isEqualTo("自伤");
		}
		assertThat(bytes(api, "district", "/api/v1/oversight/districts/" + district + "/export.xlsx").statusCode()).isEqualTo(403);
		assertThat(bytes(api, "city", "/api/v1/oversight/cities/1/export.xlsx").statusCode()).isEqualTo(200);
		assertThat(bytes(api, officer, "/api/v1/oversight/schools/" + schoolA + "/export.xlsx").statusCode()).isEqualTo(200);
		assertThat(bytes(api, "psych1", "/api/v1/oversight/schools/" + schoolA + "/export.xlsx").statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from audit_event where username = :u and action = 'DASHBOARD_EXPORT'")
			.param("u", officer).query(Long.class).single()).isEqualTo(2);
	}

	private static HttpResponse<byte[]> bytes(Api api, String user, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + api.token(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void aSchoolsDashboardShowsItsCrisisEventsToItsOwnStaff() {
		long school1 = jdbc.sql("select id from school where name = '海曙区实验学校'").query(Long.class).single();
		String body = PageClient.login(port, "principal1").get("/oversight/schools/" + school1).body();
		assertThat(body).contains("id=\"crisis-table\"").contains("data-report-status=");
		// the district's officer reads the school's indicators, not its events
		assertThat(PageClient.login(port, "district").get("/oversight/schools/" + school1).body()).doesNotContain("crisis-table");
	}

	@Test
	void anotherDistrictsOfficerReadsNothing() {
		PageClient page = PageClient.login(port, "district");
		PageClient.Page p = page.get("/oversight/districts/" + district);
		assertThat(p.status()).isEqualTo(403);
		assertThat(p.body()).doesNotContain("甲校" + tag);
	}

	private void kase(long klass, String name, int category, boolean inDatabase, boolean ended, Instant now) {
		long student = jdbc.sql("""
				insert into student (school_id, class_id, student_no, name, gender, birth_date)
				values (:s, :c, :no, :n, 'M', date '2013-03-04') returning id""")
			.param("s", schoolA).param("c", klass).param("no", name).param("n", name).query(Long.class).single();
		jdbc.sql("""
				insert into warning_case (student_id, school_id, state, category, in_database, opened_by, opened_at, ended_at)
				values (:st, :s, :state, :cat, :db, (select id from app_user where username = 'psych1'), :at, :end)""")
			.param("st", student).param("s", schoolA).param("state", ended ? "CLOSED" : "WATCH").param("cat", category)
			.param("db", inDatabase).param("at", Timestamp.from(now)).param("end", ended ? Timestamp.from(now) : null)
			.update();
	}

	private void crisis(long city, Instant raised, Instant submitted, long by) {
		jdbc.sql("""
				insert into crisis_event (school_id, district_id, city_id, kind, occurred_at, raised_by, raised_at,
				                          report_due_at, report_submitted_at)
				values (:s, :d, :c, 'SELF_HARM', :at, :by, :at, :due, :sub)""")
			.param("s", schoolA).param("d", district).param("c", city).param("at", Timestamp.from(raised)).param("by", by)
			.param("due", Timestamp.from(raised.plus(Duration.ofHours(1))))
			.param("sub", submitted == null ? null : Timestamp.from(submitted))
			.update();
	}

	/** The row of the page's tables that carries the attribute, from its opening tag to its end. */
	private static String row(String body, String attribute) {
		int at = body.indexOf(attribute);
		assertThat(at).as(attribute).isPositive();
		int start = body.lastIndexOf("<tr", at);
		return body.substring(start, body.indexOf("</tr>", at));
	}

	private static List<String> cells(String row) {
		List<String> cells = new ArrayList<>();
		Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
		while (m.find()) {
			cells.add(m.group(1).replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&ge;", "≥").strip());
		}
		return cells;
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
