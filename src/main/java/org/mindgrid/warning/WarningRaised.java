package org.mindgrid.warning;

import java.time.Instant;

/** A warning report, as the module that raised it sees it. */
public record WarningRaised(long id, long studentId, Urgency urgency, Instant dueAt) {
}
