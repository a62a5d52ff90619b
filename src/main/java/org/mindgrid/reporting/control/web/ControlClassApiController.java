package org.mindgrid.reporting.control.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.reporting.control.ControlClasses;
import org.mindgrid.reporting.control.ControlClasses.Assignment;
import org.mindgrid.reporting.control.ControlClasses.ControlClass;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The three control classes of districts and schools (三大分类管控, issue 12 point 5, ADR 0034). */
@RestController
@RequestMapping("/api/v1/control-classes")
class ControlClassApiController {

	record AssignRequest(Long districtId, Long schoolId, @NotNull ControlClass controlClass,
			@Size(max = ControlClasses.MAX_REASON) String reason) {
	}

	record Current(String level, long id, Assignment assignment) {
	}

	private final ControlClasses classes;

	private final ControlBoard board;

	private final FieldProblems problems;

	ControlClassApiController(ControlClasses classes, ControlBoard board, FieldProblems problems) {
		this.classes = classes;
		this.board = board;
		this.problems = problems;
	}

	@Operation(summary = "Assign a district or a school its control class",
			description = "districtId or schoolId; controlClass KEY, WATCH or ROUTINE; a reason. The city's officers; "
					+ "others 403. The class before it ends.")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Assignment assign(@Valid @RequestBody AssignRequest r) {
		return classes.assign(r.districtId(), r.schoolId(), r.controlClass(), r.reason());
	}

	@Operation(summary = "The control classes in force with the rules' suggestions",
			description = "cityId: the city's districts (its officers); districtId: the district's schools (its "
					+ "officers and the city's). Each row: the class in force (or null), the suggested class and why.")
	@GetMapping
	Map<String, List<ControlBoard.Row>> list(@Parameter(description = "City id") @RequestParam(required = false) Long cityId,
			@Parameter(description = "District id") @RequestParam(required = false) Long districtId,
			java.util.Locale locale) {
		if ((cityId == null) == (districtId == null)) {
			throw problems.field("cityId", "control.problem.list");
		}
		List<ControlBoard.Row> rows = new ArrayList<>(cityId != null ? board.districts(cityId, locale)
				: board.schools(districtId, locale));
		return Map.of("items", rows);
	}
}
