package org.mindgrid.screening.classwork;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The head teacher's class screening page over real HTTP: access, consent entry, per-cell ratings, paper import. */
@IntegrationTest
class ClassworkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Api api() {
		return new Api(port);
	}

	@Test
	void onlyTheHeadTeacherOfTheClassAndThePsychologyTeacherOpenThePage() {
		ClassworkFixture f = new ClassworkFixture(jdbc, api(), 4, 3).campaign(clock, "mhrsp");
		String page = PageSession.text(PageSession.login(port, f.head).get(f.pagePath()));
		assertThat(page).contains(f.names.get(0), f.studentNos.get(2), "知情同意", "未回复", "cw-grid", "纸质答卷导入",
				"学习障碍");
		assertThat(PageSession.login(port, "psych1").get(f.pagePath()).statusCode()).isEqualTo(200);
		// each opening of the class's named roster is an audit line, the head teacher's and psych1's
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'SCREENING_CLASS_READ' and resource = :r""")
			.param("r", "screening-campaign/" + f.campaignId + "/classes/" + f.classId).query(Long.class).single())
			.isEqualTo(2);
		assertThat(PageSession.login(port, "psych1").get(f.pagePath() + "?lang=en").body())
			.asString(java.nio.charset.StandardCharsets.UTF_8).contains("Consent", "Paper questionnaires");
		// another school's psychology teacher: as if the class did not exist
		assertThat(PageSession.login(port, "psych2").get(f.pagePath()).statusCode()).isEqualTo(404);
		// a mentor of the class sees its students but may not rate them
		String mentor = f.account("cwmentor" + System.nanoTime() % 1_000_000, "MENTOR", f.classId);
		assertThat(PageSession.login(port, mentor).get(f.pagePath()).statusCode()).isEqualTo(403);
		// the head teacher of another class of the same school: a stranger to this class
		long other = f.newClass(4, "另" + System.nanoTime() % 1_000_000 + "班");
		String otherHead = f.account("cwother" + System.nanoTime() % 1_000_000, "HEAD_TEACHER", other);
		assertThat(PageSession.login(port, otherHead).get(f.pagePath()).statusCode()).isEqualTo(404);
		assertThat(PageSession.login(port, "head1").get(f.pagePath()).statusCode()).isEqualTo(404);
		assertThat(PageSession.login(port, otherHead)
			.get(f.pagePath() + "/template.xlsx?scale=mhrsp").statusCode()).isEqualTo(404);
	}

	@Test
	void consentIsEnteredPerStudentAndTheRowAndCountsComeBack() {
		ClassworkFixture f = new ClassworkFixture(jdbc, api(), 5, 3).campaign(clock, "mhrsp");
		PageSession head = PageSession.login(port, f.head);
		head.get(f.pagePath());
		HttpResponse<byte[]> r = head.form(f.pagePath() + "/consents",
				Map.of("studentId", String.valueOf(f.students.get(0)), "consent", "true"), Map.of("HX-Request", "true"));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(PageSession.text(r)).contains("consent-" + f.students.get(0), "同意 1", "未回复 2", "hx-swap-oob")
			.doesNotContain("<html");
		// without JavaScript: a redirect back to the student's row
		r = head.form(f.pagePath() + "/consents", Map.of("studentId", String.valueOf(f.students.get(1)), "consent",
				"false"), Map.of());
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElse("")).endsWith("#consent-" + f.students.get(1));
		Map<String, Object> row = jdbc.sql("select consent, consent_via from screening_invite where campaign_id = :c "
				+ "and student_id = :s").param("c", f.campaignId).param("s", f.students.get(1)).query().singleRow();
		assertThat(row).containsEntry("consent", false).containsEntry("consent_via", "PAPER");
		// a student of another class through this class's address
		long stranger = jdbc.sql("select id from student where school_id = :s and class_id <> :c limit 1")
			.param("s", f.schoolId).param("c", f.classId).query(Long.class).single();
		assertThat(head.form(f.pagePath() + "/consents", Map.of("studentId", String.valueOf(stranger), "consent",
				"true"), Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void cellsSaveOneByOneAndACompleteStudentIsSubmitted() {
		ClassworkFixture f = new ClassworkFixture(jdbc, api(), 4, 2).campaign(clock, "mhrsp");
		f.consent(0, true);
		PageSession head = PageSession.login(port, f.head);
		head.get(f.pagePath());
		long student = f.students.get(0);
		HttpResponse<byte[]> r = null;
		for (int no = 1; no <= 80; no++) {
			r = head.json(f.pagePath() + "/ratings", Map.of("studentId", student, "scaleId", "mhrsp", "answers",
					Map.of(String.valueOf(no), no % 3 == 0 ? 1 : 0)));
			assertThat(r.statusCode()).as(PageSession.text(r)).isEqualTo(200);
		}
		assertThat(json(r).get("answered").asInt()).isEqualTo(80);
		// a value out of range names the item
		r = head.json(f.pagePath() + "/ratings", Map.of("studentId", student, "scaleId", "mhrsp", "answers",
				Map.of("3", 5)));
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(PageSession.text(r)).contains("answers.3");
		// no consent: refused, nothing saved
		r = head.json(f.pagePath() + "/ratings", Map.of("studentId", f.students.get(1), "scaleId", "mhrsp",
				"answers", Map.of("1", 1)));
		assertThat(r.statusCode()).isEqualTo(403);
		r = head.json(f.pagePath() + "/ratings/submit", Map.of("studentId", student, "scaleId", "mhrsp"));
		assertThat(r.statusCode()).as(PageSession.text(r)).isEqualTo(200);
		assertThat(json(r).get("summary").asString()).startsWith("合计 26");
		JsonNode history = api().get(f.head, "/api/v1/students/" + student + "/screenings").json();
		assertThat(history.toString()).contains("\"mhrsp\"");
		assertThat(PageSession.text(head.get(f.pagePath()))).contains("合计 26");
	}

	@Test
	void theTemplateListsTheConsentedStudentsWithValidationLists() throws Exception {
		ClassworkFixture f = new ClassworkFixture(jdbc, api(), 6, 3).campaign(clock, "mhrsp");
		f.consent(0, true);
		f.consent(2, true);
		f.consent(1, false);
		HttpResponse<byte[]> r = PageSession.login(port, f.head).get(f.pagePath() + "/template.xlsx?scale=mhrsp");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
			Sheet sheet = wb.getSheetAt(0);
			Row header = sheet.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("学号");
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("姓名");
			assertThat(header.getCell(2).getStringCellValue()).isEqualTo("1");
			assertThat(header.getCell(81).getStringCellValue()).isEqualTo("80");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(f.studentNos.get(0));
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(f.studentNos.get(2));
			assertThat(sheet.getDataValidations()).hasSize(1);
			assertThat(sheet.getDataValidations().get(0).getValidationConstraint().getExplicitListValues())
				.containsExactlyInAnyOrder("0", "1", "2");
			assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
		}
		long audited = jdbc.sql("select count(*) from audit_event where action = 'SCREENING_PAPER_TEMPLATE' "
				+ "and resource like :r").param("r", "screening-campaign/" + f.campaignId + "/%")
			.query(Long.class).single();
		assertThat(audited).isEqualTo(1);
		assertThat(PageSession.login(port, f.head).get(f.pagePath() + "/template.xlsx?scale=phq9").statusCode())
			.isEqualTo(400);
	}

	@Test
	void anImportWithErrorsSavesNothingAndNamesRowColumnAndReason() throws Exception {
		ClassworkFixture f = new ClassworkFixture(jdbc, api(), 4, 4).campaign(clock, "mhrsp");
		f.consent(0, true);
		f.consent(1, true);
		f.consent(2, true);
		// student 3: no consent
		Map<Integer, String> full = answers("1");
		Map<Integer, String> wrong = answers("0");
		wrong.put(12, "3");
		Map<Integer, String> missing = answers("2");
		missing.remove(7);
		missing.remove(40);
		byte[] file = workbook(List.of(row(f.studentNos.get(0), f.names.get(0), full),
				row(f.studentNos.get(1), f.names.get(1), wrong), row("nosuch-no", "无名", full),
				row(f.studentNos.get(2), f.names.get(2), missing), row(f.studentNos.get(3), f.names.get(3), full)));
		PageSession head = PageSession.login(port, f.head);
		head.get(f.pagePath());
		HttpResponse<byte[]> r = head.upload(f.pagePath() + "/import", Map.of("scale", "mhrsp"), "答卷.xlsx", file);
		assertThat(r.statusCode()).isEqualTo(200);
		String body = PageSession.text(r);
		assertThat(body).contains("没有保存任何答案", "“3”不是允许的答案", "本校没有这个学号", "缺少 2 题的答案：7, 40",
				"还没有家长同意");
		assertThat(body).containsPattern("<td>3</td><td>12</td>\\s*<td>" + f.studentNos.get(1) + "</td>");
		long saved = jdbc.sql("select count(*) from screening_response where campaign_id = :c")
			.param("c", f.campaignId).query(Long.class).single();
		assertThat(saved).isZero();
		// in English too
		r = head.upload(f.pagePath() + "/import?lang=en", Map.of("scale", "mhrsp"), "answers.xlsx", file);
		assertThat(PageSession.text(r)).contains("nothing was saved", "&quot;3&quot; is not an allowed answer");
		// not a workbook
		r = head.upload(f.pagePath() + "/import?lang=zh_CN", Map.of("scale", "mhrsp"), "答卷.xlsx", "学号,姓名".getBytes());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(PageSession.text(r)).contains("请上传由本页下载的模板填写的 .xlsx 文件");
	}

	@Test
	void aCleanImportIsSavedAndScoredThroughTheCore() throws Exception {
		ClassworkFixture f = new ClassworkFixture(jdbc, api(), 5, 3).campaign(clock, "mhrsp");
		f.consent(0, true);
		f.consent(1, true);
		PageSession head = PageSession.login(port, f.head);
		HttpResponse<byte[]> template = head.get(f.pagePath() + "/template.xlsx?scale=mhrsp");
		byte[] file;
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row first = wb.getSheetAt(0).getRow(1);
			for (int i = 0; i < 80; i++) {
				// subscale A (items 1-10) all 经常 (2): a sum of 20, over the cut-off; the rest 没有 (0), typed as words too
				if (i < 10) {
					first.createCell(i + 2).setCellValue(2);
				}
				else {
					first.createCell(i + 2).setCellValue(i % 2 == 0 ? "0" : "没有");
				}
			}
			// the second consented student's row stays blank: skipped
			wb.write(out);
			file = out.toByteArray();
		}
		head.get(f.pagePath());
		HttpResponse<byte[]> r = head.upload(f.pagePath() + "/import", Map.of("scale", "mhrsp"), "答卷.xlsx", file);
		assertThat(PageSession.text(r)).contains("已导入并计分 1 名学生；1 行没有答案");
		JsonNode history = api().get(f.head, "/api/v1/students/" + f.students.get(0) + "/screenings").json();
		assertThat(history.isArray()).isTrue();
		JsonNode result = history.get(0);
		assertThat(result.get("scaleId").asString()).isEqualTo("mhrsp");
		assertThat(result.get("total").asDouble()).isEqualTo(20.0);
		assertThat(result.get("flags").toString()).contains("CUTOFF");
		long audited = jdbc.sql("select count(*) from audit_event where action = 'SCREENING_PAPER_IMPORTED' "
				+ "and resource like :r").param("r", "screening-campaign/" + f.campaignId + "/%")
			.query(Long.class).single();
		assertThat(audited).isEqualTo(1);
		// importing the same student again: already scored
		r = head.upload(f.pagePath() + "/import", Map.of("scale", "mhrsp"), "答卷.xlsx", file);
		assertThat(PageSession.text(r)).contains("已经计分");
	}

	@Test
	void aPaperSelfReportQuestionnaireIsTypedInByStaffAndScored() throws Exception {
		ClassworkFixture f = new ClassworkFixture(jdbc, api(), 7, 2).campaign(clock, "phq9");
		f.consent(0, true);
		PageSession head = PageSession.login(port, f.head);
		assertThat(PageSession.text(head.get(f.pagePath()))).contains("本班年级没有需要班主任评定的量表", "phq9");
		Map<Integer, String> answers = new HashMap<>();
		for (int i = 1; i <= 9; i++) {
			answers.put(i, i <= 5 ? "2" : "0");
		}
		byte[] file;
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet("PHQ9");
			Row h = s.createRow(0);
			h.createCell(0).setCellValue("学号");
			h.createCell(1).setCellValue("姓名");
			for (int i = 1; i <= 9; i++) {
				h.createCell(i + 1).setCellValue("第" + i + "题");
			}
			Row row = s.createRow(1);
			row.createCell(0).setCellValue(f.studentNos.get(0));
			answers.forEach((no, v) -> row.createCell(no + 1).setCellValue(Integer.parseInt(v)));
			wb.write(out);
			file = out.toByteArray();
		}
		HttpResponse<byte[]> r = head.upload(f.pagePath() + "/import", Map.of("scale", "phq9"), "phq9.xlsx", file);
		assertThat(PageSession.text(r)).contains("已导入并计分 1 名学生");
		JsonNode history = api().get(f.head, "/api/v1/students/" + f.students.get(0) + "/screenings").json();
		assertThat(history.get(0).get("scaleId").asString()).isEqualTo("phq9");
		assertThat(history.get(0).get("total").asDouble()).isEqualTo(10.0);
		// an observer-only grid does not take a self-report scale
		r = head.json(f.pagePath() + "/ratings", Map.of("studentId", f.students.get(0), "scaleId", "phq9", "answers",
				Map.of("1", 1)));
		assertThat(r.statusCode()).isIn(400, 409);
	}

	private static JsonNode json(HttpResponse<byte[]> r) {
		return Api.json().readTree(PageSession.text(r));
	}

	private static Map<Integer, String> answers(String value) {
		Map<Integer, String> m = new HashMap<>();
		for (int i = 1; i <= 80; i++) {
			m.put(i, value);
		}
		return m;
	}

	private record Line(String no, String name, Map<Integer, String> answers) {
	}

	private static Line row(String no, String name, Map<Integer, String> answers) {
		return new Line(no, name, answers);
	}

	private static byte[] workbook(List<Line> lines) throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet("MHRSP");
			Row h = s.createRow(0);
			h.createCell(0).setCellValue("学号");
			h.createCell(1).setCellValue("姓名");
			for (int i = 1; i <= 80; i++) {
				h.createCell(i + 1).setCellValue(String.valueOf(i));
			}
			int r = 1;
			for (Line line : lines) {
				Row row = s.createRow(r++);
				row.createCell(0).setCellValue(line.no());
				row.createCell(1).setCellValue(line.name());
				line.answers().forEach((no, v) -> row.createCell(no + 1).setCellValue(v));
			}
			wb.write(out);
			return out.toByteArray();
		}
	}
}
