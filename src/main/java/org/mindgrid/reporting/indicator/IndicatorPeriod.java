package org.mindgrid.reporting.indicator;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The window an indicator counts in, for a month. Semesters are the calendar's (Sep–Jan, Feb–Aug) so that a
 * bureau compares every school over the same days; a semester's and a school year's values for a month are those
 * from their start to that month's end.
 */
public enum IndicatorPeriod {

	MONTH, SEMESTER, SCHOOL_YEAR, NOW;

	/** The first day in the window. */
	public LocalDate from(YearMonth month) {
		return switch (this) {
			case MONTH, NOW -> month.atDay(1);
			case SEMESTER -> semesterStart(month);
			case SCHOOL_YEAR -> schoolYearStart(month);
		};
	}

	/** The day after the window's last. */
	public LocalDate to(YearMonth month) {
		return month.plusMonths(1).atDay(1);
	}

	private static LocalDate semesterStart(YearMonth month) {
		int m = month.getMonthValue();
		if (m >= 9) {
			return LocalDate.of(month.getYear(), 9, 1);
		}
		if (m == 1) {
			return LocalDate.of(month.getYear() - 1, 9, 1);
		}
		return LocalDate.of(month.getYear(), 2, 1);
	}

	private static LocalDate schoolYearStart(YearMonth month) {
		int year = month.getMonthValue() >= 9 ? month.getYear() : month.getYear() - 1;
		return LocalDate.of(year, 9, 1);
	}
}
