package org.mindgrid.warning;

/** How fast the psychology teacher's 1-on-1 assessment is due. See docs/decisions/0008-red-warning-signs.md. */
public enum Urgency {

	/** Signs of suicide risk: assessment within 2 hours. */
	URGENT,
	/** Other red signs: assessment within 1 school day. */
	HIGH,
	/**
	 * 请复核: a record saved without escalation holds a risk phrase (issue 7, point 14). Not urgent: the psychology
	 * teacher reads it within a school day; a later sign joining the report raises it.
	 */
	REVIEW;

	/** Whether this is more pressing than {@code other} (URGENT, then HIGH, then REVIEW). */
	public boolean above(Urgency other) {
		return ordinal() < other.ordinal();
	}

	/** What a writer may ask for when escalating (REVIEW is only ever raised by the phrase check). */
	public boolean escalation() {
		return this != REVIEW;
	}
}
