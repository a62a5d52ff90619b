package org.mindgrid.observation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mindgrid.observation.ConcernReports;
import org.mindgrid.observation.ObservationCommand;
import org.mindgrid.observation.ObservationRecorded;
import org.mindgrid.observation.ObservationView;
import org.mindgrid.observation.Observations;
import org.mindgrid.observation.TriggerKind;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ObservationApiController {

	record ConcernRequest(@NotNull Long studentId, @Size(max = 15) List<Integer> signs,
			@NotNull @Size(min = 1, max = 2000) String description) {
	}

	record TriggerRequest(@NotNull Long studentId, @NotNull TriggerKind kind, LocalDate occurredOn,
			@Size(max = 1000) String note) {
	}

	private final Observations observations;

	private final ConcernReports concerns;

	ObservationApiController(Observations observations, ConcernReports concerns) {
		this.observations = observations;
		this.concerns = concerns;
	}

	@Operation(summary = "Record a daily observation (日常动态观察)",
			description = "Tool 2: student categories, any of the 15 warning signs (预警信号), other clues and the "
					+ "observer's handling. Any staff member who may know the student records one (a mentor: every "
					+ "student of their class). Signs raise a warning report (预警报告) for the psychology teacher or "
					+ "join the student's open one: 201 with warningReport, or warningReport null when nothing was "
					+ "raised.")
	@PostMapping("/observations")
	@ResponseStatus(HttpStatus.CREATED)
	ObservationRecorded record(@Valid @RequestBody ObservationCommand command) {
		return observations.record(command);
	}

	/** One observation in full, for those who may read the student's archive (audited). */
	@Operation(summary = "One daily observation in full",
			description = "Every field as recorded, the observer's words uncut, for those who may read the student's "
					+ "growth archive. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Observation id")
	@GetMapping("/observations/{id}")
	ObservationView get(@PathVariable long id) {
		return observations.get(id);
	}

	@Operation(summary = "Report a concern as psych committee member (心理委员)",
			description = "A psych committee student reports a classmate: the signs seen (numbers 1–15, optional) and "
					+ "a required description (up to 2,000 characters). It reaches the psychology teacher as (or "
					+ "joins) a warning report. 201 with the report's id.")
	@PostMapping("/concern-reports")
	@ResponseStatus(HttpStatus.CREATED)
	ConcernReports.Reported concern(@Valid @RequestBody ConcernRequest request) {
		return concerns.report(request.studentId(), request.signs(), request.description());
	}

	/** 四必访 entries by the head teacher: absence (ABSENCE) and sharp academic drop (ACADEMIC_DROP), or any kind. */
	@Operation(summary = "Register a four must-visit trigger (四必访)",
			description = "ABSENCE and ACADEMIC_DROP by the head teacher, ABNORMAL_EMOTION and FAMILY_CHANGE by the "
					+ "student's mentor or head teacher; each opens a home-visit duty due at once (the same or next "
					+ "school day). occurredOn defaults to today. 201 with id, studentId and kind.")
	@PostMapping("/triggers")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> trigger(@Valid @RequestBody TriggerRequest request) {
		long id = observations.recordTrigger(request.studentId(), request.kind(), request.occurredOn(), request.note());
		return Map.of("id", id, "studentId", request.studentId(), "kind", request.kind());
	}
}
