package org.mindgrid.reporting.records;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mindgrid.shared.web.ApiProblem;

/** The first sheet of an uploaded .xlsx as text cells, by row number (1-based, as Excel shows it). */
final class SheetCells {

	record Line(int row, List<String> cells) {

		String cell(int i) {
			return i < cells.size() ? cells.get(i).strip() : "";
		}

		boolean blank() {
			return cells.stream().allMatch(String::isBlank);
		}
	}

	private SheetCells() {
	}

	static List<Line> read(byte[] content, int maxRows) {
		if (content == null || content.length < 4) {
			throw ApiProblem.badRequest("records.import.empty");
		}
		if ((content[0] & 0xff) != 0x50 || (content[1] & 0xff) != 0x4B) {
			throw ApiProblem.badRequest("records.import.not-xlsx");
		}
		// POI's zip-bomb guard stays on; any failure to open is "not a readable workbook"
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw ApiProblem.badRequest("records.import.not-xlsx");
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > maxRows) {
				throw ApiProblem.badRequest("records.import.too-many", maxRows);
			}
			List<Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				int last = Math.min(Math.max(row.getLastCellNum(), 0), 30);
				List<String> cells = new ArrayList<>(last);
				for (int i = 0; i < last; i++) {
					cells.add(text(row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL)));
				}
				lines.add(new Line(row.getRowNum() + 1, cells));
			}
			return lines;
		}
		catch (ApiProblem e) {
			throw e;
		}
		catch (Exception | OutOfMemoryError e) {
			throw ApiProblem.badRequest("records.import.not-xlsx");
		}
	}

	/** Date cells become ISO dates; whole numbers lose the ".0". */
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
}
