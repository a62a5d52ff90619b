package org.mindgrid.warning.cases;

/** Where a case (个案) stands in the closed loop (DOMAIN.md "The closed loop"; ADR 0023). */
public enum CaseState {

	/** A warning report opened it; the psychology teacher has not assessed yet. */
	REPORTED,
	/** The 1-on-1 assessment is recorded; the crisis assessment team decides the category. */
	ASSESSING,
	/** Category 1/2/3 set; the support plan (一生一策) runs at school. */
	WATCH,
	/** Family grid: parents told (告知书), multi-party meeting. */
	FAMILY,
	/** Medical grid: referred to a hospital. */
	REFERRED,
	/** On leave (休学 or sick leave) with regular contact. */
	ON_LEAVE,
	/** The parents applied for the return to school; the team decides. */
	RETURN_REVIEW,
	/** Released from the warning database; readable for ever. */
	RELEASED,
	/** No crisis; readable for ever. */
	CLOSED;

	public boolean ended() {
		return this == RELEASED || this == CLOSED;
	}
}
