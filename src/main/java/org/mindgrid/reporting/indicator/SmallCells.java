package org.mindgrid.reporting.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of students as a bureau may see them (issue 12 point 8, ADR 0033): 1 to 4 shows as "&lt;5", and the row's
 * total does not give a lone hidden cell away. With exactly one hidden cell an exact total would tell it (total minus
 * the others), and two hidden cells of 1 each would show as a total 2 above the others; so a row with a hidden cell
 * shows its total as "≥ n", n being the smallest total the shown cells allow (each hidden cell at least 1).
 */
public final class SmallCells {

	public static final String HIDDEN = "<5";

	public record Row(List<String> cells, String total) {
	}

	private SmallCells() {
	}

	/** One count: 0 and 5 or more as they are, 1 to 4 hidden. */
	public static String cell(long n) {
		return n > 0 && n < 5 ? HIDDEN : Long.toString(n);
	}

	public static Row row(long... counts) {
		List<String> cells = new ArrayList<>();
		long total = 0;
		long shown = 0;
		int hidden = 0;
		for (long n : counts) {
			String c = cell(n);
			cells.add(c);
			total += n;
			if (HIDDEN.equals(c)) {
				hidden++;
			}
			else {
				shown += n;
			}
		}
		String sum = cell(total);
		if (hidden > 0 && !HIDDEN.equals(sum)) {
			sum = "≥" + (shown + hidden);
		}
		return new Row(List.copyOf(cells), sum);
	}
}
