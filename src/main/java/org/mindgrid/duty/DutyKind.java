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
	SEMESTER_HOME_VISIT,
	/** A case in the warning database: the psychology teacher's weekly session (每周 1 次定期约谈). */
	CASE_SESSION,
	/** A case: the head teacher's monitoring note (weekly; daily while the student stays against advice). */
	CASE_MONITORING,
	/** A student in the warning database: a home visit in person by a mentor (实地家访全覆盖). */
	CASE_HOME_VISIT,
	/** A case on leave: regular contact with the family (every two weeks unless the plan says otherwise). */
	CASE_LEAVE_CONTACT,
	/** A case's support plan (一生一策) is due for review. */
	CASE_PLAN_REVIEW,
	/** After a crisis event: follow up a person at risk (a witness, a close friend, the class), source {@code CRISIS_ENTRY} (the follow-up entry). */
	CRISIS_FOLLOW_UP,
	/** A post-incident review (复盘) decided an action with an owner and a due date, source {@code CRISIS_REVIEW_ACTION} (the action). */
	CRISIS_REVIEW_ACTION;

	/** Duties a case opens: they link to the case (source {@code WARNING_CASE}). */
	public boolean ofCase() {
		return name().startsWith("CASE_");
	}
}
