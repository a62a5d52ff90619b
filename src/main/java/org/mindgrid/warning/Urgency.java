package org.mindgrid.warning;

/** How fast the psychology teacher's 1-on-1 assessment is due. See docs/decisions/0008-red-warning-signs.md. */
public enum Urgency {

	/** Signs of suicide risk: assessment within 2 hours. */
	URGENT,
	/** Other red signs: assessment within 1 school day. */
	HIGH
}
