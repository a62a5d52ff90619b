package org.mindgrid.crisis;

import java.time.Instant;

/** A crisis event was raised at a school (DESIGN.md: {@code CrisisReported}); published in its transaction. */
public record CrisisReported(long eventId, long schoolId, Long studentId, String kind, Instant reportDueAt) {
}
