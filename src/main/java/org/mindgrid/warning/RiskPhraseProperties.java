package org.mindgrid.warning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the risk-phrase check (issue 7, point 14). {@code negation}: whether a negating word before a phrase
 * in the same clause (没有想死, 不会自杀) cancels it; a region that prefers more prompts to fewer turns it off.
 */
@ConfigurationProperties("mindgrid.risk-phrases")
public record RiskPhraseProperties(Boolean negation) {

	public RiskPhraseProperties {
		negation = negation == null ? Boolean.TRUE : negation;
	}
}
