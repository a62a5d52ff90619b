package org.mindgrid.warning.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.shared.web.ApiProblem;

/**
 * A case (个案): one student at risk from the first warning report to release (issue 8, ADR 0023). State changes go
 * through the intent methods below, each checking {@link CaseTransitions} and leaving a {@link Change} for the
 * history; the store writes them with the case's version, so two people acting at once cannot both win.
 */
public final class WarningCase {

	/** One step to append to the history. */
	public record Change(CaseAction action, CaseState from, CaseState to, Map<String, Object> details) {
	}

	private final long id;

	private final long studentId;

	private final long schoolId;

	private CaseState state;

	private Integer category;

	private boolean inDatabase;

	private boolean staysAgainstAdvice;

	private final int version;

	private final List<Change> changes = new ArrayList<>();

	public WarningCase(long id, long studentId, long schoolId, CaseState state, Integer category, boolean inDatabase,
			boolean staysAgainstAdvice, int version) {
		this.id = id;
		this.studentId = studentId;
		this.schoolId = schoolId;
		this.state = state;
		this.category = category;
		this.inDatabase = inDatabase;
		this.staysAgainstAdvice = staysAgainstAdvice;
		this.version = version;
	}

	/** Runs the intent method of {@code action} with details already checked by {@link CaseFields#clean}. */
	public Change perform(CaseAction action, Map<String, Object> details) {
		return switch (action) {
			case ASSESS -> assess(details);
			case CATEGORIZE -> categorize(details);
			case DISMISS -> dismiss(details);
			case NOTIFY_FAMILY -> notifyFamily(details);
			case SIGN_CONTRACT -> signContract(details);
			case REFER -> refer(details);
			case DECIDE_RETURN -> decideReturn(details);
			case RELEASE -> release(details);
			case OPEN, REPORT_JOINED -> throw new IllegalArgumentException(action + " is the system's");
			default -> record(action, details);
		};
	}

	/** The 1-on-1 crisis assessment interview; the team decides next. */
	public Change assess(Map<String, Object> details) {
		return move(CaseAction.ASSESS, null, details);
	}

	/**
	 * The crisis assessment team's category. Categories 2 and 3 always enter the warning database, category 1 unless
	 * the team records why not; a change of an earlier category needs its reason.
	 */
	public Change categorize(Map<String, Object> details) {
		int next = ((Number) details.get("category")).intValue();
		if (category != null && category != next && !details.containsKey("reason")) {
			throw CaseFields.fieldProblem("case.field.required", "reason");
		}
		boolean enter = !Boolean.FALSE.equals(details.get("enterDatabase"));
		if (!enter && next >= 2) {
			throw CaseFields.fieldProblem("case.database-required", "enterDatabase");
		}
		if (!enter && !details.containsKey("notEnteringReason")) {
			throw CaseFields.fieldProblem("case.field.required", "notEnteringReason");
		}
		Change change = move(CaseAction.CATEGORIZE, null, withPrevious(details));
		category = next;
		inDatabase = enter;
		return change;
	}

	/** No crisis: the case closes with the team's reason. */
	public Change dismiss(Map<String, Object> details) {
		return move(CaseAction.DISMISS, null, details);
	}

	/** The parent notice (告知书): the family grid starts. */
	public Change notifyFamily(Map<String, Object> details) {
		return move(CaseAction.NOTIFY_FAMILY, null, details);
	}

	/** Parents refuse referral: contract (契约书) and commitment (承诺书); the student stays at school, watched closer. */
	public Change signContract(Map<String, Object> details) {
		Change change = move(CaseAction.SIGN_CONTRACT, null, details);
		if (change.from() != CaseState.RETURN_REVIEW) {
			staysAgainstAdvice = true;
		}
		return change;
	}

	/** The referral letter (转介信) to a hospital of the directory: the medical grid. */
	public Change refer(Map<String, Object> details) {
		Change change = move(CaseAction.REFER, null, details);
		staysAgainstAdvice = false;
		return change;
	}

	/** The team's decision on the return application: back to watch, on leave, or a third-party assessment. */
	public Change decideReturn(Map<String, Object> details) {
		return move(CaseAction.DECIDE_RETURN, (String) details.get("decision"), details);
	}

	/** Out of the warning database; the case stays readable. */
	public Change release(Map<String, Object> details) {
		Change change = move(CaseAction.RELEASE, null, details);
		inDatabase = false;
		staysAgainstAdvice = false;
		return change;
	}

	/** A new warning report on the student joins the open case. */
	public Change reportJoined(Map<String, Object> details) {
		return move(CaseAction.REPORT_JOINED, null, details);
	}

	/**
	 * A crisis event on the student (issue 10 point 1): recorded in the history; a case without a category takes
	 * category 3 and enters the warning database, pending the team's review ({@code provisionalCategory}).
	 */
	public Change crisisEvent(Map<String, Object> details) {
		Map<String, Object> d = new LinkedHashMap<>(details);
		boolean provisional = category == null;
		if (provisional) {
			d.put("provisionalCategory", 3);
		}
		Change change = move(CaseAction.CRISIS_EVENT, null, d);
		if (provisional) {
			category = 3;
			inDatabase = true;
		}
		return change;
	}

	/** Actions that record without changing the case's fields (sessions, contacts, reviews, notes…). */
	public Change record(CaseAction action, Map<String, Object> details) {
		return move(action, null, details);
	}

	private Change move(CaseAction action, String variant, Map<String, Object> details) {
		CaseState to = CaseTransitions.target(action, state, variant)
			.orElseThrow(() -> notAllowed(action));
		Change change = new Change(action, state, to, Collections.unmodifiableMap(new LinkedHashMap<>(details)));
		state = to;
		changes.add(change);
		return change;
	}

	private Map<String, Object> withPrevious(Map<String, Object> details) {
		Map<String, Object> d = new LinkedHashMap<>(details);
		if (category != null) {
			d.put("previousCategory", category);
		}
		return d;
	}

	private ApiProblem notAllowed(CaseAction action) {
		return ApiProblem.conflict("case.action-not-allowed", CaseWork.word("case.action.", action.code()),
				CaseWork.word("case.state.", state.name()))
			.with("state", state.name())
			.with("allowedActions", CaseTransitions.allowedActions(state, CaseAccess.FULL).stream()
				.map(CaseAction::code).toList());
	}

	public long id() {
		return id;
	}

	public long studentId() {
		return studentId;
	}

	public long schoolId() {
		return schoolId;
	}

	public CaseState state() {
		return state;
	}

	public Integer category() {
		return category;
	}

	public boolean inDatabase() {
		return inDatabase;
	}

	public boolean staysAgainstAdvice() {
		return staysAgainstAdvice;
	}

	public int version() {
		return version;
	}

	public List<Change> changes() {
		return List.copyOf(changes);
	}
}
