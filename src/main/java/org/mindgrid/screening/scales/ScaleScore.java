package org.mindgrid.screening.scales;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one completed questionnaire. {@code total} is the sum or mean of all items, {@code band} its band
 * level (null where the total has no bands, e.g. MHRSP); {@code factors} factor id → score in the file's factor order,
 * {@code factorBands} factor id → band level (only factors that have bands). {@code criticalHits} are the critical
 * items whose rule the answer met, in item order; {@code urgent} when one of them is urgent; {@code cutoff} when the
 * total or a factor is at or above the scale's flag level.
 */
public record ScaleScore(String scaleId, double total, String band, Map<String, Double> factors,
		Map<String, String> factorBands, List<Integer> criticalHits, boolean urgent, boolean cutoff) {

	public ScaleScore {
		factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
		factorBands = Collections.unmodifiableMap(new LinkedHashMap<>(factorBands));
		criticalHits = criticalHits.stream().sorted().toList();
	}

	/** {@code CUTOFF} when cut off, then {@code CRITICAL:<no>} per critical hit in item order. */
	public List<String> flags() {
		List<String> flags = new ArrayList<>();
		if (cutoff) {
			flags.add("CUTOFF");
		}
		for (Integer no : criticalHits) {
			flags.add("CRITICAL:" + no);
		}
		return List.copyOf(flags);
	}

	/** Whether anything needs a psychology teacher's review (a cut-off or a critical item). */
	public boolean flagged() {
		return cutoff || !criticalHits.isEmpty();
	}
}
