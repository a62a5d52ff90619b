package org.mindgrid.screening.scales;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds answer maps for the worked examples. */
final class ScaleAnswers {

	private ScaleAnswers() {
	}

	/** Every item of the scale answered with {@code value}. */
	static Map<Integer, Integer> all(Scale scale, int value) {
		Map<Integer, Integer> answers = new LinkedHashMap<>();
		scale.items().forEach(i -> answers.put(i.no(), value));
		return answers;
	}

	/** Items 1..n answered with the given values in order. */
	static Map<Integer, Integer> values(int... values) {
		Map<Integer, Integer> answers = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			answers.put(i + 1, values[i]);
		}
		return answers;
	}

	/** {@code answers} with item → value pairs changed ({@code no1, v1, no2, v2, ...}). */
	static Map<Integer, Integer> with(Map<Integer, Integer> answers, int... pairs) {
		Map<Integer, Integer> copy = new LinkedHashMap<>(answers);
		for (int i = 0; i < pairs.length; i += 2) {
			copy.put(pairs[i], pairs[i + 1]);
		}
		return copy;
	}

	/** {@code answers} with the items of {@code factor} set to the given values in the factor's item order. */
	static Map<Integer, Integer> factor(Map<Integer, Integer> answers, ScaleFactor factor, int... values) {
		Map<Integer, Integer> copy = new LinkedHashMap<>(answers);
		for (int i = 0; i < values.length; i++) {
			copy.put(factor.items().get(i), values[i]);
		}
		return copy;
	}
}
