package org.mindgrid.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mindgrid.forms.FormDefinition.Field;
import org.mindgrid.forms.FormDefinition.Type;

/**
 * Checks a record's answers against its form: every required field given, each value of its field's type and
 * within its bounds, choices among the form's options, no field the form does not have. Answers the problems as
 * field → message key with its arguments; a table's cell is named {@code field[row].column} (rows from 1).
 */
final class FormAnswers {

	/** The most rows a repeating table takes (family members, sessions). */
	static final int MAX_ROWS = 50;

	record Problem(String key, List<Object> args) {
		static Problem of(String key, Object... args) {
			return new Problem(key, List.of(args));
		}
	}

	private FormAnswers() {
	}

	static Map<String, Problem> check(FormDefinition form, Map<String, Object> answers, LocalDate today) {
		Map<String, Problem> problems = new LinkedHashMap<>();
		check(form.fields(), answers, "", today, problems);
		return problems;
	}

	private static void check(List<Field> fields, Map<String, Object> answers, String prefix, LocalDate today,
			Map<String, Problem> problems) {
		Set<String> known = new LinkedHashSet<>();
		for (Field f : fields) {
			known.add(f.id());
			String name = prefix + f.id();
			Object value = answers.get(f.id());
			if (blank(value)) {
				if (f.required()) {
					problems.put(name, Problem.of("form.problem.required"));
				}
				continue;
			}
			Problem p = value(f, value, name, today, problems);
			if (p != null) {
				problems.put(name, p);
			}
		}
		for (String key : answers.keySet()) {
			if (!known.contains(key)) {
				problems.put(prefix + key, Problem.of("form.problem.unknown-field"));
			}
		}
	}

	private static Problem value(Field f, Object value, String name, LocalDate today, Map<String, Problem> problems) {
		switch (f.type()) {
			case TEXT, LONG_TEXT, SIGNATURE -> {
				if (!(value instanceof String s)) {
					return Problem.of("form.problem.text");
				}
				return s.strip().length() > f.maxLength() ? Problem.of("form.problem.length", f.maxLength()) : null;
			}
			case DATE -> {
				try {
					LocalDate d = LocalDate.parse(String.valueOf(value));
					return d.getYear() < 1900 || d.isAfter(today.plusYears(1)) ? Problem.of("form.problem.date-range") : null;
				}
				catch (DateTimeParseException e) {
					return Problem.of("form.problem.date");
				}
			}
			case TIME -> {
				try {
					LocalTime.parse(String.valueOf(value));
					return null;
				}
				catch (DateTimeParseException e) {
					return Problem.of("form.problem.time");
				}
			}
			case NUMBER, RATING -> {
				BigDecimal n;
				try {
					n = value instanceof Number num ? new BigDecimal(num.toString()) : new BigDecimal(String.valueOf(value));
				}
				catch (NumberFormatException e) {
					return Problem.of("form.problem.number");
				}
				int min = f.min() != null ? f.min() : (f.type() == Type.RATING ? 1 : 0);
				Integer max = f.max();
				if (f.type() == Type.RATING && n.stripTrailingZeros().scale() > 0) {
					return Problem.of("form.problem.rating", min, max);
				}
				if (n.compareTo(BigDecimal.valueOf(min)) < 0 || (max != null && n.compareTo(BigDecimal.valueOf(max)) > 0)) {
					return f.type() == Type.RATING ? Problem.of("form.problem.rating", min, max)
							: Problem.of("form.problem.number-range", min, max == null ? "—" : max);
				}
				return null;
			}
			case SINGLE -> {
				return f.options().contains(String.valueOf(value)) ? null : Problem.of("form.problem.option");
			}
			case MULTIPLE -> {
				if (!(value instanceof List<?> list) || list.isEmpty()) {
					return Problem.of("form.problem.options");
				}
				Set<Object> seen = new LinkedHashSet<>();
				for (Object o : list) {
					if (!f.options().contains(String.valueOf(o)) || !seen.add(o)) {
						return Problem.of("form.problem.option");
					}
				}
				return null;
			}
			case FILE -> {
				// ids of files uploaded for this form and student (checked against the database by FormRecords),
				// or the stored {id, name, type} of a record read back
				if (!(value instanceof List<?> files)) {
					return Problem.of("form.problem.files");
				}
				if (files.size() > f.max()) {
					return Problem.of("form.problem.files-max", f.max());
				}
				for (Object o : files) {
					if (fileId(o) == null) {
						return Problem.of("form.problem.files");
					}
				}
				return null;
			}
			case TABLE -> {
				if (!(value instanceof List<?> rows)) {
					return Problem.of("form.problem.table");
				}
				if (rows.size() > MAX_ROWS) {
					return Problem.of("form.problem.rows", MAX_ROWS);
				}
				int n = 0;
				for (Object row : rows) {
					n++;
					if (!(row instanceof Map<?, ?> cells)) {
						problems.put(name + "[" + n + "]", Problem.of("form.problem.table"));
						continue;
					}
					Map<String, Object> typed = new LinkedHashMap<>();
					cells.forEach((k, v) -> typed.put(String.valueOf(k), v));
					check(f.columns(), typed, name + "[" + n + "].", today, problems);
				}
				return null;
			}
			default -> {
				return null;
			}
		}
	}

	/** A file answer's id: a whole number, or the {@code id} of a stored file entry; null otherwise. */
	static Long fileId(Object o) {
		Object id = o instanceof Map<?, ?> m ? m.get("id") : o;
		if (id instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
			return n.longValue();
		}
		if (id instanceof String s && s.matches("\\d{1,18}")) {
			return Long.valueOf(s);
		}
		return null;
	}

	private static boolean blank(Object value) {
		return value == null || (value instanceof String s && s.isBlank()) || (value instanceof List<?> l && l.isEmpty());
	}

	/** The answers as stored: texts stripped, blanks left out. */
	static Map<String, Object> normalised(Map<String, Object> answers) {
		Map<String, Object> out = new LinkedHashMap<>();
		answers.forEach((k, v) -> {
			if (!blank(v)) {
				out.put(k, v instanceof String s ? s.strip() : v instanceof List<?> l ? new ArrayList<>(l) : v);
			}
		});
		return out;
	}
}
