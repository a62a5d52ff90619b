package org.mindgrid.reporting.records.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mindgrid.reporting.records.RecordLedgers.Kind;
import org.mindgrid.reporting.records.RecordCodes;
import org.mindgrid.reporting.records.RecordImport;
import org.mindgrid.reporting.records.RecordInputs.Filter;
import org.mindgrid.reporting.records.RecordViews.Activity;
import org.mindgrid.reporting.records.RecordViews.JointMeeting;
import org.mindgrid.reporting.records.RecordViews.Lesson;
import org.mindgrid.reporting.records.RecordViews.ParentSession;
import org.mindgrid.reporting.records.RecordViews.Training;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A ledger (台账) as xlsx: the title, the place and the date range, then one row per record; words from codes. */
@Component
class LedgerWorkbook {

	private final MessageSource messages;

	LedgerWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	String filename(Kind kind, Locale locale) {
		return msg("records.ledger." + kind.name(), locale) + ".xlsx";
	}

	byte[] ledger(Kind kind, String place, Filter f, List<?> rows, Locale locale) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = wb.createSheet(msg("records.ledger." + kind.name(), locale));
			int y = 0;
			write(sheet.createRow(y++), bold, List.of(msg("records.ledger." + kind.name(), locale)));
			write(sheet.createRow(y++), null, List.of(msg("records.ledger.place", locale, place),
					msg("records.ledger.range", locale, f.from() == null ? "—" : f.from().toString(),
							f.to() == null ? "—" : f.to().toString())));
			y++;
			write(sheet.createRow(y++), bold, columns(kind).stream().map(c -> msg("records.col." + c, locale)).toList());
			for (Object r : rows) {
				write(sheet.createRow(y++), null, cells(r, locale));
			}
			for (int i = 0; i < columns(kind).size(); i++) {
				sheet.setColumnWidth(i, 18 * 256);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The import template: the columns on the first sheet, what each takes on the second (说明). */
	byte[] template(Kind kind, Locale locale) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			List<String> columns = RecordImport.columns(kind);
			Sheet sheet = wb.createSheet(msg("records.ledger." + kind.name(), locale));
			write(sheet.createRow(0), bold, columns.stream().map(c -> msg("records.col." + c, locale)).toList());
			Sheet help = wb.createSheet(msg("records.template.help", locale));
			int y = 0;
			write(help.createRow(y++), bold, List.of(msg("records.template.column", locale),
					msg("records.template.takes", locale)));
			for (String c : columns) {
				write(help.createRow(y++), null, List.of(msg("records.col." + c, locale), takes(kind, c, locale)));
			}
			write(help.createRow(++y), null, List.of(msg("records.template.rules", locale, RecordImport.MAX_ROWS)));
			for (int i = 0; i < columns.size(); i++) {
				sheet.setColumnWidth(i, 18 * 256);
			}
			help.setColumnWidth(0, 16 * 256);
			help.setColumnWidth(1, 90 * 256);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String templateFilename(Kind kind, Locale locale) {
		return msg("records.template.filename", locale, msg("records.ledger." + kind.name(), locale)) + ".xlsx";
	}

	private String takes(Kind kind, String column, Locale locale) {
		return switch (column) {
			case "kind" -> String.join("、", (kind == Kind.ACTIVITY ? RecordCodes.ACTIVITY_KINDS : RecordCodes.TRAINING_KINDS)
				.stream().map(k -> msg((kind == Kind.ACTIVITY ? "records.activity." : "records.training.") + k, locale)).toList());
			case "departments" -> msg("records.template.list", locale, String.join("、",
					RecordCodes.DEPARTMENTS.stream().map(d -> msg("records.department." + d, locale)).toList()));
			default -> msg("records.template.takes." + column, locale);
		};
	}

	static List<String> columns(Kind kind) {
		return switch (kind) {
			case LESSON -> List.of("date", "class", "periods", "topic", "teacher");
			case ACTIVITY -> List.of("date", "kind", "title", "organiser", "classes");
			case PARENT_SESSION -> List.of("date", "class", "topic", "headTeacher", "families");
			case TRAINING -> List.of("date", "kind", "title", "hours", "level", "attendees");
			case JOINT_MEETING -> List.of("date", "departments", "minutes", "decisions");
		};
	}

	List<Object> cells(Object r, Locale locale) {
		List<Object> c = new ArrayList<>();
		if (r instanceof Lesson l) {
			c.addAll(List.of(l.givenOn(), l.className(), l.periods(), l.topic(), l.teacherName()));
		}
		else if (r instanceof Activity a) {
			c.addAll(List.of(a.heldOn(), msg("records.activity." + a.kind(), locale), a.title(),
					a.organiser() == null ? "" : a.organiser(),
					a.classIds().isEmpty() ? msg("records.whole-school", locale) : a.classIds().size()));
		}
		else if (r instanceof ParentSession p) {
			c.addAll(List.of(p.heldOn(), p.className(), p.topic(), p.headTeacherName(), p.familiesAttended()));
		}
		else if (r instanceof Training t) {
			c.addAll(List.of(t.heldOn(), msg("records.training." + t.kind(), locale), t.title(), t.hours(),
					msg(t.schoolId() == null ? "records.level.district" : "records.level.school", locale),
					t.attendeeUserIds().size()));
		}
		else if (r instanceof JointMeeting j) {
			c.addAll(List.of(j.heldOn(),
					String.join("、", j.departments().stream().map(d -> msg("records.department." + d, locale)).toList()),
					j.minutes(), j.decisions() == null ? "" : j.decisions()));
		}
		else {
			throw new IllegalArgumentException(r.getClass().getName());
		}
		return c;
	}

	private static void write(Row row, CellStyle style, List<?> values) {
		for (int i = 0; i < values.size(); i++) {
			var cell = row.createCell(i);
			Object v = values.get(i);
			if (v instanceof Number n) {
				cell.setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
			}
			else {
				cell.setCellValue(v instanceof LocalDate d ? d.toString() : String.valueOf(v));
			}
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
