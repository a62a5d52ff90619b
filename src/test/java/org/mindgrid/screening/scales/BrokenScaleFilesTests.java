package org.mindgrid.screening.scales;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A broken scale file stops the start with a message naming the file and the problem
 * (src/test/resources/screening-bad/&lt;case&gt;/tiny.json: the valid file with one thing broken).
 */
class BrokenScaleFilesTests {

	private static Scales load(String dir) {
		return new Scales("classpath*:screening-bad/" + dir + "/*.json", null);
	}

	private static void assertBroken(String dir, String problem) {
		assertThatThrownBy(() -> load(dir)).isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("Scale file tiny.json (")
				.hasMessageContaining("screening-bad/" + dir + "/tiny.json")
				.hasMessageContaining(problem);
	}

	@Test
	void theValidFileLoads() {
		Scale tiny = load("valid").get("tiny");
		assertThat(tiny.itemCount()).isEqualTo(3);
		assertThat(tiny.flagLevel()).isEqualTo("high");
	}

	@Test
	void badJson() {
		assertBroken("bad-json", "is not valid JSON");
	}

	@Test
	void duplicateJsonKey() {
		assertBroken("duplicate-key", "is not valid JSON: Duplicate Object property \"name_en\"");
	}

	@Test
	void itemWithUnknownFactor() {
		assertBroken("unknown-factor", "item 3 names factor \"nope\", which does not exist");
	}

	@Test
	void factorItemThatDoesNotExist() {
		assertBroken("missing-factor-item", "factor \"b\" lists item 9, which does not exist");
	}

	@Test
	void duplicateItemNumbers() {
		assertBroken("duplicate-items", "duplicate item number 1");
	}

	@Test
	void optionsNotDistinct() {
		assertBroken("options-not-distinct", "options are not distinct: value 1 is given twice");
	}

	@Test
	void bandsOverlapping() {
		assertBroken("bands-overlap", "total bands \"low\" [0, 2] and \"high\" [2, 6] overlap");
	}

	@Test
	void bandsWithAGap() {
		assertBroken("bands-gap", "total bands leave a gap between \"low\" (max 2) and \"high\" (min 4)");
	}

	@Test
	void bandsNotCoveringEveryScore() {
		assertBroken("bands-short", "total bands cover 0 to 5 but total scores go from 0 to 6");
	}

	@Test
	void criticalItemOnAMissingItem() {
		assertBroken("critical-missing-item", "critical item 99 does not exist among the items");
	}

	@Test
	void ruleThatCannotBeParsed() {
		assertBroken("rule-unparseable", "critical item 3: cannot parse the rule \"a high value → alert\"");
	}

	@Test
	void ruleThatNoOptionMeets() {
		assertBroken("rule-never-met", "critical item 3: the rule \"== 7\" is never met by any option");
	}

	@Test
	void noItems() {
		assertBroken("no-items", "no items");
	}

	@Test
	void unknownMethod() {
		assertBroken("unknown-method", "scoring.method \"median\" is neither \"sum\" nor \"mean\"");
	}

	@Test
	void policyNamingAScaleWithoutFile() {
		assertThatThrownBy(() -> new Scales("classpath*:screening-bad/valid/*.json",
				"classpath:screening-bad/policy/unknown-scale.json"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("unknown-scale.json")
				.hasMessageContaining("names scale \"nosuch\", which has no file");
	}

	@Test
	void policyFlagLevelThatIsNoBand() {
		assertThatThrownBy(() -> new Scales("classpath*:screening-bad/valid/*.json",
				"classpath:screening-bad/policy/unknown-level.json"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("tiny.json")
				.hasMessageContaining("policy flagLevel \"severe\" is not one of the scale's band levels [low, high]");
	}

	@Test
	void policyGradesBackwards() {
		assertThatThrownBy(() -> new Scales("classpath*:screening-bad/valid/*.json",
				"classpath:screening-bad/policy/bad-grades.json"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("scale \"tiny\": grades [9, 7] must lie within 1-12, from <= to");
	}

	@Test
	void missingPolicyFile() {
		assertThatThrownBy(() -> new Scales("classpath*:screening-bad/valid/*.json",
				"classpath:screening-bad/policy/none.json"))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
	}
}
