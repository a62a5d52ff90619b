package org.mindgrid.screening.scales;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mindgrid.screening.scales.ScaleAnswers.all;
import static org.mindgrid.screening.scales.ScaleAnswers.factor;
import static org.mindgrid.screening.scales.ScaleAnswers.with;

/**
 * MHRSP worked by hand: 80 items rated 0 (没有) / 1 (偶尔) / 2 (经常); subscale = sum of its 10 items (0-20), bands
 * only for subscales: normal [0,10) problem [10,20]; the total (0-160) has no band; CUTOFF at problem (a subscale
 * >= 10); critical items 50 and 70 (>= 1, urgent "alert"), 15 (== 2, a follow-up: not urgent).
 */
class MhrspScoringTests {

	private final Scales scales = ScaleFilesTests.SCALES;

	private final Scale mhrsp = scales.get("mhrsp");

	/** Items 1-10. */
	private final ScaleFactor learning = mhrsp.factor("learning_disorder").orElseThrow();

	private ScaleScore score(Map<Integer, Integer> answers) {
		return scales.score(mhrsp, answers);
	}

	@Test
	void allMinimum() {
		// 80 x 0 = 0, band null; every subscale 0 -> normal
		ScaleScore s = score(all(mhrsp, 0));
		assertThat(s.total()).isEqualTo(0.0);
		assertThat(s.band()).isNull();
		assertThat(s.factors()).hasSize(8).allSatisfy((id, v) -> assertThat(v).isEqualTo(0.0));
		assertThat(s.factorBands()).hasSize(8).allSatisfy((id, b) -> assertThat(b).isEqualTo("normal"));
		assertThat(s.flags()).isEmpty();
	}

	@Test
	void allMaximum() {
		// 80 x 2 = 160, band null; every subscale 10 x 2 = 20 -> problem; 15 == 2, 50 >= 1, 70 >= 1
		ScaleScore s = score(all(mhrsp, 2));
		assertThat(s.total()).isEqualTo(160.0);
		assertThat(s.band()).isNull();
		assertThat(s.factors()).allSatisfy((id, v) -> assertThat(v).isEqualTo(20.0));
		assertThat(s.factorBands()).allSatisfy((id, b) -> assertThat(b).isEqualTo("problem"));
		assertThat(s.flags()).containsExactly("CUTOFF", "CRITICAL:15", "CRITICAL:50", "CRITICAL:70");
		assertThat(s.urgent()).isTrue();
	}

	@Test
	void mixedPattern() {
		// item no -> no mod 3 (1, 2, 0, 1, 2, 0, ...); total 26 x 3 + (79 mod 3 = 1) + (80 mod 3 = 2) = 81
		Map<Integer, Integer> answers = new LinkedHashMap<>();
		for (int no = 1; no <= 80; no++) {
			answers.put(no, no % 3);
		}
		ScaleScore s = score(answers);
		assertThat(s.total()).isEqualTo(81.0);
		assertThat(s.band()).isNull();
		// A 1-10: 1+2+0+1+2+0+1+2+0+1 = 10 problem; B 11-20: 2+0+1+2+0+1+2+0+1+2 = 11 problem;
		// C 21-30: 0+1+2+0+1+2+0+1+2+0 = 9 normal; D 31-40 = 10 problem (as A); E 41-50 = 11 problem (as B);
		// F 51-60 = 9 normal (as C); G 61-70 = 10 problem; H 71-80 = 11 problem. 10+11+9+10+11+9+10+11 = 81
		assertThat(s.factors()).containsExactly(Map.entry("learning_disorder", 10.0),
				Map.entry("emotional_disorder", 11.0), Map.entry("personality_defect", 9.0),
				Map.entry("social_adaptation_disorder", 10.0), Map.entry("moral_defect", 11.0),
				Map.entry("bad_habits", 9.0), Map.entry("behavior_disorder", 10.0),
				Map.entry("special_disorder", 11.0));
		assertThat(s.factorBands()).containsEntry("personality_defect", "normal").containsEntry("bad_habits", "normal")
				.containsEntry("learning_disorder", "problem");
		// item 15 = 0 (not 2), item 50 = 2 >= 1, item 70 = 1 >= 1
		assertThat(s.flags()).containsExactly("CUTOFF", "CRITICAL:50", "CRITICAL:70");
		assertThat(s.urgent()).isTrue();
	}

	@Test
	void subscaleEdges() {
		// A: 2+2+2+2+1+0+0+0+0+0 = 9 -> normal, total 9, no flag
		ScaleScore s = score(factor(all(mhrsp, 0), learning, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0));
		assertThat(s.factors()).containsEntry("learning_disorder", 9.0);
		assertThat(s.factorBands()).containsEntry("learning_disorder", "normal");
		assertThat(s.total()).isEqualTo(9.0);
		assertThat(s.flags()).isEmpty();
		// A: 2+2+2+2+2+0+0+0+0+0 = 10 -> problem = flag level: CUTOFF; total 10, still no total band
		s = score(factor(all(mhrsp, 0), learning, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0));
		assertThat(s.factors()).containsEntry("learning_disorder", 10.0);
		assertThat(s.factorBands()).containsEntry("learning_disorder", "problem")
				.containsEntry("emotional_disorder", "normal");
		assertThat(s.band()).isNull();
		assertThat(s.flags()).containsExactly("CUTOFF");
		// A: 10 x 2 = 20 -> problem (closed last band [10, 20])
		s = score(factor(all(mhrsp, 0), learning, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2));
		assertThat(s.factors()).containsEntry("learning_disorder", 20.0);
		assertThat(s.factorBands()).containsEntry("learning_disorder", "problem");
		// 1 on every item: 80, every subscale 10 -> problem; 15 = 1 is not == 2, 50 and 70 = 1 are hits
		s = score(all(mhrsp, 1));
		assertThat(s.total()).isEqualTo(80.0);
		assertThat(s.band()).isNull();
		assertThat(s.factorBands()).allSatisfy((id, b) -> assertThat(b).isEqualTo("problem"));
		assertThat(s.flags()).containsExactly("CUTOFF", "CRITICAL:50", "CRITICAL:70");
	}

	@Test
	void criticalItemsAtThresholdMinusOneAndAtThreshold() {
		// 15 = 1 (threshold 2 - 1): nothing
		assertThat(score(with(all(mhrsp, 0), 15, 1)).flags()).isEmpty();
		// 15 = 2: a follow-up, shown for review, not urgent; emotional_disorder 2 normal
		ScaleScore s = score(with(all(mhrsp, 0), 15, 2));
		assertThat(s.flags()).containsExactly("CRITICAL:15");
		assertThat(s.urgent()).isFalse();
		assertThat(s.flagged()).isTrue();
		assertThat(s.factors()).containsEntry("emotional_disorder", 2.0);
		// 50 = 0 / 1
		assertThat(score(with(all(mhrsp, 0), 50, 0)).flags()).isEmpty();
		s = score(with(all(mhrsp, 0), 50, 1));
		assertThat(s.flags()).containsExactly("CRITICAL:50");
		assertThat(s.urgent()).isTrue();
		// 70 = 0 / 1
		assertThat(score(with(all(mhrsp, 0), 70, 0)).flags()).isEmpty();
		s = score(with(all(mhrsp, 0), 70, 1));
		assertThat(s.flags()).containsExactly("CRITICAL:70");
		assertThat(s.urgent()).isTrue();
		// 15 = 2 and 70 = 1: urgent because of 70; item order
		s = score(with(all(mhrsp, 0), 70, 1, 15, 2));
		assertThat(s.flags()).containsExactly("CRITICAL:15", "CRITICAL:70");
		assertThat(s.urgent()).isTrue();
	}
}
