package org.mindgrid.reporting.period.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.reporting.period.HighRiskPeriods;
import org.mindgrid.reporting.period.HighRiskPeriods.Kind;
import org.mindgrid.reporting.period.HighRiskPeriods.NewPeriod;
import org.mindgrid.reporting.period.HighRiskPeriods.Period;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Periods of high risk a district announces to its schools (issue 12 point 6). */
@RestController
@RequestMapping("/api/v1/high-risk-periods")
class HighRiskPeriodApiController {

	record PeriodRequest(@NotNull Long districtId, @NotNull Kind kind, @NotBlank @Size(max = 100) String title,
			@NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @NotBlank @Size(max = 2000) String message) {
	}

	private final HighRiskPeriods periods;

	private final FieldProblems problems;

	HighRiskPeriodApiController(HighRiskPeriods periods, FieldProblems problems) {
		this.periods = periods;
		this.problems = problems;
	}

	@Operation(summary = "Announce a period of high risk to the district's schools",
			description = "Kind EXAM, TERM_START, BEFORE_HOLIDAY, AFTER_HOLIDAY or CUSTOM, a title, the first and last "
					+ "day (at most 92 days; not ended before today) and the message to schools. On its first day the "
					+ "district's head teachers and mentors are reminded in their inbox; dashboards show it while it "
					+ "lasts. District officers of the district; others 403.")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Period announce(@Valid @RequestBody PeriodRequest r) {
		periods.checkDays(r.startsOn(), r.endsOn()).ifPresent(p -> {
			throw problems.field("endsOn", p.key(), p.args());
		});
		return periods.announce(new NewPeriod(r.districtId(), r.kind(), r.title().strip(), r.startsOn(), r.endsOn(),
				r.message().strip()));
	}

	@Operation(summary = "A district's periods of high risk, latest first",
			description = "The district's officers, the city's officers and the staff of its schools; others 403.")
	@GetMapping
	Map<String, List<Period>> list(@Parameter(description = "District id") @RequestParam long districtId) {
		return Map.of("items", periods.ofDistrict(districtId));
	}

	@Operation(summary = "One period of high risk", description = "Readers as for the list.")
	@GetMapping("/{id}")
	Period one(@Parameter(description = "Period id") @PathVariable long id) {
		return periods.read(id);
	}
}
