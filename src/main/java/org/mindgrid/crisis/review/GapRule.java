package org.mindgrid.crisis.review;

import java.time.Duration;

/**
 * The rules a post-incident review checks the student's history against (issue 10 point 5, ADR 0027), each defined
 * once here with its threshold; {@link GapRules} evaluates them over the history, the bundle words them as
 * {@code review.gap.RULE}.
 */
public enum GapRule {

	/** No talk (谈心谈话) with the student in the semester of the event, up to the event (DOMAIN.md: ≥ 1 a semester). */
	NO_TALK_THIS_SEMESTER(null),
	/** A 四必访 trigger whose home visit was done after its deadline (the end of the next school day). */
	TRIGGER_VISIT_LATE(null),
	/** A 四必访 trigger whose home visit was never done, its deadline past before the event. */
	TRIGGER_VISIT_MISSING(null),
	/**
	 * An observation with a red sign (ADR 0008: urgent signs within 2 hours, red ones within a school day) whose
	 * warning report was not taken up by a psychology teacher by that deadline.
	 */
	RED_SIGN_UNASSESSED(null),
	/** A screening flag not reviewed (confirmed or dismissed) within a week of being raised. */
	SCREENING_FLAG_UNREVIEWED(Duration.ofDays(7)),
	/** A case in the warning database that went more than a week at school without a session (每周 1 次定期约谈). */
	WEEKLY_SESSION_MISSED(Duration.ofDays(7)),
	/** A referral with no diagnosis fed back within 14 days. */
	REFERRAL_NO_DIAGNOSIS(Duration.ofDays(14));

	private final Duration within;

	GapRule(Duration within) {
		this.within = within;
	}

	/** The rule's own time limit, where it has one (the others take their deadline from the record). */
	public Duration within() {
		return within;
	}

	/** The message key of the rule's words. */
	public String messageKey() {
		return "review.gap." + name();
	}
}
