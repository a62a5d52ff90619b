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

	public boolean isEmpty() {
		return codes.isEmpty() && (text == null || text.isBlank());
	}
}
