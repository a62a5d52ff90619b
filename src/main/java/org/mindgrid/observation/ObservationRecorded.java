package org.mindgrid.observation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.mindgrid.warning.WarningRaised;

/** The answer to recording an observation: what was stored, the warning report it raised, the triggers it set. */
public record ObservationRecorded(long id, long studentId, LocalDate observedOn, List<Integer> signs,
		List<String> categories, String categoryOther, String otherClues, String crisisLevel, boolean homeContactDone,
		String handlingAdvice, String notes, Instant createdAt, WarningRaised warningReport, List<TriggerKind> triggers) {
}
