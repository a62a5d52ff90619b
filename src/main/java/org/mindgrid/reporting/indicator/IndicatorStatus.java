package org.mindgrid.reporting.indicator;

import java.math.BigDecimal;

/**
 * Green at or above the target, amber within ten points below it, red further below; NONE when there is nothing
 * to count (no watched student, no crisis event), SUPPRESSED when a bureau would see a share of fewer than five
 * students.
 */
public enum IndicatorStatus {

	GREEN, AMBER, RED, NONE, SUPPRESSED;

	static final BigDecimal AMBER_MARGIN = BigDecimal.TEN;

	static IndicatorStatus of(BigDecimal value, BigDecimal target) {
		if (value == null) {
			return NONE;
		}
		if (value.compareTo(target) >= 0) {
			return GREEN;
		}
		return value.compareTo(target.subtract(AMBER_MARGIN)) >= 0 ? AMBER : RED;
	}
}
