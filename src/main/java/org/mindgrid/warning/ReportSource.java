package org.mindgrid.warning;

import java.time.Instant;
import java.util.List;

/**
 * One record that raised or joined a warning report: what it was, its urgency, who and when, whether it made the
 * report more urgent, a link to the whole record and its full text.
 */
public record ReportSource(String kind, Long sourceId, Urgency urgency, List<Integer> signs, String raisedBy,
		Instant raisedAt, boolean escalated, String link, List<SourcePart> parts) {
}
