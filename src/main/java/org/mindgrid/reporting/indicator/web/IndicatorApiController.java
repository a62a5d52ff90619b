package org.mindgrid.reporting.indicator.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.reporting.indicator.Indicators;
import org.mindgrid.reporting.indicator.Indicators.Item;
import org.mindgrid.reporting.indicator.Indicators.Level;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seed's rules measured (issue 12 points 2 and 10): a place's indicators, and a district's schools × indicators. */
@RestController
@RequestMapping("/api/v1")
class IndicatorApiController {

	record ItemJson(String indicator, String name, BigDecimal value, BigDecimal target, String status) {

		static List<ItemJson> of(List<Item> items) {
			return items.stream()
				.map(i -> new ItemJson(i.indicator(), i.name(), i.value(), i.target(), i.status().name()))
				.toList();
		}
	}

	record ReportJson(String level, long id, String period, List<ItemJson> items) {
	}

	record SchoolJson(long schoolId, String school, String stage, String ownership, String locale,
			List<ItemJson> indicators) {
	}

	record DistrictJson(long districtId, String period, List<SchoolJson> items) {
	}

	private final Indicators indicators;

	private final FieldProblems problems;

	IndicatorApiController(Indicators indicators, FieldProblems problems) {
		this.indicators = indicators;
		this.problems = problems;
	}

	@Operation(summary = "A school's, district's or city's indicators for a month",
			description = "Each rule of the seed as the share (percent, one decimal, rounded down) of its units "
					+ "(classes, mentors, students, staff, events) that meet it, against the target: GREEN at or "
					+ "above, AMBER within 10 points, RED below, NONE when nothing is counted, SUPPRESSED for a bureau "
					+ "when fewer than 5 students would be behind a share. A school's leaders, administrators, "
					+ "psychology teachers and crisis team read their school; district officers their district and its "
					+ "schools; city officers all of the city. Others 403, unknown places 404.")
	@GetMapping("/indicators")
	ReportJson report(@Parameter(description = "school, district or city") @RequestParam String level,
			@Parameter(description = "The school's, district's or city's id") @RequestParam long id,
			@Parameter(description = "The month, yyyy-MM (default: this month)") @RequestParam(required = false) String period,
			Locale locale) {
		var r = indicators.report(level(level), id, month(period), locale);
		return new ReportJson(r.level().name().toLowerCase(Locale.ROOT), r.id(), r.period(), ItemJson.of(r.items()));
	}

	@Operation(summary = "A district's schools × indicators for a month",
			description = "One row per school of the district (name, stage, ownership, locale) with its indicators "
					+ "as in /indicators; no names of people; shares of fewer than 5 students SUPPRESSED. District "
					+ "officers of the district and city officers of its city.")
	@GetMapping("/districts/{id}/schools/indicators")
	DistrictJson districtSchools(@Parameter(description = "District id") @PathVariable long id,
			@Parameter(description = "The month, yyyy-MM (default: this month)") @RequestParam(required = false) String period,
			Locale locale) {
		var t = indicators.districtSchools(id, month(period), locale);
		return new DistrictJson(t.districtId(), t.period(), t.items().stream()
			.map(s -> new SchoolJson(s.schoolId(), s.school(), s.stage(), s.ownership(), s.locale(),
					ItemJson.of(s.indicators())))
			.toList());
	}

	private Level level(String level) {
		try {
			return Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw invalid("level", "indicator.problem.level");
		}
	}

	private ApiProblem invalid(String field, String key) {
		return problems.field(field, key);
	}

	private YearMonth month(String period) {
		if (period == null || period.isBlank()) {
			return indicators.currentMonth();
		}
		YearMonth month;
		try {
			month = YearMonth.parse(period.strip());
		}
		catch (DateTimeParseException e) {
			throw invalid("period", "indicator.problem.period");
		}
		if (month.getYear() < 2000 || month.isAfter(indicators.currentMonth())) {
			throw invalid("period", "indicator.problem.period-range");
		}
		return month;
	}
}
