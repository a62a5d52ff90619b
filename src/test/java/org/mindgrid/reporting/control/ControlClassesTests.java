package org.mindgrid.reporting.control;

import org.junit.jupiter.api.Test;
import org.mindgrid.reporting.control.ControlClasses.ControlClass;
import org.mindgrid.reporting.control.ControlClasses.Signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mindgrid.reporting.control.ControlClasses.suggest;

/** The rules that suggest a control class, each threshold on both sides. */
class ControlClassesTests {

	@Test
	void aSuicideOrAnAttemptMeansKeyControl() {
		assertThat(suggest(new Signals(1, 1, 0, false)).controlClass()).isEqualTo(ControlClass.KEY);
		assertThat(suggest(new Signals(1, 1, 0, false)).reasons().get(0).key()).isEqualTo("control.why.severe");
	}

	@Test
	void threeEventsInAYearMeanKeyControlTwoMeanWatch() {
		assertThat(suggest(new Signals(3, 0, 0, false)).controlClass()).isEqualTo(ControlClass.KEY);
		assertThat(suggest(new Signals(2, 0, 0, false)).controlClass()).isEqualTo(ControlClass.WATCH);
		assertThat(suggest(new Signals(1, 0, 0, false)).controlClass()).isEqualTo(ControlClass.WATCH);
	}

	@Test
	void redIndicatorsRaiseTheClassAndTheNamedSchoolsMeetAStricterThreshold() {
		assertThat(suggest(new Signals(0, 0, 10, false)).controlClass()).isEqualTo(ControlClass.KEY);
		assertThat(suggest(new Signals(0, 0, 6, false)).controlClass()).isEqualTo(ControlClass.WATCH);
		assertThat(suggest(new Signals(0, 0, 5, false)).controlClass()).isEqualTo(ControlClass.ROUTINE);
		assertThat(suggest(new Signals(0, 0, 3, true)).controlClass()).isEqualTo(ControlClass.WATCH);
		assertThat(suggest(new Signals(0, 0, 3, true)).reasons().get(0).key()).isEqualTo("control.why.red-stricter");
		assertThat(suggest(new Signals(0, 0, 2, true)).controlClass()).isEqualTo(ControlClass.ROUTINE);
	}

	@Test
	void everySuggestionSaysWhy() {
		assertThat(suggest(new Signals(0, 0, 0, false)).reasons()).extracting(ControlClasses.Why::key)
			.containsExactly("control.why.none");
		assertThat(suggest(new Signals(4, 2, 12, true)).reasons()).hasSize(3);
	}
}
