package org.mindgrid.screening.scales;

/**
 * A critical item: MindGrid's safety rule, NOT part of the scale's published scoring (the UI must say so,
 * {@code screening.critical.disclaimer}). Parsed from the file's the rule of each of {@code critical_items}, e.g.
 * value &gt;= 1 → immediate alert ...: operator {@code >=} or {@code ==} and threshold compare the answered value (as
 * chosen, before reverse keying); {@code urgent} when the rule says alert (an urgent warning report), otherwise a
 * follow-up that is only shown for review. {@code ruleText} and {@code ruleBasis} are the file's words, unchanged.
 */
public record CriticalItem(int itemNo, String operator, int threshold, boolean urgent, String ruleText,
		String ruleBasis) {

	/** The contract's shape (no basis). */
	public CriticalItem(int itemNo, String operator, int threshold, boolean urgent, String ruleText) {
		this(itemNo, operator, threshold, urgent, ruleText, null);
	}

	public CriticalItem {
		if (!">=".equals(operator) && !"==".equals(operator)) {
			throw new IllegalArgumentException("operator must be >= or ==, not " + operator);
		}
	}

	public boolean hits(int value) {
		return ">=".equals(operator) ? value >= threshold : value == threshold;
	}
}
