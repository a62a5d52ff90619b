package org.mindgrid.warning;

import java.time.Instant;
import java.util.List;

/**
 * One record that raised or joined a warning report: what it was, its urgency, who and when, whether it made the
 * report more urgent, a link to the whole record and its full text, and — for a 请复核 source — the risk phrases
 * found in it as written (issue 7, point 14), which the page highlights.
 */
public record ReportSource(String kind, Long sourceId, Urgency urgency, List<Integer> signs, String raisedBy,
		Instant raisedAt, boolean escalated, String link, List<SourcePart> parts, List<String> phrases) {

	public ReportSource {
		phrases = phrases == null ? List.of() : List.copyOf(phrases);
	}
}
