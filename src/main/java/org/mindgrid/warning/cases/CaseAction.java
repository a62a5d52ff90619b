package org.mindgrid.warning.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can be done to a case, with its API code, who may do it (the least {@link CaseAccess} tier) and who may read
 * it in the history afterwards. Which states allow it is {@link CaseTransitions}' business.
 */
public enum CaseAction {

	// opened and joined by warning reports, never through the API
	OPEN("open", CaseAccess.NONE, CaseAccess.HEAD_TEACHER),
	REPORT_JOINED("report-joined", CaseAccess.NONE, CaseAccess.FULL),
	// a crisis event on the student (issue 10): recorded by the crisis module, never through the API
	CRISIS_EVENT("crisis-event", CaseAccess.NONE, CaseAccess.HEAD_TEACHER),
	ASSESS("assess", CaseAccess.FULL, CaseAccess.FULL),
	CATEGORIZE("categorize", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	DISMISS("dismiss", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	NOTIFY_FAMILY("notify-family", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	HOLD_MEETING("hold-meeting", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	SIGN_CONTRACT("sign-contract", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	REFER("refer", CaseAccess.FULL, CaseAccess.FULL),
	BOOK_GREEN_CHANNEL("book-green-channel", CaseAccess.FULL, CaseAccess.FULL),
	RECORD_DIAGNOSIS("record-diagnosis", CaseAccess.FULL, CaseAccess.FULL),
	START_LEAVE("start-leave", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	RECORD_CONTACT("record-contact", CaseAccess.HEAD_TEACHER, CaseAccess.HEAD_TEACHER),
	APPLY_RETURN("apply-return", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	DECIDE_RETURN("decide-return", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	RECORD_SESSION("record-session", CaseAccess.FULL, CaseAccess.FULL),
	RECORD_MONITORING("record-monitoring", CaseAccess.HEAD_TEACHER, CaseAccess.HEAD_TEACHER),
	REVIEW_PLAN("review-plan", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	TICK_MEASURE("tick-measure", CaseAccess.MENTOR, CaseAccess.HEAD_TEACHER),
	ADD_NOTE("add-note", CaseAccess.HEAD_TEACHER, CaseAccess.HEAD_TEACHER),
	VOID_ENTRY("void-entry", CaseAccess.FULL, CaseAccess.HEAD_TEACHER),
	RELEASE("release", CaseAccess.FULL, CaseAccess.HEAD_TEACHER);

	private final String code;

	private final int performer;

	private final int reader;

	CaseAction(String code, int performer, int reader) {
		this.code = code;
		this.performer = performer;
		this.reader = reader;
	}

	/** The API's name, e.g. {@code book-green-channel}. */
	public String code() {
		return code;
	}

	/** The least tier that may perform it; {@link CaseAccess#NONE} means only the system (a warning report). */
	public int performer() {
		return performer;
	}

	/** The least tier that sees it in the history. */
	public int reader() {
		return reader;
	}

	public boolean byApi() {
		return performer > CaseAccess.NONE;
	}

	public static Optional<CaseAction> ofCode(String code) {
		return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
	}
}
