package org.mindgrid.screening.reports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.screening.reports.ReportData.Result;
import org.mindgrid.screening.reports.Stats.Summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Quartiles by type 7 (linear interpolation), checked against values computed by hand. */
class StatsTests {

	@Test
	void fiveNumbersOfAnEvenCountInterpolate() {
		// sorted 1 2 4 7: h(Q1) = 3·0.25 = 0.75 → 1 + 0.75·(2-1) = 1.75; median h = 1.5 → 2 + 0.5·2 = 3;
		// Q3 h = 2.25 → 4 + 0.25·3 = 4.75; mean 14/4 = 3.5
		Summary s = Stats.summary(new double[] { 7, 1, 4, 2 });
		assertThat(s.n()).isEqualTo(4);
		assertThat(s.min()).isEqualTo(1);
		assertThat(s.q1()).isCloseTo(1.75, within(1e-9));
		assertThat(s.median()).isCloseTo(3, within(1e-9));
		assertThat(s.q3()).isCloseTo(4.75, within(1e-9));
		assertThat(s.max()).isEqualTo(7);
		assertThat(s.mean()).isCloseTo(3.5, within(1e-9));
	}

	@Test
	void fiveNumbersOfAnOddCountHitOrderStatistics() {
		// 1 3 5 7 9: h(Q1) = 1 → 3, median 5, Q3 h = 3 → 7
		Summary s = Stats.summary(new double[] { 9, 7, 5, 3, 1 });
		assertThat(List.of(s.min(), s.q1(), s.median(), s.q3(), s.max())).containsExactly(1.0, 3.0, 5.0, 7.0, 9.0);
	}

	@Test
	void oneValueAndNoneAreHandled() {
		Summary one = Stats.summary(new double[] { 2.5 });
		assertThat(List.of(one.min(), one.q1(), one.median(), one.q3(), one.max())).containsOnly(2.5);
		Summary none = Stats.summary(new double[0]);
		assertThat(none.empty()).isTrue();
		assertThat(Double.isNaN(none.median())).isTrue();
	}

	@Test
	void groupStatsCountBandsPerFactorAndTheTotal() {
		var scale = new ScaleCatalog.ScaleInfo("mssmhs", "量表", "Scale", true,
				List.of(new ScaleCatalog.FactorInfo("a", "甲", "A"), new ScaleCatalog.FactorInfo("b", "乙", "B")),
				List.of(new ScaleCatalog.BandInfo("normal", null, null), new ScaleCatalog.BandInfo("mild", null, null)),
				true);
		List<Result> results = List.of(
				new Result(1, 1, 1, "mssmhs", 1.5, "normal", Map.of("a", 1.0, "b", 2.0), Map.of("a", "normal", "b", "mild"), List.of()),
				new Result(2, 1, 1, "mssmhs", 2.5, "mild", Map.of("a", 3.0, "b", 2.0), Map.of("a", "mild", "b", "mild"), List.of("CUTOFF")),
				new Result(3, 1, 1, "other", 9, null, Map.of(), Map.of(), List.of()));
		GroupStats g = GroupStats.of(scale, results);
		assertThat(g.n()).isEqualTo(2);
		assertThat(g.rows()).extracting(GroupStats.Row::factorId).containsExactly("total", "a", "b");
		assertThat(g.row("total").bands()).containsExactly(1, 1);
		assertThat(g.row("a").bands()).containsExactly(1, 1);
		assertThat(g.row("b").bands()).containsExactly(0, 2);
		assertThat(g.row("a").summary().median()).isEqualTo(2.0);
		assertThat(g.row("b").percent(1)).isEqualTo(100.0);
	}
}
