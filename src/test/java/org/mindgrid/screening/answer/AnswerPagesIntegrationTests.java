package org.mindgrid.screening.answer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mindgrid.screening.campaigns.Codes;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages without an account over real HTTP (issue 9, points 3 and 4): unknown, refused and not-yet-consented
 * codes are calm pages in zh and en; the questionnaire page carries the session; the parent answers once; the
 * consent forms and slips print for the head teacher of the class and the psychology teacher, not for others.
 */
@IntegrationTest
class AnswerPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void codesThatCannotBeUsedAreCalmPagesInBothLanguages() {
		AnswerFixture f = AnswerFixture.create(jdbc, new Api(port), clock);
		PageClient pages = new PageClient(port);

		var unknown = pages.get("/s/ZZZZ-ZZZZ-ZZ");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("现在不能作答", "没有找到这个编码").doesNotContain("出错了");
		var unknownEn = pages.get("/s/ZZZZZZZZZZ?lang=en");
		assertThat(unknownEn.body()).contains("You cannot answer now");

		var refused = pages.get("/s/" + f.answerCodes.get(f.students[1]) + "?lang=zh_CN");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("家长没有同意参加本次测评").doesNotContain(f.names[1]);
		var waiting = pages.get("/s/" + f.answerCodes.get(f.students[2]));
		assertThat(waiting.status()).isEqualTo(403);
		assertThat(waiting.body()).contains("还没有收到家长的知情同意");

		var malformed = pages.get("/s?code=hello");
		assertThat(malformed.status()).isEqualTo(200);
		assertThat(malformed.body()).contains("这不像纸条上的编码", "value=\"hello\"");
		String code = f.answerCodes.get(f.students[0]);
		var typed = pages.get("/s?code=" + Codes.printed(code).toLowerCase());
		assertThat(typed.status()).isEqualTo(302);
		assertThat(typed.location()).endsWith("/s/" + code);

		var open = pages.get("/s/" + code);
		assertThat(open.status()).isEqualTo(200);
		assertThat(open.body()).contains("mg-sa-data", "\"phq9\"", "js/screening-answer.js", "Pfizer")
			.doesNotContain(f.names[0]);
		assertThat(open.header("Cache-Control")).contains("no-store");
	}

	@Test
	void theComputerRoomFindsTheCodeByClassSessionCodeStudentNumberAndBirthDate() {
		AnswerFixture f = AnswerFixture.create(jdbc, new Api(port), clock);
		PageClient pages = new PageClient(port);
		pages.get("/s");
		var wrong = pages.post("/s/session", Map.of("sessionCode", f.sessionCode, "studentNo", f.studentNos[0],
				"birthDate", "2012-03-09"));
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.body()).contains("请核对班级测评码、学号和出生日期", "value=\"" + f.studentNos[0] + "\"");
		var right = pages.post("/s/session", Map.of("sessionCode", f.sessionCode.toLowerCase(), "studentNo",
				f.studentNos[0], "birthDate", "2012-03-01"));
		assertThat(right.status()).isEqualTo(302);
		assertThat(right.location()).endsWith("/s/" + f.answerCodes.get(f.students[0]));
		var missing = pages.post("/s/session", Map.of("sessionCode", f.sessionCode, "studentNo", f.studentNos[0],
				"birthDate", ""));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("请选择出生日期");
	}

	@Test
	void theParentAnswersOnceAndSeesTheRecordedAnswerAfterwards() {
		AnswerFixture f = AnswerFixture.create(jdbc, new Api(port), clock);
		PageClient pages = new PageClient(port);
		String code = f.parentCodes.get(f.students[2]);
		var form = pages.get("/p/" + code);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("家长心理健康测评知情同意", "患者健康问卷抑郁量表", "心理老师和班主任",
				"不会因此受到任何影响", "mg-sa-consent-yes", "mg-sa-consent-no");

		var confirm = pages.post("/p/" + code, Map.of("consent", "false"));
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("您选择了：不同意", "mg-sa-consent-confirm-button");
		assertThat(jdbc.sql("select consent from screening_invite where parent_code = :c").param("c", code)
			.query(Boolean.class).optional()).isEmpty();

		var done = pages.post("/p/" + code, Map.of("consent", "false", "confirm", "1"));
		assertThat(done.status()).isEqualTo(302);
		var after = pages.get("/p/" + code);
		assertThat(after.body()).contains("选择不参加本次测评", "如需更改，请联系班主任").doesNotContain("mg-sa-consent-yes");
		var again = pages.post("/p/" + code, Map.of("consent", "true", "confirm", "1"));
		assertThat(again.status()).isEqualTo(302);
		assertThat(jdbc.sql("select consent from screening_invite where parent_code = :c").param("c", code)
			.query(Boolean.class).single()).isFalse();
		// the refused student's own code: a calm page, never a questionnaire
		assertThat(pages.get("/s/" + f.answerCodes.get(f.students[2])).body()).contains("家长没有同意参加本次测评");

		var unknown = pages.get("/p/ZZZZZZZZZZ?lang=en");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("You cannot answer now");
	}

	@Test
	void consentFormsAndSlipsPrintForTheClassesWorkersOnly() throws Exception {
		AnswerFixture f = AnswerFixture.create(jdbc, new Api(port), clock);
		var head = new AnswerFixture.Staff(port, f.headTeacher);
		HttpResponse<byte[]> forms = head.get(f.pdfPath("consent-forms"));
		assertThat(forms.statusCode()).isEqualTo(200);
		assertThat(forms.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(new String(forms.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		HttpResponse<byte[]> slips = new AnswerFixture.Staff(port, "psych1").get(f.pdfPath("slips"));
		assertThat(slips.statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SCREENING_CONSENT_FORMS_PRINTED'"
				+ " and resource like :r").param("r", "screening-campaign/" + f.campaignId + "/%")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SCREENING_SLIPS_PRINTED'"
				+ " and resource like :r").param("r", "screening-campaign/" + f.campaignId + "/%")
			.query(Long.class).single()).isEqualTo(1);

		// another school's psychology teacher: not in scope (404); head1 of another class: 403
		assertThat(new AnswerFixture.Staff(port, "psych2").get(f.pdfPath("slips")).statusCode()).isEqualTo(404);
		assertThat(new AnswerFixture.Staff(port, "head1").get(f.pdfPath("consent-forms")).statusCode()).isEqualTo(403);

		String formText = AnswerFixture.pdfToText(forms.body());
		Assumptions.assumeTrue(formText != null, "pdftotext (poppler-utils) is not installed: PDF text not checked");
		assertThat(formText).contains("家长心理健康测评知情同意书", f.names[0], f.names[1], f.names[2],
				Codes.printed(f.parentCodes.get(f.students[0])), "/p/" + f.parentCodes.get(f.students[2]), "回执");
		// one page per student, in either language
		assertThat(formText.chars().filter(c -> c == '\f').count()).isEqualTo(3);
		String english = AnswerFixture.pdfToText(head.get(f.pdfPath("consent-forms") + "?lang=en").body());
		assertThat(english).contains("Parental consent to the mental health survey", "Reply slip", f.names[0]);
		assertThat(english.chars().filter(c -> c == '\f').count()).isEqualTo(3);
		String slipText = AnswerFixture.pdfToText(slips.body());
		assertThat(slipText).contains(f.names[0], Codes.printed(f.answerCodes.get(f.students[0])), f.studentNos[0],
				"/s/" + f.answerCodes.get(f.students[0])).doesNotContain(f.names[1], f.names[2]);
	}
}
