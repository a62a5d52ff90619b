package org.mindgrid.mentoring;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
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
 * Issue 7, point 3: every record in full to whoever may read it — the observation page, the report's sources, the
 * timeline's substance on the page and in the PDF (named after the student and the date range).
 */
@IntegrationTest
class RecordsInFullIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** A student of 八年级（1）班 of school 1 (staff1 teaches, committee1 is a classmate), one per test. */
	private long student(int index) {
		return jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班' order by s.student_no offset :i limit 1""")
			.param("i", index).query(Long.class).single();
	}

	/** 2,000 characters that end in a marker, so a cut anywhere shows. */
	private static String longText(String start, String end) {
		StringBuilder text = new StringBuilder(start);
		while (text.length() < 2000 - end.length()) {
			text.append("课间总是一个人坐在座位上发呆。");
		}
		return text.substring(0, 2000 - end.length()) + end;
	}

	@Test
	void anObservationIsShownWholeOnItsPageInTheApiAndOnTheReportToThoseWhoMayReadTheArchive() {
		long student = student(40);
		String notes = longText("备注开头", "备注的最后一句");
		String clues = longText("线索开头", "线索的最后一句");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("studentId", student);
		body.put("signs", List.of(1, 7));
		body.put("categories", List.of("FAMILY_MAJOR_CHANGE"));
		body.put("otherClues", clues);
		body.put("notes", notes);
		body.put("crisisLevel", "MEDIUM");
		var r = api.post("staff1", "/api/v1/observations", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		long reportId = r.json().get("warningReport").get("id").asLong();

		var read = api.get("psych1", "/api/v1/observations/" + id);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("notes").asString()).isEqualTo(notes);
		assertThat(read.json().get("otherClues").asString()).isEqualTo(clues);
		assertThat(read.json().get("observer").asString()).isEqualTo("赵一鸣");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'OBSERVATION_READ' and resource = :r")
			.param("r", "observation/" + id).query(Long.class).single()).isEqualTo(1);
		// The observer teaches the student but may not read the archive; another school does not know the student.
		assertThat(api.get("staff1", "/api/v1/observations/" + id).status()).isEqualTo(403);
		assertThat(api.get("psych2", "/api/v1/observations/" + id).status()).isEqualTo(404);
		assertThat(api.get("psych1", "/api/v1/observations/99999999").status()).isEqualTo(404);

		PageClient head = PageClient.login(port, "head1");
		var page = head.get("/observations/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(notes, clues, "有不想活了的念头", "家庭重大变故", "赵一鸣");
		var report = head.get("/warnings/" + reportId);
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains(notes, clues, "/observations/" + id);
		assertThat(PageClient.login(port, "staff1").get("/observations/" + id).status()).isEqualTo(403);
	}

	@Test
	void theCommitteeMembersDescriptionIsOnTheReportAndOnTheTimeline() {
		long student = student(41);
		String description = "她这周在厕所哭了两次，还说不想活了，我很担心。";
		var r = api.post("committee1", "/api/v1/concern-reports",
				Map.of("studentId", student, "signs", List.of(1), "description", description));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long reportId = jdbc.sql("select warning_report_id from concern_report where id = :id")
			.param("id", r.json().get("id").asLong()).query(Long.class).single();

		PageClient psych = PageClient.login(port, "psych1");
		assertThat(psych.get("/warnings/" + reportId).body()).contains(description, "心理委员的描述");
		var timeline = psych.get("/students/" + student + "/timeline");
		assertThat(timeline.status()).isEqualTo(200);
		assertThat(timeline.body()).contains(description, "有不想活了的念头");
	}

	@Test
	void timelineEntriesCarryTheirSubstanceInChineseAndEnglishAndInThePdf() throws Exception {
		long student = student(42);
		String words = "他说最近晚上睡不着，总觉得自己拖累了家里";
		var obs = api.post("staff1", "/api/v1/observations", Map.of("studentId", student, "signs", List.of(2),
				"categories", List.of(), "crisisLevel", "NONE", "notes", words));
		assertThat(obs.status()).as(obs.body()).isEqualTo(201);
		String today = LocalDate.now(clock).toString();
		var talk = api.post("psych1", "/api/v1/talks", Map.of("studentId", student, "date", today, "place", "心理辅导室",
				"topics", "和同桌的矛盾", "state", "说起来就哭，但愿意继续聊"));
		assertThat(talk.status()).as(talk.body()).isEqualTo(201);
		Map<String, Object> answers = Map.of("a3", Map.of("record", "作业写到半夜", "judgment", List.of("PRESSURE_4")),
				"b1", Map.of("record", "凌晨才睡", "judgment", List.of("S7")));
		var visit = api.post("psych1", "/api/v1/home-visits", Map.of("studentId", student, "visitedAt",
				java.time.Instant.now(clock).minusSeconds(3600).toString(), "interviewee", "刘女士", "relation", "母亲",
				"answers", answers));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		var contact = api.post("psych1", "/api/v1/contacts", Map.of("studentId", student, "channel", "WECHAT",
				"content", "家人说孩子周末不肯出去"));
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);

		var zh = PageClient.login(port, "psych1").get("/students/" + student + "/timeline");
		assertThat(zh.status()).isEqualTo(200);
		assertThat(zh.body()).contains("觉得自己是负担", words, "和同桌的矛盾", "说起来就哭，但愿意继续聊", "比较大",
				"睡眠无故减少或增加", "凌晨才睡", "微信", "家人说孩子周末不肯出去", "/observations/");
		var en = PageClient.login(port, "psych1").get("/students/" + student + "/timeline?lang=en");
		assertThat(en.body()).contains("Warning signs", words, "State of the student", "和同桌的矛盾", "Study and homework pressure");
		assertThat(en.body()).doesNotContain("预警信号", "谈话主题");
		var api1 = api.get("psych1", "/api/v1/students/" + student + "/timeline");
		assertThat(api1.json().get("items").toString()).contains("和同桌的矛盾", "\"parts\"", "sign.2");

		HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create(api.base() + "/api/v1/students/" + student + "/timeline.pdf?from=2026-09-01&to=" + today))
			.header("Authorization", "Bearer " + api.token("psych1"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		String name = jdbc.sql("select name from student where id = :id").param("id", student).query(String.class).single();
		String disposition = pdf.headers().firstValue("Content-Disposition").orElse("");
		assertThat(disposition).startsWith("attachment;").contains("filename=\"timeline-2026-09-01-" + today + ".pdf\"")
			.contains("filename*=UTF-8''");
		String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
		assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
			.isEqualTo(name + "-成长时间线-2026-09-01至" + today + ".pdf");
		assertThat(disposition).doesNotContain("timeline-" + student);

		String text = pdfToText(pdf.body());
		Assumptions.assumeTrue(text != null, "pdftotext (poppler-utils) is not installed: text of the PDF not checked");
		String flat = text.replaceAll("\\s+", "");
		assertThat(flat).contains("觉得自己是负担", words.replaceAll("\\s+", ""), "和同桌的矛盾", "家人说孩子周末不肯出去", "比较大");
	}

	private static String pdfToText(byte[] pdf) throws Exception {
		Path file = Files.createTempFile("timeline", ".pdf");
		try {
			Files.write(file, pdf);
			Process p;
			try {
				p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
			}
			catch (java.io.IOException e) {
				return null;
			}
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor(30, TimeUnit.SECONDS);
			return out;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
