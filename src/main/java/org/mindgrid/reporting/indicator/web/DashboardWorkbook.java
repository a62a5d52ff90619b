package org.mindgrid.reporting.indicator.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.mindgrid.reporting.indicator.Indicators.Item;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A dashboard's tables as xlsx (issue 12 point 7): each sheet opens with its title, the place's name and the month's
 * date range, then the table as the page shows it (values in percent, words from the bundle, "&lt;5" kept).
 */
@Component
class DashboardWorkbook {

	/** One sheet: its name, the header and the rows (a cell is a String, a number, or null for empty). */
	record Table(String name, List<String> header, List<List<Object>> rows) {
	}

	private final MessageSource messages;

	DashboardWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	byte[] workbook(String place, YearMonth month, List<Table> tables, Locale locale) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (Table t : tables) {
				Sheet sheet = wb.createSheet(t.name());
				int y = 0;
				write(sheet.createRow(y++), bold, List.of(t.name()));
				write(sheet.createRow(y++), null, List.of(msg("oversight.export.place", locale, place),
						msg("oversight.export.range", locale, month.atDay(1).toString(), month.atEndOfMonth().toString())));
				y++;
				write(sheet.createRow(y++), bold, new ArrayList<>(t.header()));
				for (List<Object> r : t.rows()) {
					write(sheet.createRow(y++), null, r);
				}
				for (int i = 0; i < t.header().size(); i++) {
					sheet.setColumnWidth(i, (i == 0 ? 28 : 16) * 256);
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An indicator's cell as the page shows it: the value, or the status's word (none, "<5"). */
	Object cell(Item item, Locale locale) {
		return item.value() != null ? item.value() : msg("indicator.status." + item.status().name(), locale);
	}

	String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static void write(Row row, CellStyle style, List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			Object v = cells.get(i);
			var cell = row.createCell(i);
			if (v instanceof BigDecimal d) {
				cell.setCellValue(d.doubleValue());
			}
			else if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else if (v != null) {
				cell.setCellValue(String.valueOf(v));
			}
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}
}
