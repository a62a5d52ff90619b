package org.mindgrid.identity.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mindgrid.identity.security.ThrottlePolicy.Decision;
import org.mindgrid.identity.security.ThrottlePolicy.State;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlePolicyTests {

	final ThrottlePolicy policy = new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofSeconds(1));

	final Instant t0 = Instant.parse("2026-12-01T08:00:00Z");

	@Test
	void delaysGrowThenTheFifthFailureLocks() {
		State s = State.fresh(t0);
		Instant now = t0;
		long[] waits = new long[4];
		for (int i = 0; i < 5; i++) {
			Decision d = policy.reserve(s, now);
			assertThat(d.allowed()).as("attempt " + (i + 1)).isTrue();
			s = d.next();
			if (i < 4) {
				waits[i] = Duration.between(now, s.nextAllowedAt()).toSeconds();
				Decision tooSoon = policy.reserve(s, now.plusMillis(500));
				assertThat(tooSoon.allowed()).isFalse();
				now = s.nextAllowedAt();
			}
		}
		assertThat(waits).containsExactly(1, 2, 4, 8);
		assertThat(s.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
		Decision locked = policy.reserve(s, now.plus(Duration.ofMinutes(14)));
		assertThat(locked.allowed()).isFalse();
		assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(1));
		Decision after = policy.reserve(s, now.plus(Duration.ofMinutes(15)));
		assertThat(after.allowed()).isTrue();
		assertThat(after.next().failures()).isEqualTo(1);
	}

	@Test
	void aQuietWindowStartsTheCountAgain() {
		State s = policy.reserve(State.fresh(t0), t0).next();
		s = policy.reserve(s, t0.plusSeconds(5)).next();
		assertThat(s.failures()).isEqualTo(2);
		Decision later = policy.reserve(s, t0.plus(Duration.ofMinutes(16)));
		assertThat(later.allowed()).isTrue();
		assertThat(later.next().failures()).isEqualTo(1);
	}

	@Test
	void withoutDelaysOnlyTheLimitCounts() {
		ThrottlePolicy strangers = new ThrottlePolicy(20, Duration.ofHours(1), Duration.ZERO);
		State s = State.fresh(t0);
		for (int i = 0; i < 20; i++) {
			Decision d = strangers.reserve(s, t0);
			assertThat(d.allowed()).isTrue();
			s = d.next();
		}
		assertThat(strangers.reserve(s, t0).allowed()).isFalse();
	}
}
