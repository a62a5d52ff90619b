package org.mindgrid.forms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.mindgrid.forms.FormDefinition.Field;
import org.mindgrid.forms.FormDefinition.Type;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper entries of a form brought in from Excel (issue 13 point 6): a template with the 学号 and one column per
 * field that a cell can hold (tables and files are added in the system), and its import. The file is imported
 * whole or not at all: every row is checked as a record saved on the page would be, and the refusal lists each
 * problem by row and field.
 */
@Service
public class FormImport {

	public static final int MAX_ROWS = 500;

	/** The row of the template that holds the fields' ids (hidden), under the header of their words. */
	static final int IDS_ROW = 1;

	private final FormRecords records;

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final MessageSource messages;

	FormImport(FormRecords records, JdbcClient jdbc, CurrentUsers users, MessageSource messages) {
		this.records = records;
		this.jdbc = jdbc;
		this.users = users;
		this.messages = messages;
	}

	/** The fields a cell can hold. */
	public static List<Field> importable(FormDefinition form) {
		return form.fields().stream().filter(f -> f.type() != Type.TABLE && f.type() != Type.FILE).toList();
	}

	public byte[] template(FormDefinition form, Locale locale) {
		Map<String, String> words = records.words(form, locale);
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("import");
			Row head = sheet.createRow(0);
			Row ids = sheet.createRow(IDS_ROW);
			head.createCell(0).setCellValue(messages.getMessage("form.ledger.col.studentNo", null, locale) + " *");
			ids.createCell(0).setCellValue("student_no");
			int x = 1;
			for (Field f : importable(form)) {
				head.createCell(x).setCellValue(words.get(f.id()) + (f.required() ? " *" : ""));
				ids.createCell(x).setCellValue(f.id());
				sheet.setColumnWidth(x++, 18 * 256);
			}
			ids.setZeroHeight(true);
			Sheet options = wb.createSheet("options");
			int y = 0;
			for (Field f : importable(form)) {
				for (String o : f.options()) {
					Row r = options.createRow(y++);
					r.createCell(0).setCellValue(words.get(f.id()));
					r.createCell(1).setCellValue(words.get(f.id() + "." + o));
					r.createCell(2).setCellValue(o);
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Imports the rows; the number imported, or a 400 whose {@code rows} lists every problem. */
	@Transactional
	public int importRows(String formId, byte[] xlsx, Locale locale, ZoneId zone) {
		FormDefinition form = records.form(formId);
		Map<String, String> words = records.words(form, locale);
		List<String> problems = new ArrayList<>();
		int imported = 0;
		try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheetAt(0);
			Row ids = sheet.getRow(IDS_ROW);
			if (ids == null || !"student_no".equals(text(ids.getCell(0)))) {
				throw ApiProblem.badRequest("form.import.bad-file");
			}
			Map<Integer, Field> columns = new LinkedHashMap<>();
			for (Field f : importable(form)) {
				for (int x = 1; x < ids.getLastCellNum(); x++) {
					if (f.id().equals(text(ids.getCell(x)))) {
						columns.put(x, f);
					}
				}
			}
			if (sheet.getLastRowNum() - IDS_ROW > MAX_ROWS) {
				throw ApiProblem.badRequest("form.import.too-many", MAX_ROWS);
			}
			for (int y = IDS_ROW + 1; y <= sheet.getLastRowNum(); y++) {
				Row row = sheet.getRow(y);
				String no = row == null ? "" : text(row.getCell(0));
				if (no.isEmpty()) {
					continue;
				}
				Long student = jdbc.sql("select s.id from student s where s.student_no = :no and " + StudentScope.BY_ROLES
						+ " order by s.id limit 1")
					.param("no", no).param("me", users.current().id()).param("roles", form.fill())
					.query(Long.class).optional().orElse(null);
				if (student == null) {
					problems.add(row(y, no, messages.getMessage("form.import.no-student", null, locale), locale));
					continue;
				}
				Map<String, Object> answers = new LinkedHashMap<>();
				columns.forEach((x, f) -> {
					Object v = value(f, row.getCell(x), words, zone);
					if (v != null) {
						answers.put(f.id(), v);
					}
				});
				try {
					records.create(student, formId, answers);
					imported++;
				}
				catch (ApiProblem p) {
					if (p.properties().get("errors") instanceof Map<?, ?> errors) {
						for (Object e : errors.values()) {
							problems.add(row(y, no, String.valueOf(e), locale));
						}
					}
					else {
						problems.add(row(y, no, messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale),
								locale));
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof ApiProblem p) {
				throw p;
			}
			throw ApiProblem.badRequest("form.import.bad-file");
		}
		if (!problems.isEmpty()) {
			// every row was checked: the refusal names all of them, and nothing stays saved
			throw ApiProblem.badRequest("form.import.refused", problems.size()).with("rows", problems);
		}
		if (imported == 0) {
			throw ApiProblem.badRequest("form.import.empty");
		}
		return imported;
	}

	private String row(int y, String no, String problem, Locale locale) {
		return messages.getMessage("form.import.row", new Object[] { y + 1, no, problem }, locale);
	}

	/** A cell as an answer: options by their words or codes, several split on 、 or commas, dates as Excel keeps them. */
	private static Object value(Field f, Cell cell, Map<String, String> words, ZoneId zone) {
		if (cell == null) {
			return null;
		}
		if (f.type() == Type.DATE && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		if ((f.type() == Type.NUMBER || f.type() == Type.RATING) && cell.getCellType() == CellType.NUMERIC) {
			return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
		}
		String t = text(cell);
		if (t.isEmpty()) {
			return null;
		}
		return switch (f.type()) {
			case SINGLE -> option(f, t, words);
			case MULTIPLE -> {
				List<String> chosen = new ArrayList<>();
				for (String part : t.split("[,，;；\\n]")) {
					chosen.addAll(options(f, part.strip(), words));
				}
				yield chosen;
			}
			case NUMBER, RATING -> {
				try {
					yield new BigDecimal(t);
				}
				catch (NumberFormatException e) {
					yield t;
				}
			}
			case DATE -> t.length() > 10 ? t.substring(0, 10).replace('/', '-') : t.replace('/', '-');
			default -> t;
		};
	}

	/**
	 * Several options typed with 、 between them; an option's own words may hold a 、 (退缩、少与人交往), so adjacent
	 * pieces are joined while they make up an option.
	 */
	private static List<String> options(Field f, String typed, Map<String, String> words) {
		List<String> chosen = new ArrayList<>();
		String[] pieces = typed.split("、");
		int i = 0;
		while (i < pieces.length) {
			int taken = 0;
			String match = null;
			for (int j = pieces.length; j > i && match == null; j--) {
				String joined = String.join("、", java.util.Arrays.copyOfRange(pieces, i, j)).strip();
				String o = option(f, joined, words);
				if (f.options().contains(o)) {
					match = o;
					taken = j - i;
				}
			}
			if (match == null) {
				match = pieces[i].strip();
				taken = 1;
			}
			if (!match.isEmpty()) {
				chosen.add(match);
			}
			i += taken;
		}
		return chosen;
	}

	private static String option(Field f, String typed, Map<String, String> words) {
		for (String o : f.options()) {
			if (o.equalsIgnoreCase(typed) || typed.equals(words.get(f.id() + "." + o))) {
				return o;
			}
		}
		return typed;
	}

	private static String text(Cell cell) {
		return cell == null ? "" : new DataFormatter(Locale.ROOT).formatCellValue(cell).strip();
	}
}
