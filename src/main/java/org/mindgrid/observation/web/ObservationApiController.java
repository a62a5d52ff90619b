package org.mindgrid.observation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

	@PostMapping("/observations")
	@ResponseStatus(HttpStatus.CREATED)
	ObservationRecorded record(@Valid @RequestBody ObservationCommand command) {
		return observations.record(command);
	}

	/** One observation in full, for those who may read the student's archive (audited). */
	@GetMapping("/observations/{id}")
	ObservationView get(@PathVariable long id) {
		return observations.get(id);
	}

	@PostMapping("/concern-reports")
	@ResponseStatus(HttpStatus.CREATED)
	ConcernReports.Reported concern(@Valid @RequestBody ConcernRequest request) {
		return concerns.report(request.studentId(), request.signs(), request.description());
	}

	/** 四必访 entries by the head teacher: absence (ABSENCE) and sharp academic drop (ACADEMIC_DROP), or any kind. */
	@PostMapping("/triggers")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> trigger(@Valid @RequestBody TriggerRequest request) {
		long id = observations.recordTrigger(request.studentId(), request.kind(), request.occurredOn(), request.note());
		return Map.of("id", id, "studentId", request.studentId(), "kind", request.kind());
	}
}
