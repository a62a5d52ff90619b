package org.mindgrid.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateLimitsTests {

	private final DateLimits limits = new DateLimits(
			Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

	record Semester(@DateBounds(yearsAhead = 10) LocalDate startsOn) {
	}

	@Test
	void theDefaultRangeIs1900ToFiveYearsAhead() {
		assertThatCode(() -> limits.check(LocalDate.of(1900, 1, 1))).doesNotThrowAnyException();
		assertThatCode(() -> limits.check(LocalDate.of(2031, 12, 1))).doesNotThrowAnyException();
		assertThatThrownBy(() -> limits.check(LocalDate.of(1899, 12, 31))).isInstanceOf(DateOutOfRange.class);
		assertThatThrownBy(() -> limits.check(LocalDate.of(2031, 12, 2))).isInstanceOf(DateOutOfRange.class);
		assertThatThrownBy(() -> limits.check(LocalDate.of(1, 1, 1))).isInstanceOf(DateOutOfRange.class)
			.satisfies(e -> assertThat(((DateOutOfRange) e).args()).containsExactly("1900-01-01", "2031-12-01"));
		assertThatCode(() -> limits.check(null)).doesNotThrowAnyException();
	}

	@Test
	void everyTemporalKindIsChecked() {
		assertThatThrownBy(() -> limits.check(LocalDate.MIN)).isInstanceOf(DateOutOfRange.class);
		assertThatThrownBy(() -> limits.check(LocalDateTime.MAX)).isInstanceOf(DateOutOfRange.class);
		// Beyond what a LocalDate can hold at all: still a range refusal, not a DateTimeException.
		assertThatThrownBy(() -> limits.check(Instant.MAX)).isInstanceOf(DateOutOfRange.class);
		assertThatCode(() -> limits.check(Instant.parse("2026-11-30T10:00:00Z"))).doesNotThrowAnyException();
	}

	@Test
	void aFieldCanDeclareItsOwnRange() {
		DateBounds bounds = Semester.class.getRecordComponents()[0].getAnnotation(DateBounds.class);
		assertThatCode(() -> limits.check(LocalDate.of(2035, 9, 1), bounds)).doesNotThrowAnyException();
		assertThatThrownBy(() -> limits.check(LocalDate.of(2037, 1, 1), bounds)).isInstanceOf(DateOutOfRange.class);
	}

	@Test
	void pageFormsParseAndCheck() {
		assertThat(limits.parseDate(" 2026-09-01 ")).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(limits.parseDate("")).isNull();
		assertThatThrownBy(() -> limits.parseDate("-999999999-01-01")).isInstanceOf(DateOutOfRange.class);
		assertThatThrownBy(() -> limits.parseDate("2026-02-30")).isInstanceOf(java.time.DateTimeException.class);
		assertThat(limits.parseLocalDateTime("2026-12-01T10:00")).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
		assertThatThrownBy(() -> limits.parseLocalDateTime("+999999999-01-01T10:00"))
			.isInstanceOf(DateOutOfRange.class);
	}
}
