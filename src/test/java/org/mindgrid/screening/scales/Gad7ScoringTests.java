package org.mindgrid.screening.scales;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mindgrid.screening.scales.ScaleAnswers.all;
import static org.mindgrid.screening.scales.ScaleAnswers.values;

/**
 * GAD-7 worked by hand: 7 items 0-3, total = sum (0-21); bands none [0,5) mild [5,10) moderate [10,15) severe
 * [15,21]; the factor anxiety (items 1-7) = the total with the same band; CUTOFF at moderate (>= 10); no critical
 * items.
 */
class Gad7ScoringTests {

	private final Scales scales = ScaleFilesTests.SCALES;

	private final Scale gad7 = scales.get("gad7");

	private ScaleScore score(Map<Integer, Integer> answers) {
		return scales.score(gad7, answers);
	}

	@Test
	void allMinimum() {
		// 7 x 0 = 0 -> none
		ScaleScore s = score(all(gad7, 0));
		assertThat(s.total()).isEqualTo(0.0);
		assertThat(s.band()).isEqualTo("none");
		assertThat(s.factors()).containsExactly(Map.entry("anxiety", 0.0));
		assertThat(s.flags()).isEmpty();
	}

	@Test
	void allMaximum() {
		// 7 x 3 = 21 -> severe (the last band is closed: [15, 21])
		ScaleScore s = score(all(gad7, 3));
		assertThat(s.total()).isEqualTo(21.0);
		assertThat(s.band()).isEqualTo("severe");
		assertThat(s.factorBands()).containsExactly(Map.entry("anxiety", "severe"));
		assertThat(s.flags()).containsExactly("CUTOFF");
		assertThat(s.urgent()).isFalse();
	}

	@Test
	void mixedPattern() {
		// 0+1+2+3+0+1+2 = 9 -> mild, just below the flag level
		ScaleScore s = score(values(0, 1, 2, 3, 0, 1, 2));
		assertThat(s.total()).isEqualTo(9.0);
		assertThat(s.band()).isEqualTo("mild");
		assertThat(s.factors()).containsEntry("anxiety", 9.0);
		assertThat(s.cutoff()).isFalse();
		assertThat(s.flags()).isEmpty();
	}

	@Test
	void bandEdges() {
		// 1+1+1+1+0+0+0 = 4 -> none
		assertBand(values(1, 1, 1, 1, 0, 0, 0), 4, "none", false);
		// 1+1+1+1+1+0+0 = 5 -> mild
		assertBand(values(1, 1, 1, 1, 1, 0, 0), 5, "mild", false);
		// 2+2+2+1+1+1+0 = 9 -> mild
		assertBand(values(2, 2, 2, 1, 1, 1, 0), 9, "mild", false);
		// 2+2+2+2+1+1+0 = 10 -> moderate = flag level: CUTOFF
		assertBand(values(2, 2, 2, 2, 1, 1, 0), 10, "moderate", true);
		// 2+2+2+2+2+2+2 = 14 -> moderate
		assertBand(values(2, 2, 2, 2, 2, 2, 2), 14, "moderate", true);
		// 3+3+3+2+2+1+1 = 15 -> severe
		assertBand(values(3, 3, 3, 2, 2, 1, 1), 15, "severe", true);
		// 3+3+3+3+3+3+2 = 20 -> severe
		assertBand(values(3, 3, 3, 3, 3, 3, 2), 20, "severe", true);
	}

	private void assertBand(Map<Integer, Integer> answers, double total, String band, boolean cutoff) {
		ScaleScore s = score(answers);
		assertThat(s.total()).isEqualTo(total);
		assertThat(s.band()).as("band of " + total).isEqualTo(band);
		assertThat(s.factorBands()).containsEntry("anxiety", band);
		assertThat(s.cutoff()).as("cutoff at " + total).isEqualTo(cutoff);
		assertThat(s.criticalHits()).isEmpty();
	}
}
