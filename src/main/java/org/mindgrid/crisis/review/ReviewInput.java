package org.mindgrid.crisis.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.InputText;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads the fields of a review body: each refusal is a 400 naming the field ({@code review.field.X} its label;
 * {@code index} the row of a list), so that a page shows it next to what was typed.
 */
final class ReviewInput {

	private ReviewInput() {
	}

	static ApiProblem problem(String key, String field, Integer index, Object... more) {
		Object[] args = new Object[more.length + 1];
		args[0] = new DefaultMessageSourceResolvable(new String[] { "review.field." + field }, field);
		System.arraycopy(more, 0, args, 1, more.length);
		ApiProblem p = ApiProblem.badRequest(key, args).with("field", field);
		return index == null ? p : p.with("index", index);
	}

	/** Stripped text of at most {@code max} code points; null when missing or blank and not required. */
	static String text(Map<String, Object> body, String field, int max, boolean required, Integer index) {
		Object v = body.get(field);
		if (v == null || v instanceof String s && s.isBlank()) {
			if (required) {
				throw problem("review.field.required", field, index);
			}
			return null;
		}
		if (!(v instanceof String s) || !InputText.isClean(s)) {
			throw problem("review.field.text", field, index);
		}
		String t = s.strip();
		if (t.codePointCount(0, t.length()) > max) {
			throw problem("review.field.too-long", field, index, max);
		}
		return t;
	}

	/** A list of objects, at most {@code max}; null when missing. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> rows(Map<String, Object> body, String field, int max) {
		Object v = body.get(field);
		if (v == null) {
			return null;
		}
		if (!(v instanceof List<?> list) || list.stream().anyMatch(r -> !(r instanceof Map))) {
			throw problem("review.field.list", field, null);
		}
		if (list.size() > max) {
			throw problem("review.field.too-many", field, null, max);
		}
		return (List<Map<String, Object>>) list;
	}

	static long id(Map<String, Object> body, String field, Integer index) {
		Object v = body.get(field);
		if (v == null || v instanceof String s && s.isBlank()) {
			throw problem("review.field.required", field, index);
		}
		if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() > 0
				&& n.doubleValue() < 1e15) {
			return n.longValue();
		}
		if (v instanceof String s && s.strip().matches("[1-9][0-9]{0,14}")) {
			return Long.parseLong(s.strip());
		}
		throw problem("review.field.id", field, index);
	}

	static LocalDate date(Map<String, Object> body, String field, LocalDate from, LocalDate to, Integer index) {
		String t = text(body, field, 20, true, index);
		LocalDate d;
		try {
			d = LocalDate.parse(t);
		}
		catch (DateTimeParseException e) {
			throw problem("review.field.date", field, index);
		}
		if (d.isBefore(from) || d.isAfter(to)) {
			throw problem("review.field.date-range", field, index, from.toString(), to.toString());
		}
		return d;
	}

	static boolean flag(Map<String, Object> body, String field) {
		Object v = body.get(field);
		if (v == null) {
			return false;
		}
		if (v instanceof Boolean b) {
			return b;
		}
		if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
			return Boolean.parseBoolean(s);
		}
		throw problem("review.field.boolean", field, null);
	}

	static Integer version(Map<String, Object> body) {
		Object v = body.get("version");
		if (v == null) {
			return null;
		}
		if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e9) {
			return n.intValue();
		}
		if (v instanceof String s && s.strip().matches("[0-9]{1,9}")) {
			return Integer.parseInt(s.strip());
		}
		throw problem("review.field.id", "version", null);
	}
}
