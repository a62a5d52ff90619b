package org.mindgrid.warning.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A test per transition (issue 8 point 3): every action in every state, legal ones move the case where the table
 * says, illegal ones answer 409 with the actions that are allowed, and the case does not move.
 */
class CaseTransitionsTests {

	static Stream<Arguments> everyActionInEveryState() {
		List<Arguments> cells = new ArrayList<>();
		for (CaseAction action : CaseAction.values()) {
			if (!action.byApi()) {
				continue;
			}
			for (CaseState state : CaseState.values()) {
				if (action == CaseAction.DECIDE_RETURN) {
					for (String decision : List.of("return", "continue-leave", "third-party")) {
						cells.add(Arguments.of(action, state, decision));
					}
				}
				else {
					cells.add(Arguments.of(action, state, null));
				}
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} in {1} {2}")
	@MethodSource("everyActionInEveryState")
	void eachActionMovesTheCaseAsTheTableSaysOrIsRefused(CaseAction action, CaseState state, String variant) {
		WarningCase c = new WarningCase(1, 2, 3, state, null, false, false, 0);
		Map<String, Object> details = minimal(action, variant);
		var target = CaseTransitions.target(action, state, variant);
		if (target.isPresent()) {
			WarningCase.Change change = c.perform(action, details);
			assertThat(change.from()).isEqualTo(state);
			assertThat(change.to()).isEqualTo(target.get());
			assertThat(c.state()).isEqualTo(target.get());
			assertThat(c.changes()).singleElement().isEqualTo(change);
		}
		else {
			assertThatThrownBy(() -> c.perform(action, details)).isInstanceOfSatisfying(ApiProblem.class, p -> {
				assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(p.properties().get("allowedActions")).isEqualTo(
						CaseTransitions.allowedActions(state, CaseAccess.FULL).stream().map(CaseAction::code).toList());
				assertThat(String.valueOf(p.properties().get("allowedActions"))).doesNotContain(action.code() + ",");
			});
			assertThat(c.state()).isEqualTo(state);
			assertThat(c.changes()).isEmpty();
		}
	}

	@Test
	void theLoopAsTheSeedDescribesItIsInTheTable() {
		assertThat(CaseTransitions.target(CaseAction.ASSESS, CaseState.REPORTED, null)).contains(CaseState.ASSESSING);
		assertThat(CaseTransitions.target(CaseAction.CATEGORIZE, CaseState.ASSESSING, null)).contains(CaseState.WATCH);
		assertThat(CaseTransitions.target(CaseAction.DISMISS, CaseState.ASSESSING, null)).contains(CaseState.CLOSED);
		assertThat(CaseTransitions.target(CaseAction.NOTIFY_FAMILY, CaseState.WATCH, null)).contains(CaseState.FAMILY);
		assertThat(CaseTransitions.target(CaseAction.REFER, CaseState.FAMILY, null)).contains(CaseState.REFERRED);
		assertThat(CaseTransitions.target(CaseAction.SIGN_CONTRACT, CaseState.FAMILY, null)).contains(CaseState.WATCH);
		assertThat(CaseTransitions.target(CaseAction.START_LEAVE, CaseState.REFERRED, null)).contains(CaseState.ON_LEAVE);
		assertThat(CaseTransitions.target(CaseAction.APPLY_RETURN, CaseState.ON_LEAVE, null))
			.contains(CaseState.RETURN_REVIEW);
		assertThat(CaseTransitions.target(CaseAction.DECIDE_RETURN, CaseState.RETURN_REVIEW, "return"))
			.contains(CaseState.WATCH);
		assertThat(CaseTransitions.target(CaseAction.RELEASE, CaseState.WATCH, null)).contains(CaseState.RELEASED);
		// ended cases take addenda only
		for (CaseState ended : List.of(CaseState.RELEASED, CaseState.CLOSED)) {
			assertThat(CaseTransitions.allowedActions(ended, CaseAccess.FULL))
				.containsExactly(CaseAction.ADD_NOTE, CaseAction.VOID_ENTRY);
		}
		// a mentor only ticks their measures
		assertThat(CaseTransitions.allowedActions(CaseState.WATCH, CaseAccess.MENTOR))
			.containsExactly(CaseAction.TICK_MEASURE);
	}

	@Test
	void categoriesTwoAndThreeAlwaysEnterTheWarningDatabaseAndAChangeNeedsItsReason() {
		WarningCase c = new WarningCase(1, 2, 3, CaseState.ASSESSING, null, false, false, 0);
		assertThatThrownBy(() -> c.categorize(Map.of("category", 2L, "enterDatabase", false)))
			.isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.properties()).containsEntry("field", "enterDatabase"));
		assertThatThrownBy(() -> c.categorize(Map.of("category", 1L, "enterDatabase", false)))
			.isInstanceOfSatisfying(ApiProblem.class,
					p -> assertThat(p.properties()).containsEntry("field", "notEnteringReason"));
		c.categorize(Map.of("category", 1L));
		assertThat(c.category()).isEqualTo(1);
		assertThat(c.inDatabase()).isTrue();
		assertThatThrownBy(() -> c.categorize(Map.of("category", 3L)))
			.isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.properties()).containsEntry("field", "reason"));
		WarningCase.Change change = c.categorize(Map.of("category", 3L, "reason", "诊断为重度抑郁"));
		assertThat(change.details()).containsEntry("previousCategory", 1);
		assertThat(c.category()).isEqualTo(3);
	}

	@Test
	void parentsWhoRefuseReferralKeepTheStudentInWatchWithTheFlagUntilAReferral() {
		WarningCase c = new WarningCase(1, 2, 3, CaseState.FAMILY, 3, true, false, 0);
		c.signContract(Map.of());
		assertThat(c.state()).isEqualTo(CaseState.WATCH);
		assertThat(c.staysAgainstAdvice()).isTrue();
		c.notifyFamily(Map.of());
		c.refer(Map.of("hospitalId", 1L));
		assertThat(c.state()).isEqualTo(CaseState.REFERRED);
		assertThat(c.staysAgainstAdvice()).isFalse();
	}

	/** The least details each action needs, as CaseFields.clean would store them. */
	static Map<String, Object> minimal(CaseAction action, String variant) {
		Map<String, Object> d = new HashMap<>();
		for (CaseFields.Field f : CaseFields.of(action)) {
			if (!f.required()) {
				continue;
			}
			switch (f.type()) {
				case INT, ID -> d.put(f.name(), (long) Math.max(1, f.min()));
				case CHOICE -> d.put(f.name(), variant != null ? variant : f.choices().iterator().next());
				default -> d.put(f.name(), "x");
			}
		}
		return d;
	}
}
