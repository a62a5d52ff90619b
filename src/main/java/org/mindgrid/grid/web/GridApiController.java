package org.mindgrid.grid.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.mindgrid.grid.ClassGrid;
import org.mindgrid.grid.GridWarning;
import org.mindgrid.grid.Grids;
import org.mindgrid.shared.web.ApiError;
import org.mindgrid.shared.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The grid over JSON: a class's mentors and their students, mentor changes, a school's broken rules. */
@RestController
@RequestMapping("/api/v1")
class GridApiController {

	/** A class's grid as API clients see it: ids only, names of mentors, warnings with localised messages. */
	record GridJson(long classId, String className, int gradeLevel, List<MentorJson> mentors,
			List<Long> unassignedStudentIds, List<GridWarning> warnings) {

		static GridJson of(ClassGrid grid) {
			return new GridJson(grid.classId(), grid.className(), grid.gradeLevel(),
					grid.mentors().stream()
						.map(m -> new MentorJson(m.userId(), m.name(), m.studentIds(), m.studentCount()))
						.toList(),
					grid.unassignedStudentIds(), grid.warnings());
		}
	}

	record MentorJson(long userId, String name, List<Long> studentIds, int studentCount) {
	}

	record MentorRequest(@NotNull Long userId) {
	}

	record StudentsRequest(@NotNull List<Long> studentIds) {
	}

	private final Grids grids;

	GridApiController(Grids grids) {
		this.grids = grids;
	}

	@Operation(summary = "A class grid (心网格)",
			description = "The class's mentors (心导师) with their students, the students without a mentor, and the "
					+ "broken grid rules (a mentor over 15 students, fewer than 3 mentors, a student without a "
					+ "mentor) with localised messages.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Class id")
	@GetMapping("/classes/{id}/grid")
	GridJson grid(@PathVariable long id) {
		return GridJson.of(grids.classGrid(id));
	}

	/** 201 with the grid when the user became a mentor, 200 when they already were. */
	@Operation(summary = "Add a mentor (心导师) to a class",
			description = "A staff member of the school becomes a mentor of the class: 201 with the grid, or 200 when "
					+ "they already were. For those who may change the class's grid.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Class id")
	@ApiResponse(responseCode = "200", description = "Already a mentor of the class: the grid")
	@ApiResponse(responseCode = "201", description = "Added: the grid")
	@ApiError(status = 409, description = "A student account cannot be a mentor (code grid.student-account)")
	@PostMapping("/classes/{id}/mentors")
	ResponseEntity<GridJson> addMentor(@PathVariable long id, @Valid @RequestBody MentorRequest request) {
		boolean added = grids.addMentor(id, request.userId());
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(GridJson.of(grids.classGrid(id)));
	}

	/** 204; 409 while the mentor still has students in the class (unassign them first). */
	@Operation(summary = "Remove a mentor from a class",
			description = "204; refused while the mentor still has students in the class (assign them to others "
					+ "first).")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Class id")
	@Parameter(name = "userId", in = ParameterIn.PATH, description = "The mentor's user id")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiError(status = 409, description = "The mentor still has students in the class (code grid.mentor-has-students)")
	@DeleteMapping("/classes/{id}/mentors/{userId}")
	ResponseEntity<Void> removeMentor(@PathVariable long id, @PathVariable long userId) {
		grids.removeMentor(id, userId);
		return ResponseEntity.noContent().build();
	}

	/** Replaces the mentor's students in this class; more than 15 is allowed and answered with a warning. */
	@Operation(summary = "Set a mentor's students in a class",
			description = "Replaces the mentor's students in this class with studentIds (students of this class). "
					+ "More than 15 is allowed and answered with a warning in the grid. For those who may change the "
					+ "class's grid.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Class id")
	@Parameter(name = "userId", in = ParameterIn.PATH, description = "The mentor's user id")
	@PutMapping("/classes/{id}/mentors/{userId}/students")
	GridJson setStudents(@PathVariable long id, @PathVariable long userId,
			@Valid @RequestBody StudentsRequest request) {
		return GridJson.of(grids.setStudents(id, userId, request.studentIds()));
	}

	@Operation(summary = "Broken grid rules of a school",
			description = "Paged like every list: {items, total, page, size}; page from 0, size 1..200 (default 20). "
					+ "Items are in grade and class order; codes: STUDENT_WITHOUT_MENTOR (with studentId), "
					+ "MENTOR_OVER_15 (with mentorUserId), FEWER_THAN_3_MENTORS.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@GetMapping("/schools/{id}/grid-warnings")
	Page<GridWarning> schoolWarnings(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return grids.schoolWarnings(id, Page.clampPage(page), Page.clampSize(size));
	}
}
