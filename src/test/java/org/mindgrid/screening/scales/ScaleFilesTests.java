package org.mindgrid.screening.scales;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The four shipped scale files load as the policy and the files say. */
class ScaleFilesTests {

	static final Scales SCALES = new Scales();

	@Test
	void loadsTheFourScalesByFileName() {
		assertThat(SCALES.all()).extracting(Scale::id).containsExactly("gad7", "mhrsp", "mssmhs", "phq9");
		assertThat(SCALES.get("phq9").fileId()).isEqualTo("PHQ-9");
		assertThat(SCALES.find("PHQ-9")).isEmpty();
		assertThat(SCALES.find(null)).isEmpty();
		assertThatThrownBy(() -> SCALES.get("mht")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("mht");
	}

	@Test
	void itemsOptionsAndFactorsAsInTheFiles() {
		Scale mssmhs = SCALES.get("mssmhs");
		assertThat(mssmhs.itemCount()).isEqualTo(60);
		assertThat(mssmhs.factors()).hasSize(10).allSatisfy(f -> assertThat(f.items()).hasSize(6));
		assertThat(mssmhs.method()).isEqualTo(ScoreMethod.MEAN);
		assertThat(mssmhs.options()).extracting(ScaleOption::value).containsExactly(1, 2, 3, 4, 5);
		assertThat(mssmhs.factor("obsessive_compulsive").orElseThrow().items()).containsExactly(3, 10, 12, 22, 23,
				48);
		Scale mhrsp = SCALES.get("mhrsp");
		assertThat(mhrsp.itemCount()).isEqualTo(80);
		assertThat(mhrsp.factors()).hasSize(8).allSatisfy(f -> assertThat(f.items()).hasSize(10));
		assertThat(mhrsp.options()).extracting(ScaleOption::value).containsExactly(2, 1, 0);
		assertThat(mhrsp.minValue()).isZero();
		assertThat(mhrsp.maxValue()).isEqualTo(2);
		assertThat(SCALES.get("phq9").itemCount()).isEqualTo(9);
		assertThat(SCALES.get("gad7").itemCount()).isEqualTo(7);
		assertThat(SCALES.all()).allSatisfy(s -> {
			assertThat(s.items()).noneMatch(ScaleItem::reverse);
			assertThat(s.method()).isEqualTo(s.id().equals("mssmhs") ? ScoreMethod.MEAN : ScoreMethod.SUM);
			assertThat(s.licenseNote()).isNotBlank();
			assertThat(s.source()).isNotBlank();
		});
	}

	@Test
	void modesFromTheAdministration() {
		assertThat(SCALES.get("mhrsp").mode()).isEqualTo(ScaleMode.OBSERVER);
		assertThat(SCALES.get("mhrsp").observer()).isTrue();
		assertThat(SCALES.get("mssmhs").mode()).isEqualTo(ScaleMode.SELF_REPORT);
		// no "administration" in these two files
		assertThat(SCALES.get("phq9").mode()).isEqualTo(ScaleMode.SELF_REPORT);
		assertThat(SCALES.get("gad7").mode()).isEqualTo(ScaleMode.SELF_REPORT);
	}

	@Test
	void gradesAndFlagLevelsFromThePolicy() {
		Scale mhrsp = SCALES.get("mhrsp");
		assertThat(List.of(mhrsp.gradeFrom(), mhrsp.gradeTo(), mhrsp.validGradeFrom(), mhrsp.validGradeTo()))
				.containsExactly(4, 6, 1, 6);
		assertThat(mhrsp.defaultFor(3)).isFalse();
		assertThat(mhrsp.validFor(3)).isTrue();
		assertThat(mhrsp.defaultFor(4)).isTrue();
		assertThat(mhrsp.validFor(7)).isFalse();
		for (String id : List.of("mssmhs", "phq9", "gad7")) {
			Scale s = SCALES.get(id);
			assertThat(List.of(s.gradeFrom(), s.gradeTo())).as(id).containsExactly(7, 12);
		}
		assertThat(mhrsp.flagLevel()).isEqualTo("problem");
		assertThat(SCALES.get("mssmhs").flagLevel()).isEqualTo("moderate");
		assertThat(SCALES.get("phq9").flagLevel()).isEqualTo("moderate");
		assertThat(SCALES.get("gad7").flagLevel()).isEqualTo("moderate");
	}

	@Test
	void bandsAreHalfOpenAndApplyWhereTheFilesSay() {
		Scale mssmhs = SCALES.get("mssmhs");
		// bands_apply_to "both": factors and total; 1.99 / 2.0 printed -> [1,2) [2,3) [3,4) [4,5) [5,5]
		assertThat(mssmhs.totalBands()).isEqualTo(mssmhs.factorBands());
		assertThat(mssmhs.totalBands()).extracting(ScoreBand::level).containsExactly("normal", "mild", "moderate",
				"severe", "very_severe");
		assertThat(mssmhs.totalBands()).extracting(ScoreBand::max).containsExactly(2.0, 3.0, 4.0, 5.0, 5.0);
		assertThat(mssmhs.totalBands()).extracting(ScoreBand::maxInclusive).containsExactly(false, false, false,
				false, true);
		assertThat(mssmhs.totalBand(1.995).level()).isEqualTo("normal");
		assertThat(mssmhs.totalBand(4.999).level()).isEqualTo("severe");
		assertThat(mssmhs.totalBand(5.0).level()).isEqualTo("very_severe");
		// "each subscale": factors only; the total (0-160) has no band
		Scale mhrsp = SCALES.get("mhrsp");
		assertThat(mhrsp.totalBands()).isEmpty();
		assertThat(mhrsp.factorBands()).extracting(ScoreBand::level).containsExactly("normal", "problem");
		assertThat(mhrsp.factorBands().get(0).contains(9.5)).isTrue();
		assertThat(mhrsp.factorBands().get(1).contains(20)).isTrue();
		assertThat(mhrsp.factorBands().get(1).contains(20.5)).isFalse();
		// no applies_to: the total, and the one factor holding every item
		Scale phq9 = SCALES.get("phq9");
		assertThat(phq9.totalBands()).extracting(ScoreBand::level).containsExactly("none", "mild", "moderate",
				"moderately_severe", "severe");
		assertThat(phq9.factorBands()).isEqualTo(phq9.totalBands());
		assertThat(phq9.totalBands()).extracting(ScoreBand::min).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0);
		assertThat(SCALES.get("gad7").totalBands()).extracting(ScoreBand::level).containsExactly("none", "mild",
				"moderate", "severe");
	}

	@Test
	void criticalItemsParsedFromTheRules() {
		assertThat(SCALES.get("phq9").criticalItems()).singleElement().satisfies(c -> {
			assertThat(c.itemNo()).isEqualTo(9);
			assertThat(c.operator()).isEqualTo(">=");
			assertThat(c.threshold()).isEqualTo(1);
			assertThat(c.urgent()).isTrue();
			assertThat(c.ruleText()).startsWith("value >= 1");
			assertThat(c.ruleBasis()).contains("GLAD-PC");
		});
		assertThat(SCALES.get("mssmhs").criticalItems()).extracting(CriticalItem::itemNo, CriticalItem::operator,
				CriticalItem::threshold, CriticalItem::urgent)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(52, ">=", 4, true),
						org.assertj.core.groups.Tuple.tuple(57, ">=", 2, true));
		assertThat(SCALES.get("mhrsp").criticalItems()).extracting(CriticalItem::itemNo, CriticalItem::operator,
				CriticalItem::threshold, CriticalItem::urgent)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(15, "==", 2, false),
						org.assertj.core.groups.Tuple.tuple(50, ">=", 1, true),
						org.assertj.core.groups.Tuple.tuple(70, ">=", 1, true));
		assertThat(SCALES.get("gad7").criticalItems()).isEmpty();
		CriticalItem item15 = SCALES.get("mhrsp").criticalItem(15).orElseThrow();
		assertThat(item15.hits(1)).isFalse();
		assertThat(item15.hits(2)).isTrue();
	}

	@Test
	void everyBandLevelAndModeHasWordsInBothBundles() throws java.io.IOException {
		for (String bundle : List.of("i18n/screening.properties", "i18n/screening_en.properties")) {
			java.util.Properties words = new java.util.Properties();
			try (var in = new java.io.InputStreamReader(
					new org.springframework.core.io.ClassPathResource(bundle).getInputStream(),
					java.nio.charset.StandardCharsets.UTF_8)) {
				words.load(in);
			}
			for (Scale s : SCALES.all()) {
				java.util.stream.Stream.concat(s.totalBands().stream(), s.factorBands().stream())
						.forEach(b -> assertThat(words).as(bundle).containsKey("screening.band." + b.level()));
			}
			for (ScaleMode mode : ScaleMode.values()) {
				assertThat(words).as(bundle).containsKey("screening.mode." + mode);
			}
			assertThat(words).as(bundle).containsKeys("screening.critical.disclaimer", "screening.flag.CUTOFF",
					"screening.flag.CRITICAL");
		}
	}

	@Test
	void wordsInTheReadersLanguageWithChineseWhereNoEnglishExists() {
		Scale phq9 = SCALES.get("phq9");
		assertThat(phq9.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("患者健康问卷抑郁量表（PHQ-9）");
		assertThat(phq9.name(Locale.ENGLISH)).isEqualTo("Patient Health Questionnaire-9");
		assertThat(phq9.itemText(9, Locale.ENGLISH)).startsWith("Thoughts that you would be better off dead");
		assertThat(phq9.itemText(9, Locale.CHINA)).isEqualTo("有不如死掉或用某种方式伤害自己的念头");
		assertThat(phq9.instructions(Locale.ENGLISH)).startsWith("Over the last 2 weeks");
		assertThat(phq9.option(3).orElseThrow().label(Locale.ENGLISH)).isEqualTo("Nearly every day");
		assertThat(phq9.hasEnglishItems()).isTrue();
		Scale mssmhs = SCALES.get("mssmhs");
		assertThat(mssmhs.hasEnglishItems()).isFalse();
		assertThat(mssmhs.itemText(57, Locale.ENGLISH)).isEqualTo("经常有自杀的念头。");
		assertThat(mssmhs.instructions(Locale.ENGLISH)).startsWith("下面是有关你近10天状态的问题");
		assertThat(mssmhs.totalBands().get(1).label(Locale.ENGLISH)).isEqualTo("轻度问题");
		// MHRSP has no instructions: the rater is told what to rate on
		assertThat(SCALES.get("mhrsp").instructions(Locale.CHINA)).isEqualTo("根据对学生的日常观察、了解情况");
		assertThatThrownBy(() -> phq9.itemText(10, Locale.CHINA)).isInstanceOf(IllegalArgumentException.class);
	}
}
