package org.mindgrid.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of checking the audit chains of some days: how many rows were checked, each day's last hash (to note
 * down outside the system) and, per broken day, the first row that fails. It names rows by id and position only,
 * never by their contents.
 */
public record ChainCheck(LocalDate from, LocalDate to, long rows, List<Day> days, List<Break> breaks) {

	public ChainCheck {
		days = List.copyOf(days);
		breaks = List.copyOf(breaks);
	}

	public boolean intact() {
		return breaks.isEmpty();
	}

	/** The earliest break, or null when every chain is intact. */
	public Break firstBreak() {
		return breaks.isEmpty() ? null : breaks.get(0);
	}

	/** One day's chain: its rows, its last position and hash as the head records them, and whether it holds. */
	public record Day(LocalDate day, long rows, long lastSeq, String lastHash, boolean intact) {
	}

	/**
	 * Where a chain first fails. {@code eventId} is the row that fails the check (for {@link Kind#ROWS_MISSING_AT_END}
	 * the last row still there, or null); {@code seq} is the position the check expected.
	 */
	public record Break(LocalDate day, Long eventId, long seq, Kind kind) {
	}

	public enum Kind {

		/** The row's contents no longer match its hash: the row was changed. */
		ALTERED,

		/** The row does not point to the hash of the row before it: that row was replaced or a row was put in. */
		LINK_BROKEN,

		/** Positions before this row are missing: rows were removed. */
		ROWS_MISSING,

		/** The chain head records more rows than are there: the newest rows were removed. */
		ROWS_MISSING_AT_END,

		/** Rows exist for a day without a chain head: the head was removed. */
		HEAD_MISSING
	}
}
