package org.mindgrid.reporting.inspection;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.mindgrid.reporting.inspection.InspectionTransitions.Action;
import org.mindgrid.reporting.inspection.InspectionTransitions.ItemAction;
import org.mindgrid.reporting.inspection.InspectionTransitions.ItemState;
import org.mindgrid.reporting.inspection.InspectionTransitions.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mindgrid.reporting.inspection.InspectionTransitions.next;

/** One test per step of the inspection and its items, and every step the list does not hold is refused. */
class InspectionTransitionsTests {

	@Test
	void startMovesADraftInProgress() {
		assertThat(next(Action.START, State.DRAFT)).contains(State.IN_PROGRESS);
		assertThat(next(Action.START, State.IN_PROGRESS)).isEmpty();
		assertThat(next(Action.START, State.PUBLISHED)).isEmpty();
	}

	@Test
	void publishEndsARunningInspection() {
		assertThat(next(Action.PUBLISH, State.IN_PROGRESS)).contains(State.PUBLISHED);
		assertThat(next(Action.PUBLISH, State.DRAFT)).as("a draft was never shown to the schools").isEmpty();
		assertThat(next(Action.PUBLISH, State.PUBLISHED)).isEmpty();
	}

	@Test
	void aFindingIsRecordedAndMayBeCorrectedUntilSomethingFollows() {
		assertThat(next(ItemAction.RECORD_FINDING, ItemState.SAMPLED)).contains(ItemState.FINDING_RECORDED);
		assertThat(next(ItemAction.RECORD_FINDING, ItemState.FINDING_RECORDED)).contains(ItemState.FINDING_RECORDED);
		assertThat(next(ItemAction.RECORD_FINDING, ItemState.CORRECTION_REQUESTED)).isEmpty();
	}

	@Test
	void aCorrectionIsRequestedAfterAFinding() {
		assertThat(next(ItemAction.REQUEST_CORRECTION, ItemState.FINDING_RECORDED)).contains(ItemState.CORRECTION_REQUESTED);
		assertThat(next(ItemAction.REQUEST_CORRECTION, ItemState.SAMPLED)).isEmpty();
	}

	@Test
	void aFindingWithoutCorrectionCloses() {
		assertThat(next(ItemAction.CLOSE, ItemState.FINDING_RECORDED)).contains(ItemState.CLOSED);
		assertThat(next(ItemAction.CLOSE, ItemState.CORRECTION_REQUESTED)).as("the school must answer first").isEmpty();
	}

	@Test
	void theSchoolAnswersARequest() {
		assertThat(next(ItemAction.ANSWER, ItemState.CORRECTION_REQUESTED)).contains(ItemState.ANSWERED);
		assertThat(next(ItemAction.ANSWER, ItemState.ANSWERED)).isEmpty();
		assertThat(ItemAction.ANSWER.actor()).isEqualTo(InspectionTransitions.Actor.SCHOOL);
	}

	@Test
	void anAnswerIsAcceptedOrSentBack() {
		assertThat(next(ItemAction.ACCEPT, ItemState.ANSWERED)).contains(ItemState.CLOSED);
		assertThat(next(ItemAction.REOPEN, ItemState.ANSWERED)).contains(ItemState.CORRECTION_REQUESTED);
		assertThat(next(ItemAction.REOPEN, ItemState.CLOSED)).isEmpty();
	}

	@Test
	void aClosedItemTakesNoStep() {
		for (ItemAction a : ItemAction.values()) {
			assertThat(next(a, ItemState.CLOSED)).as(a.name()).isEmpty();
		}
	}

	@Test
	void onlyListedStepsExist() {
		int legal = 0;
		for (ItemAction a : ItemAction.values()) {
			for (ItemState s : ItemState.values()) {
				legal += next(a, s).isPresent() ? 1 : 0;
			}
		}
		assertThat(legal).isEqualTo(InspectionTransitions.ITEM_STEPS.size());
		for (ItemAction a : EnumSet.complementOf(EnumSet.of(ItemAction.ANSWER))) {
			assertThat(a.actor()).isEqualTo(InspectionTransitions.Actor.OFFICER);
		}
	}

	@Test
	void itemsWaitInADraftAndFindingsStayOncePublished() {
		for (ItemAction a : ItemAction.values()) {
			assertThat(InspectionTransitions.itemsMove(State.DRAFT, a)).isFalse();
			assertThat(InspectionTransitions.itemsMove(State.IN_PROGRESS, a)).isTrue();
		}
		assertThat(InspectionTransitions.itemsMove(State.PUBLISHED, ItemAction.RECORD_FINDING)).isFalse();
		assertThat(InspectionTransitions.itemsMove(State.PUBLISHED, ItemAction.ANSWER)).isTrue();
		assertThat(InspectionTransitions.sampleChanges(State.DRAFT)).isTrue();
		assertThat(InspectionTransitions.sampleChanges(State.IN_PROGRESS)).isFalse();
	}
}
