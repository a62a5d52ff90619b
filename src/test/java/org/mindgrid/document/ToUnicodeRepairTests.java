package org.mindgrid.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToUnicodeRepairTests {

	@Test
	void kangxiRadicalTargetsBecomeUnifiedIdeographs() {
		String cmap = """
				begincmap
				2 beginbfchar
				<0003> <2F63>
				<0004> <5B66>
				endbfchar
				2 beginbfrange
				<0005> <0006> <2F08>
				<0007> <0008> <0041>
				endbfrange
				endcmap""";
		String fixed = ToUnicodeRepair.fix(cmap);
		assertThat(fixed).contains("<0003> <751F>", "<0004> <5B66>", "<0005> <4EBA>", "<0006> <513F>",
				"<0007> <0008> <0041>", "1 beginbfrange");
		assertThat(fixed).doesNotContain("2F63", "2F08", "2F09");
	}

	@Test
	void aCmapWithoutRadicalsIsUnchanged() {
		String cmap = "begincmap\n1 beginbfchar\n<0003> <5B66>\nendbfchar\nendcmap";
		assertThat(ToUnicodeRepair.fix(cmap)).isEqualTo(cmap);
	}

	@Test
	void supplementRadicalsOfSimplifiedFormsBecomeTheirIdeographs() {
		String cmap = "begincmap\n2 beginbfchar\n<0010> <2ED3>\n<0011> <2ED4>\nendbfchar\nendcmap";
		String fixed = ToUnicodeRepair.fix(cmap);
		// 家⻓ → 家长, 出⻔ → 出门
		assertThat(fixed).contains("<0010> <957F>", "<0011> <95E8>").doesNotContain("2ED3", "2ED4");
		assertThat(ToUnicodeRepair.unified(0x2EE2)).isEqualTo("马");
	}

	/**
	 * Glyph ids of Noto Sans SC reach the radicals' code points (0x2E80–0x2FDF are ids 11904–12255): a range's
	 * source bounds are glyph ids, never text, and must stay as they are (issue 8: 一式三份 was extracted as 一弊三份).
	 */
	@Test
	void aRangesSourceBoundsAreNeverTakenForTargets() {
		String cmap = "begincmap\n1 beginbfrange\n<2F00> <2F02> <5F0A>\nendbfrange\nendcmap";
		assertThat(ToUnicodeRepair.fix(cmap)).isEqualTo(cmap);
	}

	/** A character outside the BMP (赵孟𫖯) has an 8-digit target; the repair must keep it and go on. */
	@Test
	void supplementaryPlaneTargetsAreKept() {
		String cmap = """
				begincmap
				1 beginbfrange
				<0010> <0011> <D86DDDAF>
				endbfrange
				2 beginbfchar
				<0012> <D86DDDAF>
				<0013> <2F63>
				endbfchar
				endcmap""";
		String fixed = ToUnicodeRepair.fix(cmap);
		assertThat(fixed).contains("<0010> <0011> <D86DDDAF>", "<0012> <D86DDDAF>", "<0013> <751F>");
	}
}
