package org.mindgrid.warning;

import java.util.List;

/** A case's assessment or dismissal resolved these warning reports (published in the same transaction). */
public record ReportsAnswered(List<Long> reportIds, long studentId, long by) {
}
