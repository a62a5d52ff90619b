package org.mindgrid.screening.classwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mindgrid.screening.campaigns.CampaignViews.InvitedStudent;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleFactor;
import org.mindgrid.screening.scales.ScaleItem;

/**
 * The per-class paper template of one scale, in the roster template's style: the first sheet (the one imported) has
 * a header row 学号, 姓名 and one column per item (headed by the item's number), the class's consented students
 * filled in, text-formatted 学号, a list validation of the allowed values on every answer cell; a second sheet
 * explains how to fill it in and lists the items with their subscales.
 */
final class PaperTemplate {

	static final String STUDENT_NO = "学号";

	static final String NAME = "姓名";

	/** Rows below the students left open for a student added after the download (validation still applies). */
	static final int SPARE_ROWS = 5;

	private PaperTemplate() {
	}

	static String filename(Scale scale, String className) {
		return className + "-" + scale.nameZh() + "-纸质答卷.xlsx";
	}

	static byte[] xlsx(Scale scale, String campaignName, String className, List<InvitedStudent> students) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			DataFormat format = workbook.createDataFormat();
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle headerStyle = workbook.createCellStyle();
			headerStyle.setFont(bold);
			headerStyle.setDataFormat(format.getFormat("@"));
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(format.getFormat("@"));

			Sheet sheet = workbook.createSheet(sheetName(scale));
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue(STUDENT_NO);
			header.createCell(1).setCellValue(NAME);
			List<ScaleItem> items = scale.items();
			for (int i = 0; i < items.size(); i++) {
				header.createCell(i + 2).setCellValue(String.valueOf(items.get(i).no()));
				sheet.setColumnWidth(i + 2, 5 * 256);
			}
			header.forEach(c -> c.setCellStyle(headerStyle));
			sheet.setDefaultColumnStyle(0, text);
			sheet.setColumnWidth(0, 14 * 256);
			sheet.setColumnWidth(1, 10 * 256);
			int r = 1;
			for (InvitedStudent s : students) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(s.studentNo());
				row.getCell(0).setCellStyle(text);
				row.createCell(1).setCellValue(s.name());
			}
			int lastRow = Math.max(r, 1) + SPARE_ROWS - 1;
			DataValidationHelper helper = sheet.getDataValidationHelper();
			String[] values = scale.options().stream().map(o -> String.valueOf(o.value())).toArray(String[]::new);
			DataValidationConstraint constraint = helper.createExplicitListConstraint(values);
			DataValidation validation = helper.createValidation(constraint,
					new CellRangeAddressList(1, lastRow, 2, items.size() + 1));
			validation.setShowErrorBox(true);
			validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
			validation.createErrorBox("只能填写", String.join(" / ", values) + "（" + optionWords(scale) + "）");
			validation.setShowPromptBox(false);
			sheet.addValidationData(validation);
			sheet.createFreezePane(2, 1);

			Sheet help = workbook.createSheet("填写说明");
			int h = 0;
			line(help, h++, headerStyle, scale.nameZh() + "（" + scale.id() + "）", null, null);
			line(help, h++, null, "普查", campaignName, null);
			line(help, h++, null, "班级", className, null);
			line(help, h++, null, "选项", optionWords(scale), null);
			h++;
			line(help, h++, null, "第一个工作表每行一名学生：学号必填，姓名须与学号一致；每一题一列（列标题为题号），只能填写 "
					+ String.join(" / ", values) + "。", null, null);
			line(help, h++, null, "只列出家长已同意的学生；没有答卷的学生整行留空即可（不导入）。", null, null);
			line(help, h++, null, "有答案的行必须答完全部 " + items.size() + " 题；导入时只要有一处错误，整个文件都不保存，请按错误清单改正后重新导入。", null, null);
			line(help, h++, null, "导入后答完的学生立即计分，计分后不能再修改。", null, null);
			h++;
			line(help, h++, headerStyle, "题号", "分量表", "题目");
			for (ScaleItem item : items) {
				String factor = scale.factor(item.factorId() == null ? "" : item.factorId())
					.map(ScaleFactor::nameZh)
					.orElse("");
				line(help, h++, null, String.valueOf(item.no()), factor, item.textZh());
			}
			help.setColumnWidth(0, 16 * 256);
			help.setColumnWidth(1, 18 * 256);
			help.setColumnWidth(2, 70 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void line(Sheet sheet, int r, CellStyle style, String a, String b, String c) {
		Row row = sheet.createRow(r);
		String[] cells = { a, b, c };
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] != null) {
				row.createCell(i).setCellValue(cells[i]);
				if (style != null) {
					row.getCell(i).setCellStyle(style);
				}
			}
		}
	}

	static String optionWords(Scale scale) {
		return scale.options()
			.stream()
			.map(o -> o.value() + "=" + o.labelZh())
			.collect(Collectors.joining("，"));
	}

	static String sheetName(Scale scale) {
		return scale.id().toUpperCase(Locale.ROOT);
	}
}
