package org.mindgrid.duty.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DueLabelTests {

	private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	@Test
	void overdueByDays() {
		assertThat(DueLabel.of(NOW.minus(Duration.ofDays(3).plusHours(2)), NOW))
			.isEqualTo(new DueLabel("duty.due.overdue.days", 3, 0, true));
	}

	@Test
	void timeLeftInHoursAndMinutes() {
		assertThat(DueLabel.of(NOW.plus(Duration.ofMinutes(80)), NOW))
			.isEqualTo(new DueLabel("duty.due.left.hours", 1, 20, false));
	}

	@Test
	void overdueByMinutes() {
		assertThat(DueLabel.of(NOW.minus(Duration.ofMinutes(5)), NOW))
			.isEqualTo(new DueLabel("duty.due.overdue.hours", 0, 5, true));
	}
}
