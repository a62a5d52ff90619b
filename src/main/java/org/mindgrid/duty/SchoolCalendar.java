package org.mindgrid.duty;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * School days in the schools' zone: Monday to Friday. "Due the next school day" means by the end of the school
 * day (18:00) of the next weekday after today. Public holidays and make-up days are not modelled yet.
 */
@Component
public class SchoolCalendar {

	static final LocalTime END_OF_SCHOOL_DAY = LocalTime.of(18, 0);

	private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

	private final Clock clock;

	SchoolCalendar(Clock clock) {
		this.clock = clock;
	}

	public ZoneId zone() {
		return clock.getZone();
	}

	public boolean isSchoolDay(LocalDate day) {
		return !WEEKEND.contains(day.getDayOfWeek());
	}

	public LocalDate nextSchoolDay(LocalDate after) {
		LocalDate day = after.plusDays(1);
		while (!isSchoolDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** The end (18:00) of the next school day after {@code from}. */
	public Instant endOfNextSchoolDay(Instant from) {
		LocalDate today = from.atZone(zone()).toLocalDate();
		return ZonedDateTime.of(nextSchoolDay(today), END_OF_SCHOOL_DAY, zone()).toInstant();
	}

	/** The end (18:00) of the given day. */
	public Instant endOfSchoolDay(LocalDate day) {
		return ZonedDateTime.of(day, END_OF_SCHOOL_DAY, zone()).toInstant();
	}

	/** The day itself if it is a school day, else the school day before it (a semester ending on a Sunday). */
	public LocalDate lastSchoolDayOnOrBefore(LocalDate day) {
		LocalDate d = day;
		while (!isSchoolDay(d)) {
			d = d.minusDays(1);
		}
		return d;
	}

	/** Within one school day: the same time on the next school day. */
	public Instant oneSchoolDayAfter(Instant from) {
		ZonedDateTime at = from.atZone(zone());
		return ZonedDateTime.of(nextSchoolDay(at.toLocalDate()), at.toLocalTime(), zone()).toInstant();
	}
}
