package org.mindgrid.duty.board;

import org.mindgrid.duty.DutyKind;

/**
 * Where each kind of duty is fulfilled: a talk duty opens the talk form for its student (prefilled), a home-visit
 * duty the visit form, an assessment its warning report; a mentor's semester visit lists their students to pick one.
 */
final class DutyLinks {

	private DutyLinks() {
	}

	static String fulfil(DutyKind kind, long dutyId, Long studentId, String sourceKind, Long sourceId) {
		return switch (kind) {
			case SEMESTER_TALK -> studentId == null ? null
					: "/students/" + studentId + "/talks/new?duty=" + dutyId;
			case TRIGGER_HOME_VISIT -> studentId == null ? null
					: "/students/" + studentId + "/home-visits/new?duty=" + dutyId;
			case ASSESSMENT -> "WARNING_REPORT".equals(sourceKind) && sourceId != null ? "/warnings/" + sourceId : null;
			case SEMESTER_HOME_VISIT -> "/grid";
			case CASE_HOME_VISIT -> studentId == null ? null
					: "/students/" + studentId + "/home-visits/new?duty=" + dutyId;
			case CASE_SESSION, CASE_MONITORING, CASE_LEAVE_CONTACT, CASE_PLAN_REVIEW ->
				"WARNING_CASE".equals(sourceKind) && sourceId != null ? "/cases/" + sourceId : null;
			case CRISIS_FOLLOW_UP ->
				"CRISIS_ENTRY".equals(sourceKind) && sourceId != null ? "/crisis/entries/" + sourceId : null;
			case CRISIS_REVIEW_ACTION -> "CRISIS_REVIEW_ACTION".equals(sourceKind) && sourceId != null
					? "/crisis/review-actions/" + sourceId : null;
		};
	}
}
