package org.mindgrid.warning.cases;

import static org.mindgrid.warning.cases.CaseAction.*;
import static org.mindgrid.warning.cases.CaseState.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every transition of a case, listed once (issue 8 point 3). A transition names the action, the state it starts
 * from and the state it leads to; actions that record something without moving the case lead to the same state.
 * {@code decide-return} is the one action whose target depends on what was decided (its {@code variant}).
 */
public final class CaseTransitions {

	/** One legal step. {@code variant} is null except for {@code decide-return}'s three decisions. */
	public record Transition(CaseAction action, CaseState from, CaseState to, String variant) {
	}

	private static final Set<CaseState> MANAGED = EnumSet.of(WATCH, FAMILY, REFERRED, ON_LEAVE, RETURN_REVIEW);

	private static final Set<CaseState> AT_SCHOOL = EnumSet.of(WATCH, FAMILY, REFERRED, RETURN_REVIEW);

	private static final Set<CaseState> OPEN_STATES = EnumSet.of(REPORTED, ASSESSING, WATCH, FAMILY, REFERRED,
			ON_LEAVE, RETURN_REVIEW);

	public static final List<Transition> ALL = build();

	private CaseTransitions() {
	}

	private static List<Transition> build() {
		List<Transition> t = new ArrayList<>();
		stay(t, REPORT_JOINED, OPEN_STATES);
		stay(t, CRISIS_EVENT, OPEN_STATES);
		move(t, ASSESS, REPORTED, ASSESSING);
		stay(t, ASSESS, MANAGED); // a re-assessment after a new report
		move(t, CATEGORIZE, ASSESSING, WATCH);
		stay(t, CATEGORIZE, MANAGED); // a later change of category, with its reason
		move(t, DISMISS, REPORTED, CLOSED);
		move(t, DISMISS, ASSESSING, CLOSED);
		move(t, NOTIFY_FAMILY, WATCH, FAMILY);
		stay(t, NOTIFY_FAMILY, EnumSet.of(FAMILY, REFERRED, RETURN_REVIEW)); // signed again before the return
		stay(t, HOLD_MEETING, EnumSet.of(FAMILY, RETURN_REVIEW));
		move(t, SIGN_CONTRACT, FAMILY, WATCH); // parents refuse referral: the student stays at school
		stay(t, SIGN_CONTRACT, EnumSet.of(WATCH, RETURN_REVIEW));
		move(t, REFER, FAMILY, REFERRED);
		stay(t, BOOK_GREEN_CHANNEL, EnumSet.of(REFERRED));
		stay(t, RECORD_DIAGNOSIS, EnumSet.of(REFERRED, ON_LEAVE, RETURN_REVIEW));
		move(t, START_LEAVE, WATCH, ON_LEAVE);
		move(t, START_LEAVE, FAMILY, ON_LEAVE);
		move(t, START_LEAVE, REFERRED, ON_LEAVE);
		stay(t, RECORD_CONTACT, MANAGED);
		move(t, APPLY_RETURN, ON_LEAVE, RETURN_REVIEW);
		t.add(new Transition(DECIDE_RETURN, RETURN_REVIEW, WATCH, "return"));
		t.add(new Transition(DECIDE_RETURN, RETURN_REVIEW, ON_LEAVE, "continue-leave"));
		t.add(new Transition(DECIDE_RETURN, RETURN_REVIEW, RETURN_REVIEW, "third-party"));
		stay(t, RECORD_SESSION, AT_SCHOOL);
		stay(t, RECORD_MONITORING, AT_SCHOOL);
		stay(t, REVIEW_PLAN, MANAGED);
		stay(t, TICK_MEASURE, AT_SCHOOL);
		stay(t, ADD_NOTE, EnumSet.allOf(CaseState.class)); // an addendum, even to an ended case
		stay(t, VOID_ENTRY, EnumSet.allOf(CaseState.class));
		move(t, RELEASE, WATCH, RELEASED);
		return List.copyOf(t);
	}

	private static void move(List<Transition> t, CaseAction action, CaseState from, CaseState to) {
		t.add(new Transition(action, from, to, null));
	}

	private static void stay(List<Transition> t, CaseAction action, Set<CaseState> states) {
		states.forEach(s -> t.add(new Transition(action, s, s, null)));
	}

	/** Where {@code action} leads from {@code from}; empty when it is not allowed there. */
	public static Optional<CaseState> target(CaseAction action, CaseState from, String variant) {
		return ALL.stream()
			.filter(t -> t.action() == action && t.from() == from
					&& (t.variant() == null || t.variant().equals(variant)))
			.map(Transition::to)
			.findFirst();
	}

	public static boolean allowed(CaseAction action, CaseState from) {
		return ALL.stream().anyMatch(t -> t.action() == action && t.from() == from);
	}

	/** The actions a person of {@code tier} may take in {@code state}, in the order of {@link CaseAction}. */
	public static List<CaseAction> allowedActions(CaseState state, int tier) {
		return EnumSet.allOf(CaseAction.class).stream()
			.filter(a -> a.byApi() && tier >= a.performer() && allowed(a, state))
			.toList();
	}
}
