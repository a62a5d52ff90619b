package org.mindgrid.counselling;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.mindgrid.counselling.AppointmentTransitions.Status;
import org.mindgrid.counselling.AppointmentTransitions.Step;

import static org.assertj.core.api.Assertions.assertThat;

/** The appointment's steps as listed: each listed one moves, every other pair of step and state is refused. */
class AppointmentTransitionsTests {

	@Test
	void aRequestIsScheduledDeclinedOrCancelled() {
		assertThat(AppointmentTransitions.next(Step.SCHEDULE, Status.REQUESTED)).contains(Status.SCHEDULED);
		assertThat(AppointmentTransitions.next(Step.DECLINE, Status.REQUESTED)).contains(Status.DECLINED);
		assertThat(AppointmentTransitions.next(Step.CANCEL, Status.REQUESTED)).contains(Status.CANCELLED);
	}

	@Test
	void aScheduledOneMovesIsHeldMissedOrCancelled() {
		assertThat(AppointmentTransitions.next(Step.RESCHEDULE, Status.SCHEDULED)).contains(Status.SCHEDULED);
		assertThat(AppointmentTransitions.next(Step.COMPLETE, Status.SCHEDULED)).contains(Status.COMPLETED);
		assertThat(AppointmentTransitions.next(Step.NO_SHOW, Status.SCHEDULED)).contains(Status.NO_SHOW);
		assertThat(AppointmentTransitions.next(Step.CANCEL, Status.SCHEDULED)).contains(Status.CANCELLED);
	}

	@Test
	void nothingMovesAnEndedAppointmentAndNoOtherStepIsAllowed() {
		for (Status ended : EnumSet.of(Status.COMPLETED, Status.NO_SHOW, Status.CANCELLED, Status.DECLINED)) {
			for (Step step : Step.values()) {
				assertThat(AppointmentTransitions.next(step, ended)).as(step + " from " + ended).isEmpty();
			}
		}
		assertThat(AppointmentTransitions.next(Step.COMPLETE, Status.REQUESTED)).isEmpty();
		assertThat(AppointmentTransitions.next(Step.NO_SHOW, Status.REQUESTED)).isEmpty();
		assertThat(AppointmentTransitions.next(Step.RESCHEDULE, Status.REQUESTED)).isEmpty();
		assertThat(AppointmentTransitions.next(Step.SCHEDULE, Status.SCHEDULED)).isEmpty();
		assertThat(AppointmentTransitions.next(Step.DECLINE, Status.SCHEDULED)).isEmpty();
		assertThat(AppointmentTransitions.TRANSITIONS).hasSize(7);
	}

	@Test
	void stepsAreNamedInPaths() {
		assertThat(Step.named("no-show")).contains(Step.NO_SHOW);
		assertThat(Step.named("SCHEDULE")).contains(Step.SCHEDULE);
		assertThat(Step.named("delete")).isEmpty();
		assertThat(Step.NO_SHOW.path()).isEqualTo("no-show");
	}
}
