package org.mindgrid.forms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * A form's ledger (issue 13 point 6): filtered by grade, class and dates, as a page and xlsx; the blank form as a
 * PDF for paper; paper entries imported from the template, whole or not at all.
 */
@IntegrationTest
class FormLedgerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	long student;

	String studentNo;

	String today;

	@BeforeEach
	void fixture() {
		api = new Api(port);
		today = LocalDate.now(clock).toString();
		student = jdbc.sql("""
				select m.student_id from mentor_assignment m join app_user u on u.id = m.mentor_user_id
				 where u.username = 'mentor1' order by m.student_id limit 1""").query(Long.class).single();
		studentNo = jdbc.sql("select student_no from student where id = :id").param("id", student).query(String.class)
			.single();
	}

	private byte[] bytes(String user, String path) throws Exception {
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + api.token(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r.body();
	}

	@Test
	void theLedgerFiltersByGradeAndClass() {
		long id = api.post("psych1", "/api/v1/students/" + student + "/records", Map.of("formId", "emotion_monthly",
				"answers", Map.of("month", today.substring(0, 7), "recorded_on", today, "mood", "low", "mood_rating", 2,
						"action", "talked", "recorder", "台账测试"))).json().get("id").asLong();
		int grade = jdbc.sql("select g.level from student s join school_class c on c.id = s.class_id "
				+ "join grade g on g.id = c.grade_id where s.id = :id").param("id", student).query(Integer.class).single();
		String ledger = "/api/v1/forms/emotion_monthly/ledger?grade=";
		assertThat(api.get("psych1", ledger + grade).body()).contains("\"id\":" + id + ",");
		assertThat(api.get("psych1", ledger + (grade == 7 ? 8 : 7)).body()).doesNotContain("\"id\":" + id + ",");
		assertThat(api.get("psych1", ledger + "x").status()).isEqualTo(400);
		var page = PageClient.login(port, "psych1").get("/forms/emotion_monthly/ledger?grade=" + grade + "&from=" + today);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-record=\"" + id + "\"", "情绪低落");
		assertThat(PageClient.login(port, "psych1").get("/forms/emotion_monthly/ledger?grade=zz&from=1-1-1").status())
			.as("a bad filter is ignored, never a 500").isEqualTo(200);
		assertThat(PageClient.login(port, "mentor1").get("/forms").body()).contains("情绪状态月度跟踪记录表");
	}

	@Test
	void aBlankFormPrintsForPaper() throws Exception {
		try (var doc = Loader.loadPDF(bytes("head1", "/api/v1/forms/family_interview/blank.pdf"))) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("家庭心理健康深度访谈记录", "学号", "单亲家庭", "受访家庭成员");
		}
		assertThat(PageClient.login(port, "head1").get("/forms/emotion_monthly/blank.pdf").status()).isEqualTo(200);
		assertThat(api.get("head1", "/api/v1/forms/nothing/blank.pdf").status()).isEqualTo(404);
	}

	@Test
	void paperEntriesAreImportedWholeOrNotAtAll() throws Exception {
		byte[] template = bytes("head1", "/api/v1/forms/emotion_monthly/import-template.xlsx");
		long before = count();
		byte[] bad = fill(template, new String[][] {
				{ studentNo, today.substring(0, 7), today, "情绪低落", "2", "", "", "常哭泣、退缩、少与人交往", "", "已谈心", "", "王老师" },
				{ "NO-SUCH-NO", today.substring(0, 7), today, "stable", "3", "", "", "", "", "none", "", "王老师" },
				{ studentNo, today.substring(0, 7), "2026-02-30", "低落得很", "9", "", "", "", "", "none", "", "" } });
		Api.Response refused = api.upload("head1", "/api/v1/forms/emotion_monthly/import", "录入.xlsx", bad);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		JsonNode rows = refused.json().get("rows");
		assertThat(rows.toString()).contains("第 5 行 NO-SUCH-NO", "第 6 行", "总体情绪", "记录人签名").doesNotContain("第 4 行");
		assertThat(count()).as("nothing imported").isEqualTo(before);

		byte[] good = fill(template, new String[][] {
				{ studentNo, today.substring(0, 7), today, "情绪低落", "2", "", "", "常哭泣、退缩、少与人交往", "", "已谈心", "", "王老师" } });
		Api.Response imported = api.upload("head1", "/api/v1/forms/emotion_monthly/import", "录入.xlsx", good);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
		assertThat(count()).isEqualTo(before + 1);
		assertThat(api.get("head1", "/api/v1/students/" + student + "/records?formId=emotion_monthly").body())
			.contains("\"mood\":\"low\"", "\"tearful\"", "\"withdrawn\"");
		assertThat(api.upload("staff1", "/api/v1/forms/emotion_monthly/import", "录入.xlsx", good).status())
			.as("a subject teacher fills no emotion record").isEqualTo(400);
		assertThat(api.upload("head1", "/api/v1/forms/emotion_monthly/import", "x.xlsx", "not excel".getBytes()).status())
			.isEqualTo(400);
	}

	private long count() {
		return jdbc.sql("select count(*) from form_record where student_id = :id and form_id = 'emotion_monthly'")
			.param("id", student).query(Long.class).single();
	}

	/** The template with rows typed in, as a teacher would: words for options, the ids row left as it came. */
	private static byte[] fill(byte[] template, String[][] rows) throws Exception {
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.getSheetAt(0);
			Row ids = sheet.getRow(1);
			assertThat(ids.getCell(0).getStringCellValue()).isEqualTo("student_no");
			for (int y = 0; y < rows.length; y++) {
				Row r = sheet.createRow(3 + y);
				for (int x = 0; x < rows[y].length && x < ids.getLastCellNum(); x++) {
					if (!rows[y][x].isEmpty()) {
						r.createCell(x).setCellValue(rows[y][x]);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}
}
