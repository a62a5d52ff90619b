package org.mindgrid.screening.web;

import java.util.List;
import java.util.Map;

import org.mindgrid.screening.scales.ScaleScore;

/** A score as the API answers it: scale id, total, band, factor scores by factor id, flags. */
record ScoreBody(String scaleId, double total, String band, Map<String, Double> factors,
		Map<String, String> factorBands, List<String> flags) {

	static ScoreBody of(ScaleScore s) {
		return new ScoreBody(s.scaleId(), s.total(), s.band(), s.factors(), s.factorBands(), s.flags());
	}
}
