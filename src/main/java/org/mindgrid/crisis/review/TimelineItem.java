package org.mindgrid.crisis.review;

import java.time.Instant;
import java.util.List;

/**
 * One line of the review's timeline: when, what kind of record, its code (a level, a status, an action), the
 * arguments of its words, who ({@code by}, a display name), the record ({@code refKind}/{@code refId}) and, where
 * the record has a page of its own, its link. {@code voided}: voided before the event.
 */
public record TimelineItem(Instant at, String kind, String code, List<String> args, String by, String link,
		String refKind, Long refId, boolean voided) {
}
