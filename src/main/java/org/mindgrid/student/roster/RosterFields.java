package org.mindgrid.student.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mindgrid.school.GradeNames;

/** Reads and checks the single fields of a roster line. */
final class RosterFields {

	static final int MIN_AGE = 3;

	static final int MAX_AGE = 25;

	private static final Pattern STUDENT_NO = Pattern.compile("[A-Za-z0-9-]+");

	/** Excel shows long numbers typed into a General cell like this, and saves them so in CSV. */
	private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[Ee]\\+?\\d+");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(\\s*\\d{1,2}:\\d{2}(:\\d{2})?)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	/** A date cell whose format POI does not know as a date arrives as its serial number (days since 1899-12-30). */
	private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

	static final Pattern HAN_SPACE = Pattern.compile("(?<=\\p{IsHan}) (?=\\p{IsHan})");

	private static final Map<String, String> GENDERS = Map.of("男", "M", "女", "F", "m", "M", "f", "F", "男生", "M",
			"女生", "F", "male", "M", "female", "F");

	private static final String[] SHORT_GRADE_NAMES = { "", "", "", "", "", "", "", "初一", "初二", "初三", "高一", "高二",
			"高三" };

	private final LocalDate today;

	RosterFields(LocalDate today) {
		this.today = today;
	}

	Row row(RosterSheet.Line line, Map<RosterColumn, Integer> columns, List<RosterError> errors) {
		return new Row(line, columns, errors);
	}

	final class Row {

		private final RosterSheet.Line line;

		private final Map<RosterColumn, Integer> columns;

		private final List<RosterError> errors;

		private boolean failed;

		private Row(RosterSheet.Line line, Map<RosterColumn, Integer> columns, List<RosterError> errors) {
			this.line = line;
			this.columns = columns;
			this.errors = errors;
		}

		boolean failed() {
			return failed;
		}

		void error(RosterColumn column, String key, Object... args) {
			errors.add(RosterError.of(line.number(), column.header(), key, args));
			failed = true;
		}

		private String raw(RosterColumn column) {
			Integer index = columns.get(column);
			return index == null ? "" : line.cell(index);
		}

		/** The cleaned text; an error and null when a required cell is empty or the text is too long. */
		private String text(RosterColumn column, boolean code) {
			String value = code ? RosterText.ascii(raw(column)) : RosterText.clean(raw(column));
			if (value.isEmpty()) {
				if (column.required()) {
					error(column, "roster.required", column.header());
				}
				return null;
			}
			if (value.length() > column.maxLength()) {
				error(column, "roster.too-long", column.header(), column.maxLength());
				return null;
			}
			return value;
		}

		String studentNo() {
			String value = text(RosterColumn.STUDENT_NO, true);
			if (value == null) {
				return null;
			}
			value = value.replace(" ", "");
			if (SCIENTIFIC.matcher(value).matches()) {
				error(RosterColumn.STUDENT_NO, "roster.scientific", value);
				return null;
			}
			if (!STUDENT_NO.matcher(value).matches()) {
				error(RosterColumn.STUDENT_NO, "roster.student-no.invalid", value);
				return null;
			}
			return value;
		}

		String name() {
			String value = text(RosterColumn.NAME, false);
			if (value == null) {
				return null;
			}
			// "张  三" is padded for alignment; Latin names keep their space.
			value = HAN_SPACE.matcher(value).replaceAll("");
			if (value.chars().anyMatch(Character::isDigit)) {
				error(RosterColumn.NAME, "roster.name.digits", value);
				return null;
			}
			return value;
		}

		String gender() {
			String value = text(RosterColumn.GENDER, true);
			if (value == null) {
				return null;
			}
			String gender = GENDERS.get(value.replace(" ", "").toLowerCase(Locale.ROOT));
			if (gender == null) {
				error(RosterColumn.GENDER, "roster.gender.invalid", value);
			}
			return gender;
		}

		LocalDate birthDate() {
			String value = text(RosterColumn.BIRTH_DATE, true);
			if (value == null) {
				return null;
			}
			LocalDate date;
			try {
				date = parseDate(value);
			}
			catch (DateTimeException e) {
				error(RosterColumn.BIRTH_DATE, "roster.date.no-such-day", value);
				return null;
			}
			if (date == null) {
				error(RosterColumn.BIRTH_DATE, "roster.date.invalid", value);
				return null;
			}
			int age = Period.between(date, today).getYears();
			if (date.isAfter(today) || age < MIN_AGE || age > MAX_AGE) {
				error(RosterColumn.BIRTH_DATE, "roster.date.implausible", value, MIN_AGE, MAX_AGE);
				return null;
			}
			return date;
		}

		Integer gradeLevel() {
			String value = text(RosterColumn.GRADE, false);
			if (value == null) {
				return null;
			}
			OptionalInt level = GradeNames.parse(value);
			if (level.isEmpty()) {
				error(RosterColumn.GRADE, "roster.grade.invalid", value);
				return null;
			}
			return level.getAsInt();
		}

		/** Accepts "1", "1班", "（1）班", and also the class written with its grade ("八年级（1）班", "初二1班"). */
		String className(Integer level) {
			String value = text(RosterColumn.CLASS_NAME, false);
			if (value == null) {
				return null;
			}
			if (level != null) {
				String grade = RosterText.clean(raw(RosterColumn.GRADE));
				for (String prefix : new String[] { grade, GradeNames.nameOf(level), SHORT_GRADE_NAMES[level],
						level + "年级" }) {
					if (!prefix.isEmpty() && value.startsWith(prefix) && value.length() > prefix.length()) {
						value = value.substring(prefix.length());
						break;
					}
				}
			}
			String name = GradeNames.normalizeClassName(value);
			if (name.isEmpty()) {
				error(RosterColumn.CLASS_NAME, "roster.required", RosterColumn.CLASS_NAME.header());
				return null;
			}
			return name;
		}

		String optional(RosterColumn column) {
			return text(column, false);
		}

		/** A mobile number (11 digits, +86 allowed) or a landline with its area code, stored without spaces. */
		String phone() {
			String value = text(RosterColumn.GUARDIAN_PHONE, true);
			if (value == null) {
				return null;
			}
			String compact = value.replace(" ", "").replaceFirst("^\\((0\\d{2,3})\\)", "$1-");
			if (SCIENTIFIC.matcher(compact).matches()) {
				error(RosterColumn.GUARDIAN_PHONE, "roster.scientific", value);
				return null;
			}
			String mobile = compact.replace("-", "").replaceFirst("^(\\+?86)(?=1\\d{10}$)", "");
			if (MOBILE.matcher(mobile).matches()) {
				return mobile;
			}
			if (LANDLINE.matcher(compact).matches()) {
				return compact;
			}
			error(RosterColumn.GUARDIAN_PHONE, "roster.phone.invalid", value);
			return null;
		}
	}

	/** 2012-05-03, 2012/5/3, 2012.5.3, 2012年5月3日, 20120503 or an Excel serial; null when none fits. */
	static LocalDate parseDate(String value) {
		String v = value.replace(" ", "");
		Matcher m = DATE.matcher(v);
		if (m.matches()) {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		m = COMPACT_DATE.matcher(v);
		if (m.matches()) {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		if (EXCEL_SERIAL.matcher(v).matches()) {
			return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(v.replaceAll("\\..*", "")));
		}
		return null;
	}
}
