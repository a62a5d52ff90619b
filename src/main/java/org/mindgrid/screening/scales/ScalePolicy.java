package org.mindgrid.screening.scales;

import java.util.Map;

/**
 * The school's policy for one scale ({@code screening/scale-policy.json}, project-owned, not part of the scale file):
 * the grades screened by default, the grades the instrument is valid for, and the band level that makes a CUTOFF
 * flag (null: the second band's level).
 */
record ScalePolicy(int gradeFrom, int gradeTo, int validGradeFrom, int validGradeTo, String flagLevel) {

	/** A scale file without a policy entry: all grades, flag at the second band. */
	static final ScalePolicy DEFAULT = new ScalePolicy(1, 12, 1, 12, null);

	static ScalePolicy of(Map<String, ScalePolicy> policies, String scaleId) {
		return policies.getOrDefault(scaleId, DEFAULT);
	}
}
