package org.mindgrid.screening.reports;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mindgrid.screening.reports.Suppression.Hidden;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells under five are hidden, and a second cell where a row or column sum would give one back. */
class SuppressionTests {

	@Test
	void aCellUnderFiveAndItsComplementInTheRowAreHidden() {
		// columns: results, normal, mild, severe; rows: school A, school B, total
		long[][] v = { { 30, 20, 7, 3 }, { 40, 25, 10, 5 }, { 70, 45, 17, 8 } };
		Hidden[][] h = Suppression.apply(v, List.of(new int[] { 0, 1, 2, 3 }));
		assertThat(h[0][3]).isEqualTo(Hidden.UNDER_MIN);
		// row A: 3 hidden alone would be 30 - 20 - 7; the smallest other (7) is hidden as well
		assertThat(h[0][2]).isEqualTo(Hidden.COMPLEMENT);
		// column severe: A hidden, so B (5) or the total must go too
		long hiddenInSevere = java.util.stream.IntStream.range(0, 3).filter(r -> h[r][3] != Hidden.SHOWN).count();
		assertThat(hiddenInSevere).isGreaterThanOrEqualTo(2);
		assertNoSetRevealsACell(v, h, List.of(new int[] { 0, 1, 2, 3 }));
	}

	@Test
	void zerosBesideAFullBandAreNotLeftToBeWorkedOut() {
		long[][] v = { { 30, 30, 0 }, { 30, 30, 0 } };
		Hidden[][] h = Suppression.apply(v, List.of(new int[] { 0, 1, 2 }));
		assertThat(h[0][2]).isEqualTo(Hidden.UNDER_MIN);
		assertThat(h[0][1]).isNotEqualTo(Hidden.SHOWN);
	}

	@Test
	void largeCellsStayShown() {
		long[][] v = { { 30, 20, 10 }, { 30, 20, 10 } };
		Hidden[][] h = Suppression.apply(v, List.of(new int[] { 0, 1, 2 }));
		for (Hidden[] row : h) {
			assertThat(row).containsOnly(Hidden.SHOWN);
		}
	}

	private static void assertNoSetRevealsACell(long[][] v, Hidden[][] h, List<int[]> groups) {
		for (int r = 0; r < v.length; r++) {
			for (int[] g : groups) {
				int n = 0;
				for (int c : g) {
					n += h[r][c] == Hidden.SHOWN ? 0 : 1;
				}
				assertThat(n).as("row " + r).isNotEqualTo(1);
			}
		}
		for (int c = 0; c < v[0].length; c++) {
			int n = 0;
			for (int r = 0; r < v.length; r++) {
				n += h[r][c] == Hidden.SHOWN ? 0 : 1;
			}
			assertThat(n).as("column " + c).isNotEqualTo(1);
		}
	}
}
