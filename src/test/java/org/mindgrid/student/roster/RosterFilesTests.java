package org.mindgrid.student.roster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mindgrid.shared.web.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterFilesTests {

	@Test
	void csvWithQuotesCommasAndLineBreaks() {
		var sheet = RosterCsv.parse("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\n\nlast");
		assertThat(sheet.lines()).hasSize(4);
		assertThat(sheet.lines().get(0).cells()).containsExactly("a", "b,1", "say \"hi\"");
		assertThat(sheet.lines().get(1).cells()).containsExactly("multi\nline", "x");
		assertThat(sheet.lines().get(2).blank()).isTrue();
		assertThat(sheet.lines().get(3).number()).isEqualTo(4);
	}

	@Test
	void tabSeparatedWhenNoCommas() {
		assertThat(RosterCsv.parse("学号\t姓名\n1\t张三").lines().get(1).cells()).containsExactly("1", "张三");
	}

	@Test
	void encodings() {
		String text = "学号,姓名\n１２,张三";
		assertThat(RosterText.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
		byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
		assertThat(RosterText.decode(bom)).isEqualTo(text);
		assertThat(RosterText.decode(text.getBytes(RosterText.GB18030))).isEqualTo(text);
		assertThat(RosterText.decode(text.getBytes(java.nio.charset.Charset.forName("GBK")))).isEqualTo(text);
	}

	@Test
	void fullWidthAndSpaces() {
		assertThat(RosterText.clean("　ＡＢ１２３　　张\u00A0三 ")).isEqualTo("AB123 张 三");
		assertThat(RosterText.clean("（1）班")).isEqualTo("（1）班");
		assertThat(RosterText.ascii("（１）班")).isEqualTo("(1)班");
	}

	@Test
	void typeIsCheckedByExtensionAndContent() {
		byte[] csv = "学号,姓名".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> RosterFiles.read("a.xlsx", csv)).isInstanceOfSatisfying(ApiProblem.class,
				e -> assertThat(e.messageKey()).isEqualTo("roster.file.not-xlsx"));
		assertThatThrownBy(() -> RosterFiles.read("../../etc/passwd", csv)).isInstanceOfSatisfying(ApiProblem.class,
				e -> assertThat(e.messageKey()).isEqualTo("roster.file.type"));
		assertThatThrownBy(() -> RosterFiles.read("a.xls", csv)).isInstanceOfSatisfying(ApiProblem.class,
				e -> assertThat(e.messageKey()).isEqualTo("roster.file.xls"));
		assertThatThrownBy(() -> RosterFiles.read("a.csv", RosterTemplate.xlsx())).isInstanceOfSatisfying(
				ApiProblem.class, e -> assertThat(e.messageKey()).isEqualTo("roster.file.not-csv"));
		byte[] brokenZip = { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 };
		assertThatThrownBy(() -> RosterFiles.read("a.xlsx", brokenZip)).isInstanceOfSatisfying(ApiProblem.class,
				e -> assertThat(e.messageKey()).isEqualTo("roster.file.unreadable"));
		assertThat(RosterFiles.read("名册.CSV", csv).lines()).hasSize(1);
	}

	@Test
	void xlsxCellsBecomeText() throws Exception {
		byte[] bytes;
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			var sheet = wb.createSheet();
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("学号");
			header.createCell(1).setCellValue("出生日期");
			header.createCell(3).setCellValue("监护人电话");
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue(2026080101d);
			row.createCell(1).setCellValue(LocalDate.of(2012, 5, 3));
			row.getCell(1).setCellStyle(date);
			row.createCell(3).setCellValue(13812345678d);
			wb.write(out);
			bytes = out.toByteArray();
		}
		var sheet = RosterFiles.read("x.xlsx", bytes);
		assertThat(sheet.lines()).hasSize(2);
		assertThat(sheet.lines().get(1).number()).isEqualTo(3);
		assertThat(sheet.lines().get(1).cells()).containsExactly("2026080101", "2012-05-03", "", "13812345678");
	}

	@Test
	void templateHasTheHeaderRow() {
		var sheet = RosterFiles.read(RosterTemplate.FILENAME, RosterTemplate.xlsx());
		assertThat(sheet.lines().get(0).cells()).containsExactly("学号", "姓名", "性别", "出生日期", "年级", "班级", "民族", "籍贯",
				"家庭住址", "监护人", "监护人电话");
	}
}
