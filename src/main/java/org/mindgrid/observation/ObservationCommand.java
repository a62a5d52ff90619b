package org.mindgrid.observation;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A daily observation as the form or the API submits it (tool 2). */
public record ObservationCommand(@NotNull Long studentId, LocalDate observedOn,
		@Size(max = 15) List<@NotNull Integer> signs, @Size(max = 13) List<@NotNull String> categories,
		@Size(max = 200) String categoryOther, @Size(max = 2000) String otherClues,
		@Pattern(regexp = "NONE|LOW|MEDIUM|HIGH") String crisisLevel, Boolean homeContactDone,
		@Size(max = 2000) String handlingAdvice, @Size(max = 2000) String notes) {

	public ObservationCommand {
		signs = signs == null ? List.of() : signs.stream().distinct().sorted().toList();
		categories = categories == null ? List.of() : categories.stream().distinct().toList();
		crisisLevel = crisisLevel == null || crisisLevel.isBlank() ? "NONE" : crisisLevel;
	}
}
