package org.mindgrid.student.roster;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mindgrid.school.Stage;

import static org.assertj.core.api.Assertions.assertThat;

class RosterValidatorTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final String HEADER = "学号,姓名,性别,出生日期,年级,班级,民族,籍贯,家庭住址,监护人,监护人电话";

	RosterValidator.Result check(Stage stage, String... lines) {
		String csv = Arrays.stream(lines).collect(Collectors.joining("\r\n"));
		return new RosterValidator(stage, TODAY).validate(RosterCsv.parse(csv));
	}

	static String errors(RosterValidator.Result r) {
		return r.errors().stream().map(e -> e.row() + "|" + e.column() + "|" + e.messageKey()).collect(Collectors.joining("\n"));
	}

	@Test
	void cleanRowIsNormalised() {
		var r = check(Stage.JUNIOR, HEADER, "S001, 张　三 ,男,2012/5/3,初二,（１）班,汉族,浙江宁波,海曙区 1 号,张父,138 1234 5678");
		assertThat(r.errors()).isEmpty();
		RosterRow row = r.rows().get(0);
		assertThat(row.row()).isEqualTo(2);
		assertThat(row.studentNo()).isEqualTo("S001");
		assertThat(row.name()).isEqualTo("张三");
		assertThat(row.gender()).isEqualTo("M");
		assertThat(row.birthDate()).isEqualTo(LocalDate.of(2012, 5, 3));
		assertThat(row.gradeLevel()).isEqualTo(8);
		assertThat(row.className()).isEqualTo("1班");
		assertThat(row.guardianPhone()).isEqualTo("13812345678");
	}

	/** Issue 7, point 8: a row's errors name its 学号 and 姓名, so a school finds the student without counting rows. */
	@Test
	void rowErrorsNameTheRowsStudentNumberAndName() {
		var r = check(Stage.JUNIOR, HEADER, "S001,张三,男,2012/5/3,初二,1班", "S002, 李　四 ,X,2012/5/3,初二,1班",
				"S003,,女,2012/5/3,初二,1班");
		assertThat(r.errors()).hasSize(2);
		assertThat(r.errors().get(0).row()).isEqualTo(3);
		assertThat(r.errors().get(0).studentNo()).isEqualTo("S002");
		assertThat(r.errors().get(0).name()).isEqualTo("李四");
		assertThat(r.errors().get(1).studentNo()).isEqualTo("S003");
		assertThat(r.errors().get(1).name()).isEmpty();
		var header = check(Stage.JUNIOR, "学号,姓名,年级,民族", "1,王五,8,汉族");
		assertThat(header.errors().get(0).studentNo()).isEmpty();
	}

	@Test
	void columnsInAnyOrderWithSpacesAndUnknownColumns() {
		var r = check(Stage.JUNIOR, "XX中学 2026 学年名册", " 班级 ,备注, 姓 名 ,学号*,年级,性别,出生日期", "3,转入,李四,A-12,8,F,20120503");
		assertThat(r.errors()).isEmpty();
		assertThat(r.rows().get(0).className()).isEqualTo("3班");
		assertThat(r.rows().get(0).row()).isEqualTo(3);
		assertThat(r.rows().get(0).ethnicity()).isNull();
	}

	@Test
	void missingRequiredColumnsGiveOneError() {
		var r = check(Stage.JUNIOR, "学号,姓名,年级,民族", "1,王五,8,汉族");
		assertThat(r.errors()).hasSize(1);
		assertThat(r.errors().get(0).column()).isEqualTo("性别、出生日期、班级");
		assertThat(r.errors().get(0).messageKey()).isEqualTo("roster.header.missing");
	}

	@Test
	void everyFieldIsChecked() {
		var r = check(Stage.JUNIOR, HEADER, "1,张三,男,2012-05-03,八年级,1,汉族,,,,13812345678", // ok
				",,未知,2012-02-30,高一,,,,,,12345", // row 3
				"1,李4,女,2030-01-01,九年级,2,,,,,0574-87654321", // row 4
				"2.02608E+9,王五,女,2012.5.3,十三年级,2,,,,,(0574)87654321", // row 5
				"3,赵六,女,1990-01-01,9,2班,,,,,+8613812345678"); // row 6
		assertThat(errors(r)).isEqualTo("""
				3|学号|roster.required
				3|姓名|roster.required
				3|性别|roster.gender.invalid
				3|出生日期|roster.date.no-such-day
				3|年级|roster.grade.not-in-school
				3|班级|roster.required
				3|监护人电话|roster.phone.invalid
				4|姓名|roster.name.digits
				4|出生日期|roster.date.implausible
				5|学号|roster.scientific
				5|年级|roster.grade.invalid
				6|出生日期|roster.date.implausible""");
		assertThat(r.rows()).isEmpty();
	}

	@Test
	void duplicateStudentNoPointsToFirstRow() {
		var r = check(Stage.JUNIOR, HEADER, "S1,张三,男,2012-05-03,8,1", "S2,李四,男,2012-05-03,8,1", "S1,王五,女,2012-05-03,8,1");
		assertThat(errors(r)).isEqualTo("4|学号|roster.student-no.duplicate");
		assertThat(r.errors().get(0).args()).containsExactly(2);
	}

	@Test
	void tooLongValues() {
		var r = check(Stage.JUNIOR, HEADER, "S1,张三,男,2012-05-03,8,1,,,," + "很".repeat(51));
		assertThat(errors(r)).isEqualTo("2|监护人|roster.too-long");
	}

	@Test
	void classWrittenWithItsGrade() {
		var r = check(Stage.NINE_YEAR, HEADER, "S1,张三,男,2012-05-03,八年级,八年级（2）班", "S2,李四,男,2012-05-03,8,初二(3)班",
				"S3,王五,男,2018-05-03,2,实验班");
		assertThat(r.errors()).isEmpty();
		assertThat(r.rows()).extracting(RosterRow::className).containsExactly("2班", "3班", "实验班");
	}

	@Test
	void datesInEveryAcceptedForm() {
		for (String d : List.of("2012-05-03", "2012/5/3", "2012.5.3", "20120503", "2012年5月3日", "２０１２－０５－０３",
				"41032", "2012-05-03 00:00:00")) {
			assertThat(RosterFields.parseDate(RosterText.ascii(d))).as(d).isEqualTo(LocalDate.of(2012, 5, 3));
		}
		assertThat(RosterFields.parseDate("3/5/2012")).isNull();
	}

	@Test
	void headerOnlyAndEmptyFiles() {
		assertThat(errors(check(Stage.JUNIOR, HEADER))).isEqualTo("1||roster.file.no-rows");
		assertThat(errors(check(Stage.JUNIOR, "", ",,,"))).isEqualTo("0||roster.file.no-content");
	}
}
