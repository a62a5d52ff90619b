package org.mindgrid.observation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.mindgrid.warning.SourcePart;

/**
 * One observation in full, for those who may read the student's archive: every field as recorded (nothing cut),
 * who observed and when, and the warning report it raised or joined. {@code parts}: the same content as labelled
 * message keys and text, for pages.
 */
public record ObservationView(long id, long studentId, String studentName, String className, LocalDate observedOn,
		List<Integer> signs, List<String> categories, String categoryOther, String otherClues, String crisisLevel,
		boolean homeContactDone, String handlingAdvice, String notes, String observer, Instant createdAt,
		Long warningReportId, List<SourcePart> parts) {
}
