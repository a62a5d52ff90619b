package org.mindgrid.screening.scales;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mindgrid.screening.scales.ScaleAnswers.all;
import static org.mindgrid.screening.scales.ScaleAnswers.values;

/**
 * PHQ-9 worked by hand: 9 items 0-3, total = sum (0-27); bands none [0,5) mild [5,10) moderate [10,15)
 * moderately_severe [15,20) severe [20,27]; the one factor (depression, items 1-9) gets the same score and band;
 * CUTOFF at moderate (total >= 10); item 9 >= 1 is an urgent critical item.
 */
class Phq9ScoringTests {

	private final Scales scales = ScaleFilesTests.SCALES;

	private final Scale phq9 = scales.get("phq9");

	private ScaleScore score(Map<Integer, Integer> answers) {
		return scales.score(phq9, answers);
	}

	@Test
	void allMinimum() {
		// 9 x 0 = 0 -> none
		ScaleScore s = score(all(phq9, 0));
		assertThat(s.scaleId()).isEqualTo("phq9");
		assertThat(s.total()).isEqualTo(0.0);
		assertThat(s.band()).isEqualTo("none");
		assertThat(s.factors()).containsExactly(Map.entry("depression", 0.0));
		assertThat(s.factorBands()).containsExactly(Map.entry("depression", "none"));
		assertThat(s.flags()).isEmpty();
		assertThat(s.urgent()).isFalse();
		assertThat(s.flagged()).isFalse();
	}

	@Test
	void allMaximum() {
		// 9 x 3 = 27 -> severe; item 9 = 3 >= 1 -> critical, urgent
		ScaleScore s = score(all(phq9, 3));
		assertThat(s.total()).isEqualTo(27.0);
		assertThat(s.band()).isEqualTo("severe");
		assertThat(s.factorBands()).containsEntry("depression", "severe");
		assertThat(s.cutoff()).isTrue();
		assertThat(s.criticalHits()).containsExactly(9);
		assertThat(s.urgent()).isTrue();
		assertThat(s.flags()).containsExactly("CUTOFF", "CRITICAL:9");
	}

	@Test
	void mixedPattern() {
		// 1+2+0+3+1+0+2+1+0 = 10 -> moderate, at the flag level; item 9 = 0
		ScaleScore s = score(values(1, 2, 0, 3, 1, 0, 2, 1, 0));
		assertThat(s.total()).isEqualTo(10.0);
		assertThat(s.band()).isEqualTo("moderate");
		assertThat(s.factors()).containsEntry("depression", 10.0);
		assertThat(s.flags()).containsExactly("CUTOFF");
		assertThat(s.urgent()).isFalse();
	}

	@Test
	void bandEdges() {
		// 1+1+1+1+0+0+0+0+0 = 4 -> none
		assertBand(values(1, 1, 1, 1, 0, 0, 0, 0, 0), 4, "none", false);
		// 1+1+1+1+1+0+0+0+0 = 5 -> mild
		assertBand(values(1, 1, 1, 1, 1, 0, 0, 0, 0), 5, "mild", false);
		// 2+2+2+1+1+1+0+0+0 = 9 -> mild, just below the flag level
		assertBand(values(2, 2, 2, 1, 1, 1, 0, 0, 0), 9, "mild", false);
		// 2+2+2+2+1+1+0+0+0 = 10 -> moderate = the flag level: CUTOFF
		assertBand(values(2, 2, 2, 2, 1, 1, 0, 0, 0), 10, "moderate", true);
		// 2+2+2+2+2+2+1+1+0 = 14 -> moderate
		assertBand(values(2, 2, 2, 2, 2, 2, 1, 1, 0), 14, "moderate", true);
		// 3+3+3+2+2+1+1+0+0 = 15 -> moderately_severe
		assertBand(values(3, 3, 3, 2, 2, 1, 1, 0, 0), 15, "moderately_severe", true);
		// 3+3+3+3+3+2+1+1+0 = 19 -> moderately_severe
		assertBand(values(3, 3, 3, 3, 3, 2, 1, 1, 0), 19, "moderately_severe", true);
		// 3+3+3+3+3+3+1+1+0 = 20 -> severe
		assertBand(values(3, 3, 3, 3, 3, 3, 1, 1, 0), 20, "severe", true);
		// 3+3+3+3+3+3+3+3+0 = 24 -> severe (item 9 kept at 0: no critical)
		assertBand(values(3, 3, 3, 3, 3, 3, 3, 3, 0), 24, "severe", true);
	}

	private void assertBand(Map<Integer, Integer> answers, double total, String band, boolean cutoff) {
		ScaleScore s = score(answers);
		assertThat(s.total()).as("total").isEqualTo(total);
		assertThat(s.band()).as("band of " + total).isEqualTo(band);
		assertThat(s.factorBands()).containsEntry("depression", band);
		assertThat(s.cutoff()).as("cutoff at " + total).isEqualTo(cutoff);
		assertThat(s.criticalHits()).isEmpty();
		assertThat(s.flags()).isEqualTo(cutoff ? List.of("CUTOFF") : List.of());
	}

	@Test
	void item9AtThresholdMinusOneAndAtThreshold() {
		// item 9 = 0 (threshold 1 - 1): total 0, nothing
		assertThat(score(values(0, 0, 0, 0, 0, 0, 0, 0, 0)).flags()).isEmpty();
		// item 9 = 1: total 1 -> none, no cutoff, but critical and urgent whatever the total
		ScaleScore s = score(values(0, 0, 0, 0, 0, 0, 0, 0, 1));
		assertThat(s.total()).isEqualTo(1.0);
		assertThat(s.band()).isEqualTo("none");
		assertThat(s.cutoff()).isFalse();
		assertThat(s.criticalHits()).containsExactly(9);
		assertThat(s.urgent()).isTrue();
		assertThat(s.flags()).containsExactly("CRITICAL:9");
		// 9 with item 9 = 2: 2+2+2+1+0+0+0+0+2 = 9 -> mild, no cutoff, critical
		assertThat(score(values(2, 2, 2, 1, 0, 0, 0, 0, 2)).flags()).containsExactly("CRITICAL:9");
	}

	@Test
	void incompleteOrOutOfRangeAnswersNameTheItems() {
		// item 9 missing: never scored as 0
		assertThatThrownBy(() -> score(values(0, 0, 0, 0, 0, 0, 0, 0)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answers.9");
		ScaleAnswerException ex = (ScaleAnswerException) catchThrowable(
				() -> score(ScaleAnswers.with(values(0, 0, 0, 0, 0, 0, 0, 0, 0), 3, 4, 10, 1)));
		assertThat(ex.fields()).containsExactly("answers.3", "answers.10");
		assertThat(ex.outOfRange()).containsExactly(Map.entry(3, 4));
		assertThat(ex.unknown()).containsExactly(10);
		assertThat(ex.getMessage()).contains("answers.3: 4 is not one of the options (0, 1, 2, 3)");
		Map<Integer, Integer> withNull = new java.util.HashMap<>(values(0, 0, 0, 0, 0, 0, 0, 0, 0));
		withNull.put(2, null);
		assertThatThrownBy(() -> score(withNull)).isInstanceOf(ScaleAnswerException.class)
				.hasMessageContaining("missing items: answers.2");
	}

	@Test
	void partialAnswersAreCheckedForRangeOnly() {
		scales.check(phq9, values(0, 3), false);
		assertThatThrownBy(() -> scales.check(phq9, values(0, 3), true)).isInstanceOf(ScaleAnswerException.class)
				.hasMessageContaining("answers.3").hasMessageContaining("answers.9");
		assertThatThrownBy(() -> scales.check(phq9, values(0, -1), false))
				.isInstanceOf(ScaleAnswerException.class).hasMessageContaining("answers.2");
	}

	private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		return org.assertj.core.api.Assertions.catchThrowable(call);
	}
}
