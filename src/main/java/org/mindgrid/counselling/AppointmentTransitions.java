package org.mindgrid.counselling;

import java.util.List;
import java.util.Optional;

/**
 * Every step of a counselling appointment, listed once (ADR 0036). A request waits for a psychology teacher, who
 * schedules it in the counselling room (or declines it, with a reason); a scheduled one may move to another time, and
 * ends held (COMPLETED) or missed (NO_SHOW). The requester or a psychology teacher may cancel it before it is held.
 */
public final class AppointmentTransitions {

	public enum Status {
		REQUESTED, SCHEDULED, COMPLETED, NO_SHOW, CANCELLED, DECLINED
	}

	/** Who may take a step: the school's psychology teachers, or also whoever asked for it. */
	public enum Actor {
		COUNSELLOR, COUNSELLOR_OR_REQUESTER
	}

	public enum Step {
		SCHEDULE(Actor.COUNSELLOR, false), RESCHEDULE(Actor.COUNSELLOR, false), DECLINE(Actor.COUNSELLOR, true),
		COMPLETE(Actor.COUNSELLOR, false), NO_SHOW(Actor.COUNSELLOR, false), CANCEL(Actor.COUNSELLOR_OR_REQUESTER, true);

		private final Actor actor;

		private final boolean needsReason;

		Step(Actor actor, boolean needsReason) {
			this.actor = actor;
			this.needsReason = needsReason;
		}

		public Actor actor() {
			return actor;
		}

		public boolean needsReason() {
			return needsReason;
		}

		/** The step named in a path: {@code schedule}, {@code no-show} …; empty for anything else. */
		public static Optional<Step> named(String path) {
			for (Step s : values()) {
				if (s.name().replace('_', '-').equalsIgnoreCase(path)) {
					return Optional.of(s);
				}
			}
			return Optional.empty();
		}

		public String path() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	public record Transition(Step step, Status from, Status to) {
	}

	public static final List<Transition> TRANSITIONS = List.of(
			new Transition(Step.SCHEDULE, Status.REQUESTED, Status.SCHEDULED),
			new Transition(Step.DECLINE, Status.REQUESTED, Status.DECLINED),
			new Transition(Step.CANCEL, Status.REQUESTED, Status.CANCELLED),
			new Transition(Step.RESCHEDULE, Status.SCHEDULED, Status.SCHEDULED),
			new Transition(Step.COMPLETE, Status.SCHEDULED, Status.COMPLETED),
			new Transition(Step.NO_SHOW, Status.SCHEDULED, Status.NO_SHOW),
			new Transition(Step.CANCEL, Status.SCHEDULED, Status.CANCELLED));

	private AppointmentTransitions() {
	}

	public static Optional<Status> next(Step step, Status from) {
		return TRANSITIONS.stream().filter(t -> t.step() == step && t.from() == from).map(Transition::to).findFirst();
	}

	/** Steps that place the appointment in the room's week (a time, a length and a room are needed). */
	public static boolean places(Step step) {
		return step == Step.SCHEDULE || step == Step.RESCHEDULE;
	}
}
