package org.mindgrid.warning;

/**
 * A risk phrase found in what someone typed: the list's phrase, the words as written, the warning sign it points at
 * and whether that sign calls for an urgent escalation (signs 1 and 6).
 */
public record RiskPhraseHit(String phrase, String text, int sign, boolean urgent) {
}
