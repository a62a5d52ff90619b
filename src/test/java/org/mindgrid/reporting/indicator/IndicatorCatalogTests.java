package org.mindgrid.reporting.indicator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Definitions are checked at start, with every reason at once; windows follow the calendar's semesters. */
class IndicatorCatalogTests {

	@Test
	void aBrokenDefinitionStopsTheStartWithItsReasons() {
		StaticMessageSource messages = new StaticMessageSource();
		for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
			messages.addMessage("indicator.ok.name", locale, "OK");
			messages.addMessage("indicator.ok.rule", locale, "OK");
		}
		String yaml = """
				- id: ok
				  source: measure 1
				  period: MONTH
				  unit: CLASS
				  target: 100
				  sql: select 1 where :district = 1
				- id: ok
				  source: measure 1
				  period: WEEK
				  unit: CLASS
				  target: 100
				  sql: select 1 where :district = 1
				- id: nameless
				  source: measure 2
				  period: MONTH
				  unit: CLASS
				  target: 120
				  sql: select 1
				- id: limitless
				  source: measure 2
				  period: MONTH
				  unit: CLASS
				  target: 100
				  sql: select :threshold where :district = 1
				""";
		assertThatThrownBy(() -> IndicatorCatalog.parse(
				new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), messages))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("entry 2 (ok): No enum constant")
			.hasMessageContaining("entry 3 (nameless): target must be 0 to 100")
			.hasMessageContaining("entry 4 (limitless): sql uses :threshold but none is given");
	}

	@Test
	void semestersAndSchoolYearsFollowTheCalendar() {
		assertThat(IndicatorPeriod.SEMESTER.from(YearMonth.of(2026, 11))).hasToString("2026-09-01");
		assertThat(IndicatorPeriod.SEMESTER.from(YearMonth.of(2027, 1))).hasToString("2026-09-01");
		assertThat(IndicatorPeriod.SEMESTER.from(YearMonth.of(2027, 3))).hasToString("2027-02-01");
		assertThat(IndicatorPeriod.SCHOOL_YEAR.from(YearMonth.of(2027, 3))).hasToString("2026-09-01");
		assertThat(IndicatorPeriod.MONTH.from(YearMonth.of(2027, 3))).hasToString("2027-03-01");
		assertThat(IndicatorPeriod.MONTH.to(YearMonth.of(2026, 12))).hasToString("2027-01-01");
	}
}
