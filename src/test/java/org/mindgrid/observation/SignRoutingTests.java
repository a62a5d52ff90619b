package org.mindgrid.observation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mindgrid.warning.Urgency;

import static org.assertj.core.api.Assertions.assertThat;

class SignRoutingTests {

	@Test
	void signsOneAndSixAreUrgent() {
		assertThat(SignRouting.urgencyOf(List.of(1), "NONE")).contains(Urgency.URGENT);
		assertThat(SignRouting.urgencyOf(List.of(6), "LOW")).contains(Urgency.URGENT);
	}

	@Test
	void otherRedSignsAreDueWithinASchoolDay() {
		for (int sign : List.of(2, 3, 4, 11, 12)) {
			assertThat(SignRouting.urgencyOf(List.of(sign), "NONE")).as("sign " + sign).contains(Urgency.HIGH);
		}
	}

	@Test
	void signsThatAreNotRedAloneRaiseNothing() {
		for (int sign : List.of(5, 7, 8, 9, 10, 13, 14, 15)) {
			assertThat(SignRouting.urgencyOf(List.of(sign), "NONE")).as("sign " + sign).isEmpty();
		}
		assertThat(SignRouting.urgencyOf(List.of(), "MEDIUM")).isEmpty();
	}

	@Test
	void threeSignsOrAHighLevelAreRedAndHighWithARedSignIsUrgent() {
		assertThat(SignRouting.urgencyOf(List.of(5, 7, 14), "NONE")).contains(Urgency.HIGH);
		assertThat(SignRouting.urgencyOf(List.of(), "HIGH")).contains(Urgency.HIGH);
		assertThat(SignRouting.urgencyOf(List.of(12), "HIGH")).contains(Urgency.URGENT);
		assertThat(SignRouting.urgencyOf(List.of(7), "HIGH")).isEqualTo(Optional.of(Urgency.HIGH));
	}

	@Test
	void emotionAndFamilySignsSetOffTheMustVisitTriggers() {
		assertThat(SignRouting.triggersOf(List.of(10), List.of())).containsExactly(TriggerKind.ABNORMAL_EMOTION);
		assertThat(SignRouting.triggersOf(List.of(9), List.of())).containsExactly(TriggerKind.FAMILY_CHANGE);
		assertThat(SignRouting.triggersOf(List.of(), List.of("FAMILY_MAJOR_CHANGE")))
			.containsExactly(TriggerKind.FAMILY_CHANGE);
		assertThat(SignRouting.triggersOf(List.of(4, 8), List.of()))
			.isEqualTo(Set.of(TriggerKind.ABNORMAL_EMOTION, TriggerKind.FAMILY_CHANGE));
		assertThat(SignRouting.triggersOf(List.of(1, 7, 13), List.of())).isEmpty();
	}
}
