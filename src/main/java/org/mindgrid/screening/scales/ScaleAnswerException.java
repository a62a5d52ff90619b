package org.mindgrid.screening.scales;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Answers that cannot be scored or saved: items missing (scoring only), values that are not one of the scale's
 * options, item numbers the scale does not have. {@link #fields()} names them as {@code answers.<no>} for a 400
 * problem.
 */
public class ScaleAnswerException extends IllegalArgumentException {

	private final String scaleId;

	private final List<Integer> missing;

	private final Map<Integer, Integer> outOfRange;

	private final List<Integer> unknown;

	public ScaleAnswerException(Scale scale, List<Integer> missing, Map<Integer, Integer> outOfRange,
			List<Integer> unknown) {
		super(message(scale, missing, outOfRange, unknown));
		this.scaleId = scale.id();
		this.missing = List.copyOf(missing);
		this.outOfRange = Map.copyOf(outOfRange);
		this.unknown = List.copyOf(unknown);
	}

	public String scaleId() {
		return scaleId;
	}

	/** Items without an answer, in item order. */
	public List<Integer> missing() {
		return missing;
	}

	/** Item number → the value given that is not one of the options. */
	public Map<Integer, Integer> outOfRange() {
		return new TreeMap<>(outOfRange);
	}

	/** Item numbers the scale does not have. */
	public List<Integer> unknown() {
		return unknown;
	}

	/** {@code answers.<no>} for every item in trouble: out of range and unknown ones first, then the missing. */
	public List<String> fields() {
		List<String> fields = new ArrayList<>();
		new TreeMap<>(outOfRange).keySet().forEach(no -> fields.add("answers." + no));
		unknown.forEach(no -> fields.add("answers." + no));
		missing.forEach(no -> fields.add("answers." + no));
		return fields;
	}

	private static String message(Scale scale, List<Integer> missing, Map<Integer, Integer> outOfRange,
			List<Integer> unknown) {
		List<String> parts = new ArrayList<>();
		String values = scale.options().stream().map(o -> String.valueOf(o.value()))
				.collect(Collectors.joining(", "));
		new TreeMap<>(outOfRange).forEach((no, v) -> parts.add(
				"answers." + no + ": " + v + " is not one of the options (" + values + ")"));
		if (!unknown.isEmpty()) {
			parts.add("no such items: " + unknown.stream().map(no -> "answers." + no)
					.collect(Collectors.joining(", ")));
		}
		if (!missing.isEmpty()) {
			parts.add("missing items: " + missing.stream().map(no -> "answers." + no)
					.collect(Collectors.joining(", ")));
		}
		return scale.id() + ": " + String.join("; ", parts);
	}
}
