package org.mindgrid.crisis.review;

import java.time.Instant;
import java.util.List;

/**
 * A gap the rules found: which rule, when it became a gap (the deadline that passed), the record it is about
 * ({@code refKind}/{@code refId}, as timeline items name theirs) and the arguments of its words.
 */
public record Gap(GapRule rule, Instant at, String refKind, Long refId, List<String> args) {
}
