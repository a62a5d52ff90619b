package org.mindgrid.reporting.indicator;

import java.math.BigDecimal;

/**
 * One rule of the seed as data ({@code reporting/indicators.yml}): the units it counts, the window it counts them
 * in, the rule's number ({@code threshold}, may be null) and the share of units to reach ({@code target}, percent).
 */
public record IndicatorDefinition(String id, String source, IndicatorPeriod period, Unit unit, BigDecimal threshold,
		BigDecimal target, String sql) {

	/** What one unit is; students are never shown to a bureau in cells under five. */
	public enum Unit {
		CLASS, MENTOR, STUDENT, STAFF, SCHOOL, EVENT, DISTRICT;

		public boolean isPeople() {
			return this == STUDENT;
		}
	}

	/** Whether the units live in the district itself (its meetings) rather than in its schools. */
	public boolean districtOwn() {
		return unit == Unit.DISTRICT;
	}
}
