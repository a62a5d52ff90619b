package org.mindgrid.student.roster;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mindgrid.shared.web.ApiProblem;

/**
 * Reads an uploaded roster into text cells. The client's file name is used for its extension only, never as a path;
 * the content must match the extension (an .xlsx is a zip archive, a .csv is text).
 */
final class RosterFiles {

	private RosterFiles() {
	}

	static RosterSheet read(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			throw ApiProblem.badRequest("roster.file.empty");
		}
		String ext = extension(filename);
		boolean zip = startsWith(content, 0x50, 0x4B, 0x03, 0x04);
		boolean ole2 = startsWith(content, 0xD0, 0xCF, 0x11, 0xE0);
		if (ext.equals("xls") || ole2) {
			throw ApiProblem.badRequest("roster.file.xls");
		}
		if (ext.equals("xlsx")) {
			if (!zip) {
				throw ApiProblem.badRequest("roster.file.not-xlsx");
			}
			return xlsx(content);
		}
		if (ext.equals("csv") || ext.equals("txt")) {
			if (zip || looksBinary(content)) {
				throw ApiProblem.badRequest("roster.file.not-csv");
			}
			return RosterCsv.parse(RosterText.decode(content));
		}
		throw ApiProblem.badRequest("roster.file.type");
	}

	static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		String name = filename.strip();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static RosterSheet xlsx(byte[] content) {
		// POI's zip-bomb guard (minimum inflate ratio) stays on; any failure to open is "not a readable workbook".
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw ApiProblem.badRequest("roster.file.unreadable");
			}
			Sheet sheet = workbook.getSheetAt(0);
			List<RosterSheet.Line> lines = new ArrayList<>(sheet.getLastRowNum() + 1);
			for (Row row : sheet) {
				int last = Math.max(row.getLastCellNum(), 0);
				List<String> cells = new ArrayList<>(last);
				for (int i = 0; i < last; i++) {
					cells.add(text(row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL)));
				}
				lines.add(new RosterSheet.Line(row.getRowNum() + 1, cells));
			}
			return new RosterSheet(lines);
		}
		catch (ApiProblem e) {
			throw e;
		}
		catch (Exception | OutOfMemoryError e) {
			throw ApiProblem.badRequest("roster.file.unreadable");
		}
	}

	/** Date cells become ISO dates; whole numbers (学号, phone numbers typed as numbers) lose the ".0". */
	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? cell.getLocalDateTimeCellValue().toLocalDate().toString()
					: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> "";
		};
	}

	private static boolean startsWith(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[i] & 0xff) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** NUL bytes do not occur in UTF-8 or GBK text. */
	private static boolean looksBinary(byte[] content) {
		int n = Math.min(content.length, 8192);
		for (int i = 0; i < n; i++) {
			if (content[i] == 0) {
				return true;
			}
		}
		return false;
	}
}
