package org.mindgrid.warning;

import java.util.List;

/**
 * One labelled part of a record's full text, rendered at display time: {@code label} and each of {@code codes} are
 * message keys (e.g. {@code observation.notes}, {@code sign.1}); {@code text} is what the person typed, as typed.
 */
public record SourcePart(String label, List<String> codes, String text) {

	public SourcePart {
		codes = codes == null ? List.of() : List.copyOf(codes);
	}

	public static SourcePart text(String label, String text) {
		return new SourcePart(label, List.of(), text);
	}

	public static SourcePart codes(String label, List<String> codes) {
		return new SourcePart(label, codes, null);
	}

	/** A run of the typed text, marked when it is one of the risk phrases found (rendered escaped, in {@code <mark>}). */
	public record Segment(String text, boolean marked) {
	}

	/** The text cut into runs around every occurrence of {@code phrases}, longest phrase first where they overlap. */
	public List<Segment> segments(List<String> phrases) {
		if (text == null) {
			return List.of();
		}
		boolean[] marked = new boolean[text.length()];
		if (phrases != null) {
			for (String p : phrases) {
				if (p == null || p.isEmpty()) {
					continue;
				}
				for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
					java.util.Arrays.fill(marked, i, i + p.length(), true);
				}
			}
		}
		List<Segment> out = new java.util.ArrayList<>();
		int start = 0;
		for (int i = 1; i <= text.length(); i++) {
			if (i == text.length() || marked[i] != marked[start]) {
				out.add(new Segment(text.substring(start, i), marked[start]));
				start = i;
			}
		}
		return out;
	}

	public boolean isEmpty() {
		return codes.isEmpty() && (text == null || text.isBlank());
	}
}
