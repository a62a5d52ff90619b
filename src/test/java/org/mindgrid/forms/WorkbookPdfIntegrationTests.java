package org.mindgrid.forms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** "打印一生一档": the student's name on the cover and every form title that has an entry, only what the reader may see. */
@IntegrationTest
class WorkbookPdfIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theWorkbookPrintsTheCoverTheContentsAndEveryReadableRecord() throws Exception {
		Api api = new Api(port);
		String today = LocalDate.now(clock).toString();
		long student = jdbc.sql("""
				select m.student_id from mentor_assignment m join app_user u on u.id = m.mentor_user_id
				 where u.username = 'mentor1' order by m.student_id offset 2 limit 1""").query(Long.class).single();
		String name = jdbc.sql("select name from student where id = :s").param("s", student).query(String.class).single();
		assertThat(api.post("mentor1", "/api/v1/students/" + student + "/records", Map.of("formId", "emotion_monthly",
				"answers", Map.of("month", today.substring(0, 7), "recorded_on", today, "mood", "low", "mood_rating", 2,
						"action", "talked", "recorder", "李思远", "events", "月考前失眠"))).status()).isEqualTo(201);
		assertThat(api.post("psych1", "/api/v1/students/" + student + "/records", Map.of("formId", "family_interview",
				"answers", Map.of("held_on", today, "place", "心理辅导室", "interviewees", List.of(Map.of("relation", "母亲")),
						"structure", "grandparents", "concerns", "由祖母照顾", "measures", "每周沟通", "interviewer", "林若曦")))
			.status()).isEqualTo(201);

		String psychText = text(api, "psych1", student);
		assertThat(psychText).contains(name, "一生一档工作手册", "目录", "情绪状态月度跟踪记录表", "家庭心理健康深度访谈记录",
				"情绪低落", "月考前失眠", "隔代抚养");
		String mentorText = text(api, "mentor1", student);
		assertThat(mentorText).contains("情绪状态月度跟踪记录表").doesNotContain("家庭心理健康深度访谈记录", "隔代抚养");
		assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/students/"
				+ student + "/workbook.pdf")).header("Authorization", "Bearer " + api.token("psych2")).GET().build(),
				HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
		assertThat(PageClient.login(port, "mentor1").get("/students/" + student + "/workbook.pdf").status())
			.as("the page's link").isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'WORKBOOK_PRINT' and student_id = :s")
			.param("s", student).query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void theDemosCaseloadStudentHasAWorkbook() {
		long student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 where s.school_id = (select id from school where name = '海曙区实验学校') and g.level = 7 and c.name = '1班'
				 order by s.id limit 1""").query(Long.class).single();
		String page = PageClient.login(port, "psych1").get("/students/" + student + "/workbook").body();
		assertThat(page).contains("情绪状态月度跟踪记录表", "家庭心理健康深度访谈记录", "workbook-print");
		assertThat(jdbc.sql("select count(*) from form_record where student_id = :s").param("s", student)
			.query(Long.class).single()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void counsellingPrintsInPartFourWithItsNotesForPsychologyTeachersOnly() throws Exception {
		Api api = new Api(port);
		String today = LocalDate.now(clock).toString();
		long student = jdbc.sql("""
				select m.student_id from mentor_assignment m join app_user u on u.id = m.mentor_user_id
				 where u.username = 'mentor1' order by m.student_id offset 3 limit 1""").query(Long.class).single();
		api.post("mentor1", "/api/v1/students/" + student + "/records", Map.of("formId", "emotion_monthly",
				"answers", Map.of("month", today.substring(0, 7), "recorded_on", today, "mood", "stable", "mood_rating", 3,
						"action", "none", "recorder", "李思远")));
		assertThat(api.post("head1", "/api/v1/counselling/appointments", Map.of("studentId", student, "topic", "FAMILY",
				"preferred", "周五午休")).status()).isEqualTo(201);
		assertThat(api.post("psych1", "/api/v1/counselling/sessions", Map.of("studentId", student, "presentingProblem",
				"父母分居后睡眠差", "progress", "愿意写情绪日记")).status()).isEqualTo(201);
		String psych = text(api, "psych1", student);
		assertThat(psych).contains("心理辅导预约登记表", "家庭问题", "周五午休", "个别心理辅导全过程记录表", "父母分居后睡眠差",
				"愿意写情绪日记");
		assertThat(psych.lastIndexOf("心理辅导预约登记表")).as("part 4 after part 3")
			.isGreaterThan(psych.lastIndexOf("情绪状态月度跟踪记录表"));
		String mentor = text(api, "mentor1", student);
		assertThat(mentor).contains("心理辅导预约登记表", "共 1 次辅导").doesNotContain("父母分居后睡眠差", "愿意写情绪日记");
	}

	private static String text(Api api, String user, long student) throws Exception {
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
				+ "/api/v1/students/" + student + "/workbook.pdf")).header("Authorization", "Bearer " + api.token(user)).GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		try (PDDocument doc = Loader.loadPDF(r.body())) {
			return new PDFTextStripper().getText(doc);
		}
	}
}
