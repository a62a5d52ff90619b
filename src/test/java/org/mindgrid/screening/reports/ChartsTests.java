package org.mindgrid.screening.reports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mindgrid.screening.reports.ReportData.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG charts: well-formed, no script, labels escaped; the scale files are read for the catalog. */
class ChartsTests {

	@Test
	void chartsAreInlineSvgWithoutScriptAndEscapeTheirWords() throws Exception {
		var scale = new ScaleCatalog.ScaleInfo("x", "量表", "Scale", false,
				List.of(new ScaleCatalog.FactorInfo("a", "甲<b>", "A")),
				List.of(new ScaleCatalog.BandInfo("low", null, null), new ScaleCatalog.BandInfo("high", null, null)),
				false);
		var stats = GroupStats.of(scale, List.of(
				new Result(1, 1, 1, "x", 3, null, Map.of("a", 3.0), Map.of("a", "low"), List.of()),
				new Result(2, 1, 1, "x", 12, null, Map.of("a", 12.0), Map.of("a", "high"), List.of())));
		String bars = Charts.stackedBars("Bands & more", List.of("a"), f -> "甲<b>", 2, i -> i == 0 ? "低" : "高",
				List.of(new Charts.Series("本班", stats), new Charts.Series("全校", null)));
		String boxes = Charts.boxPlots("Boxes", List.of("a"), f -> "甲<b>", List.of(new Charts.Series("本班", stats)), "均值");
		for (String svg : List.of(bars, boxes)) {
			assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain("<script", "<b>");
			javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		assertThat(bars).contains("Bands &amp; more", "甲&lt;b&gt;", "50%");
		assertThat(boxes).contains("median 7.5");
	}

	@Test
	void theCatalogReadsEveryScaleFile() {
		var catalog = new ScaleCatalog(new org.mindgrid.screening.scales.Scales());
		assertThat(catalog.all()).extracting(ScaleCatalog.ScaleInfo::id).contains("mssmhs", "mhrsp", "phq9", "gad7");
		var mhrsp = catalog.get("mhrsp");
		assertThat(mhrsp.totalBanded()).isFalse();
		assertThat(mhrsp.factors()).hasSize(8);
		assertThat(catalog.get("mssmhs").bands()).extracting(ScaleCatalog.BandInfo::level)
			.containsExactly("normal", "mild", "moderate", "severe", "very_severe");
		assertThat(catalog.get("mssmhs").mean()).isTrue();
		assertThat(catalog.get("phq9").singleFactor()).isTrue();
	}
}
