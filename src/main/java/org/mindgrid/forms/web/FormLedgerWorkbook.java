package org.mindgrid.forms.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.mindgrid.forms.FormDefinition;
import org.mindgrid.forms.FormDefinition.Field;
import org.mindgrid.forms.FormRecords.LedgerRow;

/** A form's ledger as xlsx: the title and the filter, then one row per record with every field in words. */
final class FormLedgerWorkbook {

	private FormLedgerWorkbook() {
	}

	static byte[] of(FormDefinition form, Map<String, String> words, String filter, List<String> head, List<LedgerRow> rows,
			ZoneId zone) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = wb.createSheet(words.get("title").length() > 31 ? words.get("title").substring(0, 31) : words.get("title"));
			write(sheet.createRow(0), bold, List.of(words.get("title")));
			write(sheet.createRow(1), null, List.of(filter));
			List<String> header = new ArrayList<>(head);
			form.fields().forEach(f -> header.add(words.get(f.id())));
			write(sheet.createRow(3), bold, header);
			int y = 4;
			for (LedgerRow r : rows) {
				List<String> cells = new ArrayList<>(List.of(r.student(), r.studentNo(), r.className(),
						r.record().updatedBy(), r.record().updatedAt().atZone(zone).toLocalDateTime().toString().replace('T', ' '),
						Integer.toString(r.record().version())));
				for (Field f : form.fields()) {
					cells.add(shown(f, f.id(), r.record().answers().get(f.id()), words));
				}
				write(sheet.createRow(y++), null, cells);
			}
			for (int i = 0; i < header.size(); i++) {
				sheet.setColumnWidth(i, 16 * 256);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An answer in words: choices by their label, a table row by row. */
	static String shown(Field f, String key, Object value, Map<String, String> words) {
		if (value == null) {
			return "";
		}
		switch (f.type()) {
			case SINGLE -> {
				return words.getOrDefault(key + "." + value, String.valueOf(value));
			}
			case MULTIPLE -> {
				List<String> parts = new ArrayList<>();
				((List<?>) value).forEach(v -> parts.add(words.getOrDefault(key + "." + v, String.valueOf(v))));
				return String.join("、", parts);
			}
			case FILE -> {
				List<String> names = new ArrayList<>();
				((List<?>) value).forEach(v -> names.add(v instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "#" + v));
				return String.join("、", names);
			}
			case TABLE -> {
				List<String> rows = new ArrayList<>();
				for (Object row : (List<?>) value) {
					List<String> cells = new ArrayList<>();
					for (Field c : f.columns()) {
						Object v = ((Map<?, ?>) row).get(c.id());
						if (v != null) {
							cells.add(words.get(key + "." + c.id()) + "：" + shown(c, key + "." + c.id(), v, words));
						}
					}
					rows.add(String.join("，", cells));
				}
				return String.join("；", rows);
			}
			default -> {
				return String.valueOf(value);
			}
		}
	}

	private static void write(Row row, CellStyle style, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			var cell = row.createCell(i);
			cell.setCellValue(cells.get(i));
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}
}
