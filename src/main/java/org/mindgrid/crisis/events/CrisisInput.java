package org.mindgrid.crisis.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads the fields of a crisis request body: each refusal is a 400 that names the field (key {@code crisis.field.X}
 * for its label), so a page can show it next to what was typed.
 */
final class CrisisInput {

	/** How far back a time on an event may lie: a late record of last week's event is fine, last year's is a typo. */
	static final Duration PAST = Duration.ofDays(31);

	/** Clocks differ a little between a phone and the server. */
	static final Duration AHEAD = Duration.ofMinutes(5);

	private final Map<String, Object> body;

	private final ZoneId zone;

	CrisisInput(Map<String, Object> body, ZoneId zone) {
		this.body = body == null ? Map.of() : body;
		this.zone = zone;
	}

	static ApiProblem problem(String key, String field, Object... more) {
		Object[] args = new Object[more.length + 1];
		args[0] = new DefaultMessageSourceResolvable(new String[] { "crisis.field." + field }, field);
		System.arraycopy(more, 0, args, 1, more.length);
		return ApiProblem.badRequest(key, args).with("field", field);
	}

	boolean has(String field) {
		Object v = body.get(field);
		return v != null && !(v instanceof String s && s.isBlank());
	}

	String text(String field, int max, boolean required) {
		Object v = body.get(field);
		if (v == null || v instanceof String s && s.isBlank()) {
			if (required) {
				throw problem("crisis.field.required", field);
			}
			return null;
		}
		if (!(v instanceof String s) || !org.mindgrid.shared.web.InputText.isClean(s)) {
			throw problem("crisis.field.text", field);
		}
		String t = s.strip();
		if (t.codePointCount(0, t.length()) > max) {
			throw problem("crisis.field.too-long", field, max);
		}
		return t;
	}

	<E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
		String t = text(field, 40, required);
		if (t == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, t.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw problem("crisis.field.choice", field, String.join(", ",
					java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
		}
	}

	Long id(String field, boolean required) {
		Object v = body.get(field);
		if (v == null || v instanceof String s && s.isBlank()) {
			if (required) {
				throw problem("crisis.field.required", field);
			}
			return null;
		}
		if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() > 0) {
			return n.longValue();
		}
		if (v instanceof String s && s.strip().matches("[1-9][0-9]{0,17}")) {
			return Long.parseLong(s.strip());
		}
		throw problem("crisis.field.id", field);
	}

	/**
	 * A time: ISO instant, offset or local date-time (in the school's zone); not more than {@link #AHEAD} in the
	 * future, not before {@code earliest}. Missing and not required: {@code fallback}.
	 */
	Instant time(String field, Instant now, Instant earliest, Instant fallback) {
		Object v = body.get(field);
		if (v == null || v instanceof String s && s.isBlank()) {
			if (fallback == null) {
				throw problem("crisis.field.required", field);
			}
			return fallback;
		}
		Instant t = parse(field, v);
		if (t.isAfter(now.plus(AHEAD))) {
			throw problem("crisis.field.future", field);
		}
		if (t.isBefore(earliest)) {
			throw problem("crisis.field.too-early", field);
		}
		return t;
	}

	LocalDate date(String field, LocalDate from, LocalDate to) {
		String t = text(field, 20, true);
		LocalDate d;
		try {
			d = LocalDate.parse(t);
		}
		catch (DateTimeParseException e) {
			throw problem("crisis.field.date", field);
		}
		if (d.isBefore(from) || d.isAfter(to)) {
			throw problem("crisis.field.date-range", field, from, to);
		}
		return d;
	}

	private Instant parse(String field, Object v) {
		if (!(v instanceof String s)) {
			throw problem("crisis.field.time", field);
		}
		String t = s.strip();
		try {
			return Instant.parse(t);
		}
		catch (DateTimeParseException e) {
			// try the other shapes
		}
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException e) {
			// a page's datetime-local field
		}
		try {
			return LocalDateTime.parse(t).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw problem("crisis.field.time", field);
		}
	}
}
