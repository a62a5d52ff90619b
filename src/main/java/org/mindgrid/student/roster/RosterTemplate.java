package org.mindgrid.student.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable template: the header row on the first sheet (the one that is imported) with text-formatted
 * columns, so Excel keeps 学号 and phone numbers as typed instead of turning them into 2.02608E+9, and a second
 * sheet explaining each column.
 */
public final class RosterTemplate {

	public static final String FILENAME = "学生名册模板.xlsx";

	private static final String[][] HELP = { { "学号", "必填", "本校唯一，字母、数字或短横线；再次导入时按学号更新" },
			{ "姓名", "必填", "最多 50 字" }, { "性别", "必填", "男 / 女（也可填 M / F）" },
			{ "出生日期", "必填", "如 2012-05-03、2012/5/3、2012.5.3、20120503 或 Excel 日期" },
			{ "年级", "必填", "如 八年级、初二、8；须属于本校学段" }, { "班级", "必填", "如 1、1班、（1）班；不存在的班级会自动创建" },
			{ "民族", "选填", "如 汉族" }, { "籍贯", "选填", "如 浙江宁波" }, { "家庭住址", "选填", "最多 200 字" },
			{ "监护人", "选填", "监护人姓名" }, { "监护人电话", "选填", "11 位手机号，或带区号的固定电话（如 0574-87654321）" } };

	private RosterTemplate() {
	}

	public static byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			DataFormat format = workbook.createDataFormat();
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle headerStyle = workbook.createCellStyle();
			headerStyle.setFont(bold);
			headerStyle.setDataFormat(format.getFormat("@"));
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(format.getFormat("@"));

			Sheet sheet = workbook.createSheet("学生名册");
			Row header = sheet.createRow(0);
			RosterColumn[] columns = RosterColumn.values();
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(columns[i].header());
				header.getCell(i).setCellStyle(headerStyle);
				// Every column as text: dates typed as 2012-05-03 are read as text too, which the import accepts.
				sheet.setDefaultColumnStyle(i, text);
				sheet.setColumnWidth(i, (columns[i] == RosterColumn.ADDRESS ? 36 : 14) * 256);
			}
			sheet.createFreezePane(0, 1);

			Sheet help = workbook.createSheet("填写说明");
			Row helpHeader = help.createRow(0);
			String[] titles = { "列", "是否必填", "说明" };
			for (int i = 0; i < titles.length; i++) {
				helpHeader.createCell(i).setCellValue(titles[i]);
				helpHeader.getCell(i).setCellStyle(headerStyle);
			}
			for (int r = 0; r < HELP.length; r++) {
				Row row = help.createRow(r + 1);
				for (int i = 0; i < HELP[r].length; i++) {
					row.createCell(i).setCellValue(HELP[r][i]);
				}
			}
			help.createRow(HELP.length + 2).createCell(0).setCellValue("只导入第一个工作表；列的顺序不限，其他列会被忽略。");
			help.setColumnWidth(0, 14 * 256);
			help.setColumnWidth(1, 10 * 256);
			help.setColumnWidth(2, 70 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
