package org.mindgrid.duty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolCalendarTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final SchoolCalendar calendar = new SchoolCalendar(Clock.system(SHANGHAI));

	private static Instant at(int y, int m, int d, int h, int min) {
		return ZonedDateTime.of(y, m, d, h, min, 0, 0, SHANGHAI).toInstant();
	}

	@Test
	void fridayIsFollowedByMondayAtSix() {
		// 2026-11-27 is a Friday
		assertThat(calendar.endOfNextSchoolDay(at(2026, 11, 27, 10, 0))).isEqualTo(at(2026, 11, 30, 18, 0));
	}

	@Test
	void weekendDaysAlsoLeadToMonday() {
		assertThat(calendar.endOfNextSchoolDay(at(2026, 11, 28, 9, 0))).isEqualTo(at(2026, 11, 30, 18, 0));
		assertThat(calendar.endOfNextSchoolDay(at(2026, 11, 29, 23, 0))).isEqualTo(at(2026, 11, 30, 18, 0));
	}

	@Test
	void midweekIsTheNextDay() {
		assertThat(calendar.endOfNextSchoolDay(at(2026, 11, 24, 7, 30))).isEqualTo(at(2026, 11, 25, 18, 0));
	}

	@Test
	void oneSchoolDayAfterFridayMorningIsMondayMorning() {
		assertThat(calendar.oneSchoolDayAfter(at(2026, 11, 27, 10, 15))).isEqualTo(at(2026, 11, 30, 10, 15));
	}

	@Test
	void aSemesterEndingOnSundayIsDueOnFridayEvening() {
		LocalDate sunday = LocalDate.of(2027, 1, 24);
		assertThat(calendar.lastSchoolDayOnOrBefore(sunday)).isEqualTo(LocalDate.of(2027, 1, 22));
		assertThat(calendar.endOfSchoolDay(calendar.lastSchoolDayOnOrBefore(sunday))).isEqualTo(at(2027, 1, 22, 18, 0));
		assertThat(calendar.lastSchoolDayOnOrBefore(LocalDate.of(2027, 1, 20))).isEqualTo(LocalDate.of(2027, 1, 20));
	}
}
