package org.mindgrid.reporting.inspection;

import java.util.List;
import java.util.Optional;

/**
 * Every step of a monthly inspection and of its items, listed once (ADR 0033). An inspection is a DRAFT while the
 * officer samples (the schools do not see it), IN_PROGRESS once started (the sampled schools are told and see their
 * items), PUBLISHED when every item has a finding (the month's results, 晾晒). An item gets a finding; the officer
 * either closes it or requests a correction, which the school answers; the officer accepts the answer (closed) or
 * reopens the request.
 */
public final class InspectionTransitions {

	public enum State {
		DRAFT, IN_PROGRESS, PUBLISHED
	}

	public enum ItemState {
		SAMPLED, FINDING_RECORDED, CORRECTION_REQUESTED, ANSWERED, CLOSED
	}

	public enum Action {
		START, PUBLISH
	}

	/** Who takes an item's step: the district's officer or the sampled school. */
	public enum Actor {
		OFFICER, SCHOOL
	}

	public enum ItemAction {
		RECORD_FINDING(Actor.OFFICER), REQUEST_CORRECTION(Actor.OFFICER), ANSWER(Actor.SCHOOL), ACCEPT(Actor.OFFICER),
		REOPEN(Actor.OFFICER), CLOSE(Actor.OFFICER);

		private final Actor actor;

		ItemAction(Actor actor) {
			this.actor = actor;
		}

		public Actor actor() {
			return actor;
		}
	}

	public record Step(Action action, State from, State to) {
	}

	public record ItemStep(ItemAction action, ItemState from, ItemState to) {
	}

	public static final List<Step> STEPS = List.of(
			new Step(Action.START, State.DRAFT, State.IN_PROGRESS),
			new Step(Action.PUBLISH, State.IN_PROGRESS, State.PUBLISHED));

	public static final List<ItemStep> ITEM_STEPS = List.of(
			new ItemStep(ItemAction.RECORD_FINDING, ItemState.SAMPLED, ItemState.FINDING_RECORDED),
			// a finding corrected before anything follows from it
			new ItemStep(ItemAction.RECORD_FINDING, ItemState.FINDING_RECORDED, ItemState.FINDING_RECORDED),
			new ItemStep(ItemAction.REQUEST_CORRECTION, ItemState.FINDING_RECORDED, ItemState.CORRECTION_REQUESTED),
			new ItemStep(ItemAction.CLOSE, ItemState.FINDING_RECORDED, ItemState.CLOSED),
			new ItemStep(ItemAction.ANSWER, ItemState.CORRECTION_REQUESTED, ItemState.ANSWERED),
			new ItemStep(ItemAction.ACCEPT, ItemState.ANSWERED, ItemState.CLOSED),
			new ItemStep(ItemAction.REOPEN, ItemState.ANSWERED, ItemState.CORRECTION_REQUESTED));

	private InspectionTransitions() {
	}

	public static Optional<State> next(Action action, State from) {
		return STEPS.stream().filter(s -> s.action() == action && s.from() == from).map(Step::to).findFirst();
	}

	public static Optional<ItemState> next(ItemAction action, ItemState from) {
		return ITEM_STEPS.stream().filter(s -> s.action() == action && s.from() == from).map(ItemStep::to).findFirst();
	}

	/**
	 * Items move while the inspection runs, and corrections go on after it is published (the results name what was
	 * found; the school still answers, and a finding no longer changes). Nothing moves in a draft: the sample may
	 * still change and the schools do not know of it yet.
	 */
	public static boolean itemsMove(State state, ItemAction action) {
		return switch (state) {
			case DRAFT -> false;
			case IN_PROGRESS -> true;
			case PUBLISHED -> action != ItemAction.RECORD_FINDING;
		};
	}

	/** Items the officer may still take out: only in a draft. */
	public static boolean sampleChanges(State state) {
		return state == State.DRAFT;
	}
}
