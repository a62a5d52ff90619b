package org.mindgrid.shared.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

/**
 * The one plausible range for dates a request brings in: 1900-01-01 to today + 5 years (by the {@link Clock}),
 * unless a field declares its own with {@link DateBounds}. It keeps absurd dates out of the record and dates
 * PostgreSQL cannot hold (year -999999999, 5881580) away from the database. Domain rules (no observation in the
 * future) stay with the domain; this only bounds what is plausible at all.
 */
@Component
public class DateLimits {

	static final String EARLIEST = "1900-01-01";

	static final int YEARS_AHEAD = 5;

	private static final LocalDate DEFAULT_EARLIEST = LocalDate.parse(EARLIEST);

	private final Clock clock;

	public DateLimits(Clock clock) {
		this.clock = clock;
	}

	public LocalDate earliest(DateBounds bounds) {
		return bounds == null ? DEFAULT_EARLIEST : LocalDate.parse(bounds.earliest());
	}

	public LocalDate latest(DateBounds bounds) {
		return LocalDate.now(clock).plusYears(bounds == null ? YEARS_AHEAD : bounds.yearsAhead());
	}

	/** Throws {@link DateOutOfRange} unless the value (a date, date-time or instant) lies in the range. */
	public void check(Object value, DateBounds bounds) {
		if (value == null) {
			return;
		}
		LocalDate earliest = earliest(bounds);
		LocalDate latest = latest(bounds);
		LocalDate day;
		try {
			day = dayOf(value);
		}
		catch (DateTimeException e) {
			// An instant too far out for a LocalDate (beyond year ±999999999) is outside any range.
			throw new DateOutOfRange(earliest, latest);
		}
		if (day != null && (day.isBefore(earliest) || day.isAfter(latest))) {
			throw new DateOutOfRange(earliest, latest);
		}
	}

	public void check(Object value) {
		check(value, null);
	}

	/** An ISO date typed into a page form; blank is null. Throws DateTimeException or {@link DateOutOfRange}. */
	public LocalDate parseDate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate date = LocalDate.parse(text.strip());
		check(date);
		return date;
	}

	/** An ISO local date-time typed into a page form (the school's zone); blank is null. */
	public Instant parseLocalDateTime(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDateTime local = LocalDateTime.parse(text.strip());
		check(local);
		return local.atZone(clock.getZone()).toInstant();
	}

	private LocalDate dayOf(Object value) {
		if (value instanceof LocalDate d) {
			return d;
		}
		if (value instanceof LocalDateTime t) {
			return t.toLocalDate();
		}
		if (value instanceof Instant i) {
			return LocalDate.ofInstant(i, clock.getZone());
		}
		if (value instanceof OffsetDateTime o) {
			return o.toLocalDate();
		}
		if (value instanceof ZonedDateTime z) {
			return z.toLocalDate();
		}
		return null;
	}
}
