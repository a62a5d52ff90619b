package org.mindgrid.screening.scales;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mindgrid.screening.scales.ScaleAnswers.values;

/**
 * Small test-only files (src/test/resources/screening-test/scales): reverse keying, no policy entry, an observer
 * scale, a mean scale with bands out of file order.
 */
class TestScaleFilesTests {

	private final Scales scales = new Scales("classpath*:screening-test/scales/*.json", null);

	@Test
	void reverseKeyedItemsCountMinPlusMaxMinusTheValue() {
		Scale rev = scales.get("rev");
		// item 2 by "reverse": true, item 4 by scoring.reverse_items
		assertThat(rev.items()).extracting(ScaleItem::reverse).containsExactly(false, true, false, true);
		// options 1-4: reversed value = 1 + 4 - value
		// answers 4, 4, 1, 1 -> scored 4, 5-4=1, 1, 5-1=4; total 4+1+1+4 = 10 -> high (the bands are out of order in
		// the file: sorted low [4,10) high [10,16]); f1 = 4+1 = 5, f2 = 1+4 = 5
		ScaleScore s = scales.score(rev, values(4, 4, 1, 1));
		assertThat(s.total()).isEqualTo(10.0);
		assertThat(s.band()).isEqualTo("high");
		assertThat(s.factors()).containsExactly(Map.entry("f1", 5.0), Map.entry("f2", 5.0));
		// bands not for factors: no factor holds every item
		assertThat(s.factorBands()).isEmpty();
		// no policy: flag at the second band's level (high); item 1 == 4 is a follow-up, not urgent
		assertThat(s.flags()).containsExactly("CUTOFF", "CRITICAL:1");
		assertThat(s.urgent()).isFalse();
		// answers 1, 1, 4, 4 -> scored 1, 4, 4, 1 = 10 -> high again; item 1 = 1: no critical
		assertThat(scales.score(rev, values(1, 1, 4, 4)).flags()).containsExactly("CUTOFF");
		// answers 1, 4, 1, 4 -> scored 1, 1, 1, 1 = 4 -> low (the lowest possible total)
		s = scales.score(rev, values(1, 4, 1, 4));
		assertThat(s.total()).isEqualTo(4.0);
		assertThat(s.band()).isEqualTo("low");
		assertThat(s.flags()).isEmpty();
		// answers 4, 1, 4, 1 -> scored 4, 4, 4, 4 = 16 -> high (closed last band)
		assertThat(scales.score(rev, values(4, 1, 4, 1)).total()).isEqualTo(16.0);
	}

	@Test
	void noPolicyMeansEveryGrade() {
		Scale rev = scales.get("rev");
		assertThat(rev.gradeFrom()).isEqualTo(1);
		assertThat(rev.gradeTo()).isEqualTo(12);
		assertThat(rev.flagLevel()).isEqualTo("high");
		assertThat(rev.fileId()).isEqualTo("REV-4");
		assertThat(rev.mode()).isEqualTo(ScaleMode.SELF_REPORT);
		assertThat(rev.source()).isNull();
	}

	@Test
	void ratingModeAndMeansWithoutFactors() {
		Scale obs = scales.get("obs");
		assertThat(obs.mode()).isEqualTo(ScaleMode.OBSERVER);
		assertThat(obs.factors()).isEmpty();
		// (0 + 1) / 2 = 0.5 -> high ("0.49" printed before "0.5")
		ScaleScore s = scales.score(obs, values(0, 1));
		assertThat(s.total()).isEqualTo(0.5);
		assertThat(s.band()).isEqualTo("high");
		assertThat(s.factors()).isEmpty();
		// 0 / 2 = 0.0 -> low
		assertThat(scales.score(obs, values(0, 0)).band()).isEqualTo("low");
	}

	@Test
	void policyGivesGradesAndFlagLevel() {
		Scales tiny = new Scales("classpath*:screening-bad/valid/*.json", "classpath:screening-bad/policy/good.json");
		Scale s = tiny.get("tiny");
		assertThat(s.gradeFrom()).isEqualTo(4);
		assertThat(s.gradeTo()).isEqualTo(6);
		assertThat(s.validGradeFrom()).isEqualTo(1);
		assertThat(s.validGradeTo()).isEqualTo(6);
		assertThat(s.flagLevel()).isEqualTo("high");
	}
}
