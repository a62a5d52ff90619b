package org.mindgrid.observation;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A daily observation as the form or the API submits it (tool 2). */
public record ObservationCommand(@NotNull Long studentId, LocalDate observedOn,
		@Size(max = 15) List<Integer> signs, @Size(max = 13) List<String> categories,
		@Size(max = 200) String categoryOther, @Size(max = 2000) String otherClues,
		@Pattern(regexp = "NONE|LOW|MEDIUM|HIGH") String crisisLevel, Boolean homeContactDone,
		@Size(max = 2000) String handlingAdvice, @Size(max = 2000) String notes) {

	public ObservationCommand {
		// A form posts "signs=" for an empty choice: drop the nulls it binds to.
		signs = signs == null ? List.of() : signs.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
		categories = categories == null ? List.of()
				: categories.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
		crisisLevel = crisisLevel == null || crisisLevel.isBlank() ? "NONE" : crisisLevel;
	}
}
