package org.mindgrid.screening.scales;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mindgrid.screening.scales.ScaleAnswers.all;
import static org.mindgrid.screening.scales.ScaleAnswers.factor;
import static org.mindgrid.screening.scales.ScaleAnswers.with;

/**
 * MSSMHS worked by hand: 60 items 1-5; factor = sum of its 6 items / 6, total = sum of 60 / 60 (floating point);
 * bands for both: normal [1,2) mild [2,3) moderate [3,4) severe [4,5) very_severe [5,5]; CUTOFF at moderate (a factor
 * or the total mean >= 3, the policy; the file's attention threshold 2 would flag most students); critical items 57
 * (>= 2) and 52 (>= 4), both urgent.
 */
class MssmhsScoringTests {

	private static final double EPS = 1e-9;

	private final Scales scales = ScaleFilesTests.SCALES;

	private final Scale mssmhs = scales.get("mssmhs");

	/** Items 3, 10, 12, 22, 23, 48: no critical item among them. */
	private final ScaleFactor oc = mssmhs.factor("obsessive_compulsive").orElseThrow();

	private ScaleScore score(Map<Integer, Integer> answers) {
		return scales.score(mssmhs, answers);
	}

	@Test
	void allMinimum() {
		// 60 x 1 / 60 = 1.0 -> normal; every factor 6 x 1 / 6 = 1.0 -> normal
		ScaleScore s = score(all(mssmhs, 1));
		assertThat(s.total()).isEqualTo(1.0);
		assertThat(s.band()).isEqualTo("normal");
		assertThat(s.factors()).hasSize(10).allSatisfy((id, v) -> assertThat(v).isEqualTo(1.0));
		assertThat(s.factorBands()).hasSize(10).allSatisfy((id, b) -> assertThat(b).isEqualTo("normal"));
		assertThat(s.flags()).isEmpty();
	}

	@Test
	void allMaximum() {
		// 60 x 5 / 60 = 5.0 -> very_severe (closed last band [5,5]); items 52 = 5 >= 4 and 57 = 5 >= 2
		ScaleScore s = score(all(mssmhs, 5));
		assertThat(s.total()).isEqualTo(5.0);
		assertThat(s.band()).isEqualTo("very_severe");
		assertThat(s.factorBands()).allSatisfy((id, b) -> assertThat(b).isEqualTo("very_severe"));
		assertThat(s.flags()).containsExactly("CUTOFF", "CRITICAL:52", "CRITICAL:57");
		assertThat(s.urgent()).isTrue();
	}

	@Test
	void mixedPattern() {
		// item no -> 1 + (no mod 3): 2, 3, 1, 2, 3, 1, ... ; total 20 x (2+3+1) = 120 / 60 = 2.0 -> mild
		Map<Integer, Integer> answers = new java.util.LinkedHashMap<>();
		for (int no = 1; no <= 60; no++) {
			answers.put(no, 1 + no % 3);
		}
		ScaleScore s = score(answers);
		assertThat(s.total()).isEqualTo(2.0);
		assertThat(s.band()).isEqualTo("mild");
		// obsessive_compulsive 3,10,12,22,23,48: 1+2+1+2+3+1 = 10 / 6 = 1.6667 normal
		assertFactor(s, "obsessive_compulsive", 10.0 / 6, "normal");
		// paranoia 11,20,24,26,47,49: 3+3+1+3+3+2 = 15 / 6 = 2.5 mild
		assertFactor(s, "paranoia", 2.5, "mild");
		// hostility 19,21,25,50,52,58: 2+1+2+3+2+2 = 12 / 6 = 2.0 mild (item 52 = 2 < 4)
		assertFactor(s, "hostility", 2.0, "mild");
		// interpersonal_sensitivity 4,17,18,45,51,59: 2+3+1+1+1+3 = 11 / 6 = 1.8333 normal
		assertFactor(s, "interpersonal_sensitivity", 11.0 / 6, "normal");
		// depression 5,13,14,16,44,57: 3+2+3+2+3+1 = 14 / 6 = 2.3333 mild (item 57 = 1 < 2)
		assertFactor(s, "depression", 14.0 / 6, "mild");
		// anxiety 6,15,34,43,46,56: 1+1+2+2+2+3 = 11 / 6 = 1.8333 normal
		assertFactor(s, "anxiety", 11.0 / 6, "normal");
		// academic_pressure 31,33,36,38,40,55: 2+1+1+3+2+2 = 11 / 6 = 1.8333 normal
		assertFactor(s, "academic_pressure", 11.0 / 6, "normal");
		// maladjustment 1,8,9,29,39,41: 2+3+1+3+1+3 = 13 / 6 = 2.1667 mild
		assertFactor(s, "maladjustment", 13.0 / 6, "mild");
		// emotional_imbalance 2,7,27,32,35,53: 3+2+1+3+3+3 = 15 / 6 = 2.5 mild
		assertFactor(s, "emotional_imbalance", 2.5, "mild");
		// psychological_imbalance 28,30,37,42,54,60: 2+1+2+1+1+1 = 8 / 6 = 1.3333 normal
		assertFactor(s, "psychological_imbalance", 8.0 / 6, "normal");
		// every mean < 3: no cutoff (the file's attention threshold 2 would have flagged it)
		assertThat(s.flags()).isEmpty();
	}

	private static void assertFactor(ScaleScore s, String id, double value, String band) {
		assertThat(s.factors().get(id)).as(id).isCloseTo(value, within(EPS));
		assertThat(s.factorBands().get(id)).as(id).isEqualTo(band);
	}

	@Test
	void factorMeanEdges() {
		// the other 54 items 1: total = (54 + factor sum) / 60
		// 2+2+2+2+2+1 = 11 / 6 = 1.8333 -> normal; total 65 / 60 = 1.0833
		assertOc(factor(all(mssmhs, 1), oc, 2, 2, 2, 2, 2, 1), 11.0 / 6, "normal", 65.0 / 60, false);
		// 6 x 2 = 12 / 6 = 2.0 -> mild; total 66 / 60 = 1.1
		assertOc(factor(all(mssmhs, 1), oc, 2, 2, 2, 2, 2, 2), 2.0, "mild", 1.1, false);
		// 3+3+3+3+3+2 = 17 / 6 = 2.8333 ("2.99" printed) -> mild, below the flag level
		assertOc(factor(all(mssmhs, 1), oc, 3, 3, 3, 3, 3, 2), 17.0 / 6, "mild", 71.0 / 60, false);
		// 6 x 3 = 18 / 6 = 3.0 -> moderate = flag level: CUTOFF from one factor; total 72 / 60 = 1.2 normal
		assertOc(factor(all(mssmhs, 1), oc, 3, 3, 3, 3, 3, 3), 3.0, "moderate", 1.2, true);
		// 4+4+4+4+4+3 = 23 / 6 = 3.8333 -> moderate
		assertOc(factor(all(mssmhs, 1), oc, 4, 4, 4, 4, 4, 3), 23.0 / 6, "moderate", 77.0 / 60, true);
		// 6 x 4 = 24 / 6 = 4.0 -> severe
		assertOc(factor(all(mssmhs, 1), oc, 4, 4, 4, 4, 4, 4), 4.0, "severe", 78.0 / 60, true);
		// 5+5+5+5+5+4 = 29 / 6 = 4.8333 ("4.99" printed) -> severe
		assertOc(factor(all(mssmhs, 1), oc, 5, 5, 5, 5, 5, 4), 29.0 / 6, "severe", 83.0 / 60, true);
		// 6 x 5 = 30 / 6 = 5.0 -> very_severe; total 84 / 60 = 1.4
		assertOc(factor(all(mssmhs, 1), oc, 5, 5, 5, 5, 5, 5), 5.0, "very_severe", 1.4, true);
	}

	private void assertOc(Map<Integer, Integer> answers, double mean, String band, double total, boolean cutoff) {
		ScaleScore s = score(answers);
		assertFactor(s, "obsessive_compulsive", mean, band);
		assertThat(s.total()).isCloseTo(total, within(EPS));
		assertThat(s.band()).isEqualTo("normal");
		s.factorBands().forEach((id, b) -> assertThat(b).as(id)
				.isEqualTo(id.equals("obsessive_compulsive") ? band : "normal"));
		assertThat(s.flags()).isEqualTo(cutoff ? List.of("CUTOFF") : List.of());
	}

	@Test
	void totalMeanEdges() {
		// 59 x 2 + 1 (item 57) = 119 / 60 = 1.9833 -> normal; depression 2+2+2+2+2+1 = 11 / 6 = 1.8333
		// normal, the other factors 2.0 mild; item 57 = 1 < 2: no critical
		ScaleScore s = score(with(all(mssmhs, 2), 57, 1));
		assertThat(s.total()).isCloseTo(119.0 / 60, within(EPS));
		assertThat(s.band()).isEqualTo("normal");
		assertThat(s.factorBands()).containsEntry("depression", "normal").containsEntry("anxiety", "mild");
		assertThat(s.flags()).isEmpty();
		// 60 x 2 = 120 / 60 = 2.0 -> mild (no cutoff below moderate); item 57 = 2 >= 2: critical, urgent
		s = score(all(mssmhs, 2));
		assertThat(s.total()).isEqualTo(2.0);
		assertThat(s.band()).isEqualTo("mild");
		assertThat(s.flags()).containsExactly("CRITICAL:57");
		assertThat(s.urgent()).isTrue();
		// 58 x 3 + 1 (item 57) + 4 (item 1) = 174 + 5 = 179 / 60 = 2.9833 -> mild; a total this high always has a
		// factor >= 3 (the total mean is the mean of the ten factor means): maladjustment 4+3+3+3+3+3 = 19 / 6
		s = score(with(all(mssmhs, 3), 57, 1, 1, 4));
		assertThat(s.total()).isCloseTo(179.0 / 60, within(EPS));
		assertThat(s.band()).isEqualTo("mild");
		assertFactor(s, "maladjustment", 19.0 / 6, "moderate");
		// depression 3+3+3+3+3+1 = 16 / 6 = 2.6667 mild
		assertFactor(s, "depression", 16.0 / 6, "mild");
		assertThat(s.flags()).containsExactly("CUTOFF");
		// 60 x 3 = 180 / 60 = 3.0 -> moderate = flag level; 57 = 3 >= 2 critical, 52 = 3 < 4 not
		s = score(all(mssmhs, 3));
		assertThat(s.total()).isEqualTo(3.0);
		assertThat(s.band()).isEqualTo("moderate");
		assertThat(s.flags()).containsExactly("CUTOFF", "CRITICAL:57");
		// 59 x 4 + 3 (item 1) = 239 / 60 = 3.9833 -> moderate; 52 = 4 >= 4 and 57 = 4 >= 2
		s = score(with(all(mssmhs, 4), 1, 3));
		assertThat(s.total()).isCloseTo(239.0 / 60, within(EPS));
		assertThat(s.band()).isEqualTo("moderate");
		assertThat(s.flags()).containsExactly("CUTOFF", "CRITICAL:52", "CRITICAL:57");
		// 60 x 4 = 240 / 60 = 4.0 -> severe
		s = score(all(mssmhs, 4));
		assertThat(s.total()).isEqualTo(4.0);
		assertThat(s.band()).isEqualTo("severe");
		// 59 x 5 + 4 (item 1) = 299 / 60 = 4.9833 -> severe; maladjustment 4+5+5+5+5+5 = 29 / 6 = 4.8333 severe
		s = score(with(all(mssmhs, 5), 1, 4));
		assertThat(s.total()).isCloseTo(299.0 / 60, within(EPS));
		assertThat(s.band()).isEqualTo("severe");
		assertFactor(s, "maladjustment", 29.0 / 6, "severe");
		// 300 / 60 = 5.0 -> very_severe: see allMaximum
	}

	@Test
	void criticalItemsAtThresholdMinusOneAndAtThreshold() {
		// item 57 = 1 (threshold 2 - 1): all 1 -> nothing
		assertThat(score(with(all(mssmhs, 1), 57, 1)).flags()).isEmpty();
		// item 57 = 2: depression (5 x 1 + 2) = 7 / 6 = 1.1667 normal, total 61 / 60 = 1.0167 normal; urgent
		ScaleScore s = score(with(all(mssmhs, 1), 57, 2));
		assertThat(s.total()).isCloseTo(61.0 / 60, within(EPS));
		assertFactor(s, "depression", 7.0 / 6, "normal");
		assertThat(s.flags()).containsExactly("CRITICAL:57");
		assertThat(s.urgent()).isTrue();
		// item 52 = 3 (threshold 4 - 1): hostility (5 + 3) / 6 = 1.3333, nothing
		assertThat(score(with(all(mssmhs, 1), 52, 3)).flags()).isEmpty();
		// item 52 = 4: hostility (5 + 4) = 9 / 6 = 1.5 normal; total 59 + 4 = 63 / 60 = 1.05; critical, urgent
		// ("alert")
		s = score(with(all(mssmhs, 1), 52, 4));
		assertFactor(s, "hostility", 1.5, "normal");
		assertThat(s.total()).isCloseTo(1.05, within(EPS));
		assertThat(s.flags()).containsExactly("CRITICAL:52");
		assertThat(s.urgent()).isTrue();
	}

	@Test
	void zeroIsNotAnOption() {
		// options are 1-5: a 0 (the PHP implementation's pitfall) is refused
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> score(with(all(mssmhs, 1), 3, 0)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answers.3");
	}
}
