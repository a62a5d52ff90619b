package org.mindgrid.screening.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The district's schools or the city's districts: invited, completed and flagged counts, and per scale the number
 * of results and their bands, each cell suppressed under five students ({@link Suppression}).
 *
 * @param level {@code DISTRICT} (a row per school) or {@code CITY} (a row per district)
 */
public record AreaReport(Level level, long placeId, String placeName, String title, LocalDate from, LocalDate to,
		List<Column> columns, List<String> header, List<Line> lines) {

	public enum Level {
		DISTRICT, CITY
	}

	public enum Kind {
		INVITED, COMPLETED, FLAGGED, SCALE_RESULTS, BAND
	}

	/** A column: a count, or a scale's results, or one band of a scale. */
	public record Column(Kind kind, String scaleId, String level) {
	}

	/** A row: a school, a district, or the totals (id null). */
	public record Line(Long id, String name, List<Count> cells) {

		public boolean total() {
			return id == null;
		}
	}

	/** A cell's count; shown or not, and if not, why. */
	public record Count(long value, Suppression.Hidden hidden) {

		public boolean shown() {
			return hidden == Suppression.Hidden.SHOWN;
		}

		/** "<5" under five, "—" hidden so that a sum does not reveal another cell. */
		public String text() {
			return switch (hidden) {
				case SHOWN -> Long.toString(value);
				case UNDER_MIN -> "<" + Suppression.MIN;
				case COMPLEMENT -> "—";
			};
		}
	}
}
