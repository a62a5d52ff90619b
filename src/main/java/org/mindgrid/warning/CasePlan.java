package org.mindgrid.warning;

import java.util.List;

/**
 * The support plan (一生一策) as written (issue 8 point 4): the situation in brief, goals, measures per grid with
 * the person responsible and the frequency, how often the family is contacted, and the review date.
 */
public record CasePlan(String situation, String goals, List<Measure> measures, String contactFrequency,
		String reviewDate) {

	/** {@code grid}: CLASS, SCHOOL, FAMILY, MEDICAL; {@code responsible}: PSYCH_TEACHER, HEAD_TEACHER, MENTOR, PARENTS. */
	public record Measure(String id, String grid, String text, String responsible, String frequency) {
	}

	public static final List<String> GRIDS = List.of("CLASS", "SCHOOL", "FAMILY", "MEDICAL");

	public static final List<String> RESPONSIBLE = List.of("PSYCH_TEACHER", "HEAD_TEACHER", "MENTOR", "PARENTS");

	public static CasePlan empty() {
		return new CasePlan(null, null, List.of(), null, null);
	}
}
