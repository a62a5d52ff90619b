package org.mindgrid.identity.security;

import java.time.Duration;
import java.time.Instant;

/**
 * The throttle's rule for one counter, as a pure function so that it is tested without a database. Each attempt
 * is counted as a failure <em>before</em> the password is checked (a success deletes the counter), so N parallel
 * attempts can never check more passwords than the limit allows. After the n-th failure the next attempt must wait
 * {@code firstDelay × 2^(n-1)}; the {@code maxFailures}-th locks the counter for {@code lockDuration}. A counter
 * whose window (= the lock duration) has passed starts again.
 */
record ThrottlePolicy(int maxFailures, Duration lockDuration, Duration firstDelay) {

	/** A counter as stored. */
	record State(int failures, Instant windowStartedAt, Instant nextAllowedAt, Instant lockedUntil) {

		static State fresh(Instant now) {
			return new State(0, now, null, null);
		}
	}

	/** Whether the attempt may check a password, the counter to store, and how long a refused client waits. */
	record Decision(boolean allowed, State next, Duration retryAfter) {
	}

	ThrottlePolicy {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("mindgrid.lockout.max-failures must be at least 1");
		}
	}

	Decision reserve(State current, Instant now) {
		State state = current;
		if (state.lockedUntil() != null && !state.lockedUntil().isAfter(now)) {
			state = State.fresh(now);
		}
		else if (state.lockedUntil() == null && !state.windowStartedAt().plus(lockDuration).isAfter(now)) {
			state = State.fresh(now);
		}
		if (state.lockedUntil() != null) {
			return new Decision(false, state, Duration.between(now, state.lockedUntil()));
		}
		if (state.nextAllowedAt() != null && state.nextAllowedAt().isAfter(now)) {
			return new Decision(false, state, Duration.between(now, state.nextAllowedAt()));
		}
		int failures = state.failures() + 1;
		Instant lockedUntil = failures >= maxFailures ? now.plus(lockDuration) : null;
		Instant nextAllowed = lockedUntil != null ? lockedUntil : now.plus(delayAfter(failures));
		Instant windowStart = state.failures() == 0 ? now : state.windowStartedAt();
		return new Decision(true, new State(failures, windowStart, nextAllowed, lockedUntil), Duration.ZERO);
	}

	Duration delayAfter(int failures) {
		if (firstDelay.isZero() || failures < 1) {
			return Duration.ZERO;
		}
		return firstDelay.multipliedBy(1L << Math.min(failures - 1, 16));
	}
}
