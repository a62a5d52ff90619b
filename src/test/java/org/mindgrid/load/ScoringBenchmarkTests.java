package org.mindgrid.load;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.mindgrid.screening.scales.Scales;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine scores 10,000 completed questionnaires of each scale well under the 10 s. */
class ScoringBenchmarkTests {

	@Test
	void tenThousandQuestionnairesPerScaleUnderTenSeconds() {
		List<ScoringBenchmark.Result> results = ScoringBenchmark.run(new Scales(), 10_000);
		results.forEach(r -> System.out.println("[scoring benchmark] " + r.line()));
		assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r.seconds()).as(r.scaleId()).isLessThan(10.0));
		// random answers: most MSSMHS (mean 3) and MHRSP questionnaires are flagged, PHQ-9 nearly always (item 9)
		assertThat(results).allSatisfy(r -> assertThat(r.flagged()).isPositive());
	}
}
