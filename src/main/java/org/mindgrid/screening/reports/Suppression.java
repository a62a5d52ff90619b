package org.mindgrid.screening.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression of an aggregate table (district and city reports): a count under {@link #MIN} students is
 * never shown (primary suppression; zero is under five too), and where a published sum would give hidden cells
 * back by difference more cells are hidden (complementary suppression). Sums considered: each row's groups (the
 * band counts of a scale add up to its completed count) and each column (the rows add up to the totals row). In
 * every such set that has a hidden cell, the smallest visible cell is hidden while only one cell is hidden or the
 * hidden cells together hold fewer than five students (so that "30 completed, 30 normal, the rest hidden" cannot
 * tell that the rest are all zero). A reader learns at most a sum of at least five over two or more cells.
 */
public final class Suppression {

	public static final int MIN = 5;

	/** Why a cell is not shown. */
	public enum Hidden {
		SHOWN, UNDER_MIN, COMPLEMENT
	}

	private Suppression() {
	}

	/**
	 * @param values rows × columns; the last row is the totals row (the column sums of the rows above)
	 * @param groups per group its column indices; the first index is the sum of the others (e.g. completed, then
	 *        the bands)
	 */
	public static Hidden[][] apply(long[][] values, List<int[]> groups) {
		int rows = values.length;
		int cols = rows == 0 ? 0 : values[0].length;
		Hidden[][] hidden = new Hidden[rows][cols];
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < cols; c++) {
				hidden[r][c] = values[r][c] < MIN ? Hidden.UNDER_MIN : Hidden.SHOWN;
			}
		}
		List<int[][]> sets = new ArrayList<>();
		java.util.Map<int[][], int[]> sums = new java.util.IdentityHashMap<>();
		for (int r = 0; r < rows; r++) {
			for (int[] group : groups) {
				int[][] set = new int[group.length][];
				for (int i = 0; i < group.length; i++) {
					set[i] = new int[] { r, group[i] };
				}
				sets.add(set);
				sums.put(set, set[0]);
			}
		}
		if (rows > 1) {
			for (int c = 0; c < cols; c++) {
				int[][] set = new int[rows][];
				for (int r = 0; r < rows; r++) {
					set[r] = new int[] { r, c };
				}
				sets.add(set);
				sums.put(set, set[rows - 1]);
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int[][] set : sets) {
				int count = 0;
				long sum = 0;
				for (int[] cell : set) {
					if (hidden[cell[0]][cell[1]] != Hidden.SHOWN) {
						count++;
						sum += values[cell[0]][cell[1]];
					}
				}
				if (count == 0 || (count > 1 && sum >= MIN)) {
					continue;
				}
				// the sum cell of the set (a scale's results, the totals row) goes last: it is the useful one
				int[] sumCell = sums.get(set);
				int[] smallest = null;
				for (int[] cell : set) {
					if (cell != sumCell && hidden[cell[0]][cell[1]] == Hidden.SHOWN
							&& (smallest == null || values[cell[0]][cell[1]] < values[smallest[0]][smallest[1]])) {
						smallest = cell;
					}
				}
				if (smallest == null && hidden[sumCell[0]][sumCell[1]] == Hidden.SHOWN) {
					smallest = sumCell;
				}
				if (smallest != null) {
					hidden[smallest[0]][smallest[1]] = Hidden.COMPLEMENT;
					changed = true;
				}
			}
		}
		return hidden;
	}
}
