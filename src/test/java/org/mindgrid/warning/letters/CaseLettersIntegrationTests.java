package org.mindgrid.warning.letters;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8 point 8: each letter as a PDF from the case's data, laid out like the seed, rare name characters
 * included; the referral and the notice in three copies. Pages are written to target/letters/ to look at.
 */
@IntegrationTest
class CaseLettersIntegrationTests {

	/** 赵孟𫖯's last character lies outside the BMP (U+2B5AF); 堃, 喆 and 赟 are rare in the BMP. */
	static final String RARE_NAME = "赵𫖯堃";

	@Autowired
	CaseLetters letters;

	@Autowired
	CaseLetterData caseData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	static LetterData sample(String name) {
		return LetterData.builder()
			.school("海曙区实验学校")
			.student(name, "M", "八年级（1）班", "12019080107", LocalDate.of(2012, 5, 3))
			.address("宁波市海曙区中山西路 12 号")
			.guardian("赵喆赟", "13800001111")
			.behaviourObserved("近两周情绪低落，课上多次流泪，作文中流露轻生念头。")
			.assessment("访谈确认有自杀意念，无具体计划；家庭支持较弱。", 3)
			.diagnosis("中度抑郁发作")
			.hospital(new LetterData.LetterHospital("宁波市康宁医院", "儿童青少年心理门诊", "镇海区庄市街道庄俞南路1号",
					"0574-26251111\n0574-26252222"))
			.teachers("林若曦", "王建华")
			.dates(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 10, 8), LocalDate.of(2026, 12, 14))
			.contact("赵喆赟", "父亲", "13800001111")
			.contact("林若曦", "心理教师", "0574-87654321")
			.build();
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			// Two readings, as a person copying text would get them: in drawing order (a table cell by cell) and in
			// position order (a sentence with its filled blanks, which are drawn after their line).
			PDFTextStripper stripper = new PDFTextStripper();
			String drawn = stripper.getText(doc);
			stripper.setSortByPosition(true);
			return drawn + "\n" + stripper.getText(doc);
		}
	}

	static String pageText(byte[] pdf, int page) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			String drawn = stripper.getText(doc);
			stripper.setSortByPosition(true);
			return drawn + "\n" + stripper.getText(doc);
		}
	}

	static int pages(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return doc.getNumberOfPages();
		}
	}

	/** Text extraction may break a line inside a value: compare without white space. */
	static String squeeze(String s) {
		return s.replaceAll("\\s+", "");
	}

	@Test
	void everyLetterCarriesTheStudentsNameNumberClassSchoolAndHospital() throws Exception {
		LetterData data = sample(RARE_NAME);
		for (LetterKind kind : LetterKind.values()) {
			byte[] pdf = letters.render(kind, data, Locale.SIMPLIFIED_CHINESE);
			assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			String text = squeeze(text(pdf));
			assertThat(text).as(kind.code()).contains(RARE_NAME, "12019080107", "八年级（1）班", "海曙区实验学校",
					"宁波市康宁医院");
		}
	}

	@Test
	void eachLetterIsLaidOutLikeItsSeed() throws Exception {
		LetterData data = sample("张堃");
		String notice = squeeze(text(letters.render(LetterKind.NOTICE, data, Locale.CHINA)));
		assertThat(notice).contains("中小学生心理健康状况告知书", "尊敬的家长", "三级预防系统", "近两周情绪低落",
				"监护人签名", "监护人意见", "学校盖章", "一式三份");
		String referral = squeeze(text(letters.render(LetterKind.REFERRAL, data, Locale.CHINA)));
		assertThat(referral).contains("中小学生心理诊疗转介信", "心理危机评估小组评估情况", "三类心理危机", "诊断情况",
				"中度抑郁发作", "医生（咨询师）签字", "0574-26251111、0574-26252222", "学校联络员", "林若曦");
		String contract = squeeze(text(letters.render(LetterKind.CONTRACT, data, Locale.CHINA)));
		assertThat(contract).contains("中小学生不自我伤害契约书", "4001619995", "81859666", "119", "立约人",
				"校心理辅导站（盖章）", "赵喆赟", "父亲", "13800001111", "心理教师", "0574-87654321", "3.", "王建华");
		String commitment = squeeze(text(letters.render(LetterKind.COMMITMENT, data, Locale.CHINA)));
		assertThat(commitment).contains("中小学生心理问题安全责任承诺书", "海曙区实验学校：", "中度抑郁发作",
				"家长签名（父母双方）", "退出学校住宿");
		String recommendation = squeeze(text(letters.render(LetterKind.RETURN_RECOMMENDATION, data, Locale.CHINA)));
		assertThat(recommendation).contains("复学建议书", "2026年12月14日", "2026年10月8日", "心理危机评估小组",
				"学校盖章");
		String introduction = squeeze(text(letters.render(LetterKind.RETURN_INTRODUCTION, data, Locale.CHINA)));
		assertThat(introduction).contains("复学介绍信", "王建华老师", "2026年12月14日", "回执", "班主任签名");
	}

	@Test
	void theReferralAndTheNoticeAreThreeCopiesOnePageEach() throws Exception {
		LetterData data = sample("李赟");
		byte[] referral = letters.render(LetterKind.REFERRAL, data, Locale.CHINA);
		assertThat(pages(referral)).isEqualTo(3);
		assertThat(squeeze(pageText(referral, 1))).contains("学校留存", "李赟").doesNotContain("医院留存");
		assertThat(squeeze(pageText(referral, 2))).contains("医院留存", "李赟");
		assertThat(squeeze(pageText(referral, 3))).contains("家长留存", "李赟");
		byte[] notice = letters.render(LetterKind.NOTICE, data, Locale.CHINA);
		assertThat(pages(notice)).isEqualTo(3);
		assertThat(squeeze(pageText(notice, 3))).contains("学校心理辅导室留存");
		assertThat(pages(letters.render(LetterKind.CONTRACT, data, Locale.CHINA))).isEqualTo(1);
		assertThat(pages(letters.render(LetterKind.COMMITMENT, data, Locale.CHINA))).isEqualTo(1);
	}

	@Test
	void missingDataLeavesLinesToFillInAndMarkupInDataStaysText() throws Exception {
		LetterData bare = LetterData.builder().school("海曙区实验学校")
			.student("王<b>喆</b>&", null, "七年级（2）班", "12020070201", null).build();
		for (LetterKind kind : LetterKind.values()) {
			String text = squeeze(text(letters.render(kind, bare, Locale.CHINA)));
			assertThat(text).as(kind.code()).contains("王<b>喆</b>&", "12020070201");
		}
		assertThatThrownBy(() -> LetterKind.fromCode("will")).isInstanceOf(ApiProblem.class);
		assertThat(LetterKind.fromCode("return-recommendation")).isEqualTo(LetterKind.RETURN_RECOMMENDATION);
		assertThat(letters.fileName(LetterKind.REFERRAL, bare, Locale.CHINA)).isEqualTo("王_b_喆__b_&-中小学生心理诊疗转介信.pdf");
	}

	@Test
	void lettersSpeakEnglishWithLangEn() throws Exception {
		String text = squeeze(text(letters.render(LetterKind.REFERRAL, sample(RARE_NAME), Locale.ENGLISH)));
		assertThat(text).contains("Referralletter")
			.contains("keptbythehospital", "Crisisassessmentteam", RARE_NAME, "宁波市康宁医院")
			.doesNotContain("转介信");
		String notice = squeeze(text(letters.render(LetterKind.NOTICE, sample(RARE_NAME), Locale.ENGLISH)));
		assertThat(notice).contains("Dearparents", "three-levelprevention", "teachers'attention");
	}

	/** The first page of every letter as PNG, for a person to look at (target/letters/*.png). */
	@Test
	void firstPagesAreRenderedToPngForAPersonToLookAt() throws Exception {
		Path dir = Path.of("target", "letters");
		Files.createDirectories(dir);
		for (LetterKind kind : LetterKind.values()) {
			for (Locale locale : new Locale[] { Locale.CHINA, Locale.ENGLISH }) {
				byte[] pdf = letters.render(kind, sample(RARE_NAME), locale);
				Path png = dir.resolve(kind.code() + (locale == Locale.ENGLISH ? "-en" : "") + ".png");
				try (PDDocument doc = Loader.loadPDF(pdf)) {
					BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
					ImageIO.write(image, "png", png.toFile());
					assertThat(darkShare(image)).as(kind.code()).isBetween(0.005, 0.5);
				}
				assertThat(Files.size(png)).isPositive();
			}
		}
	}

	private static double darkShare(BufferedImage image) {
		long dark = 0;
		for (int y = 0; y < image.getHeight(); y += 2) {
			for (int x = 0; x < image.getWidth(); x += 2) {
				int rgb = image.getRGB(x, y);
				int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
				if (lum < 300) {
					dark++;
				}
			}
		}
		return dark / ((image.getHeight() / 2.0) * (image.getWidth() / 2.0));
	}

	@Test
	void aCasesLetterDataComesFromItsHistoryWithoutVoidedEvents() {
		long psych = jdbc.sql("select id from app_user where username = 'psych1'").query(Long.class).single();
		long student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 8 and c.name = '1班'
				   and not exists (select 1 from warning_case wc where wc.student_id = s.id and wc.ended_at is null)
				 order by s.student_no limit 1""")
			.query(Long.class).single();
		var row = jdbc.sql("select name, student_no, school_id, guardian_name, guardian_phone from student where id = :s")
			.param("s", student).query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5) }).single();
		Timestamp now = Timestamp.from(clock.instant());
		long caseId = jdbc.sql("""
				insert into warning_case (student_id, school_id, state, category, in_database, opened_by, opened_at)
				values (:s, :school, 'ON_LEAVE', 3, true, :u, :t) returning id""")
			.param("s", student).param("school", Long.parseLong(row[2])).param("u", psych).param("t", now)
			.query(Long.class).single();
		long kangning = jdbc.sql("select id from hospital where name = '宁波市康宁医院' and school_id is null")
			.query(Long.class).single();
		event(caseId, "assess", "{\"summary\":\"有自杀意念，无计划\",\"proposedCategory\":3}", psych, now);
		event(caseId, "notify-family", "{\"behaviourObserved\":\"课上流泪，作文流露轻生念头\"}", psych, now);
		event(caseId, "refer", "{\"hospitalId\":" + kangning + "}", psych, now);
		event(caseId, "record-diagnosis", "{\"diagnosis\":\"中度抑郁发作\"}", psych, now);
		long wrong = event(caseId, "record-diagnosis", "{\"diagnosis\":\"误录的诊断\"}", psych, now);
		jdbc.sql("""
				insert into warning_case_event (case_id, action, from_state, to_state, details, by_user, at, voids)
				values (:c, 'void', 'ON_LEAVE', 'ON_LEAVE', cast('{"reason":"录错"}' as jsonb), :u, :t, :v)""")
			.param("c", caseId).param("u", psych).param("t", now).param("v", wrong).update();
		event(caseId, "start-leave", "{\"from\":\"2026-10-08\",\"kind\":\"SUSPENSION\"}", psych, now);
		event(caseId, "decide-return", "{\"decision\":\"return\",\"returnOn\":\"2026-12-14\"}", psych, now);
		event(caseId, "sign-contract", "{\"contacts\":[{\"name\":\"妈妈\",\"relation\":\"母亲\",\"phone\":\"13900002222\"},"
				+ "{\"name\":\"林老师\",\"phone\":\"0574-1\"}]}", psych, now);

		LetterData d = caseData.load(caseId);
		assertThat(d.studentName()).isEqualTo(row[0]);
		assertThat(d.studentNumber()).isEqualTo(row[1]);
		assertThat(d.className()).isEqualTo("八年级（1）班");
		assertThat(d.schoolName()).isEqualTo("海曙区实验学校");
		assertThat(d.guardianName()).isEqualTo(row[3]);
		assertThat(d.guardianPhone()).isEqualTo(row[4]);
		assertThat(d.category()).isEqualTo(3);
		assertThat(d.assessmentSummary()).isEqualTo("有自杀意念，无计划");
		assertThat(d.psychTeacherName()).isEqualTo("林若曦");
		assertThat(d.headTeacherName()).isEqualTo("王建华");
		assertThat(d.behaviourObserved()).isEqualTo("课上流泪，作文流露轻生念头");
		assertThat(d.hospital().name()).isEqualTo("宁波市康宁医院");
		assertThat(d.hospital().phone()).contains("0574-26251111");
		assertThat(d.diagnosis()).isEqualTo("中度抑郁发作");
		assertThat(d.dates().leaveFrom()).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(d.dates().returnOn()).isEqualTo(LocalDate.of(2026, 12, 14));
		assertThat(d.contacts()).containsExactly(new LetterData.Contact("妈妈", "母亲", "13900002222"),
				new LetterData.Contact("林老师", null, "0574-1"));
		assertThat(d.birthDate()).isNotNull();

		// from the database to the page: the referral prints what the case recorded
		String[] text = new String[1];
		org.assertj.core.api.Assertions.assertThatCode(() -> text[0] = squeeze(
				text(letters.render(LetterKind.REFERRAL, d, Locale.CHINA)))).doesNotThrowAnyException();
		assertThat(text[0]).contains(row[0], row[1], "宁波市康宁医院", "中度抑郁发作").doesNotContain("误录的诊断");

		assertThatThrownBy(() -> caseData.load(99_999_999L)).isInstanceOf(ApiProblem.class)
			.extracting(e -> ((ApiProblem) e).status().value()).isEqualTo(404);
		jdbc.sql("update warning_case set state = 'RELEASED', ended_at = :t where id = :c").param("t", now)
			.param("c", caseId).update();
	}

	private long event(long caseId, String action, String details, long user, Timestamp at) {
		return jdbc.sql("""
				insert into warning_case_event (case_id, action, from_state, to_state, details, by_user, at)
				values (:c, :a, 'WATCH', 'WATCH', cast(:d as jsonb), :u, :t) returning id""")
			.param("c", caseId).param("a", action).param("d", details).param("u", user).param("t", at)
			.query(Long.class).single();
	}
}
