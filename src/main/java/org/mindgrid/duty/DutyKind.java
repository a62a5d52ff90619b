package org.mindgrid.duty;

/** What a duty asks for (DOMAIN.md, "The closed loop"). */
public enum DutyKind {

	/** A warning report: the psychology teacher's 1-on-1 assessment (2 hours if urgent, 1 school day otherwise). */
	ASSESSMENT,
	/** A 四必访 trigger: a home visit by the student's mentors, due the next school day. */
	TRIGGER_HOME_VISIT,
	/** Each semester every student has at least one talk with a mentor. */
	SEMESTER_TALK,
	/** Each semester every mentor makes at least one home visit. */
	SEMESTER_HOME_VISIT
}
