package org.mindgrid.identity.security;

import java.time.Duration;

import org.mindgrid.identity.security.UserAccounts.Account;

/**
 * What a login attempt came to. Unknown usernames, wrong passwords and accounts locked against unknown clients all
 * give {@link Refused}; the real state of an account (disabled, two-factor) is told only after its right password.
 */
public sealed interface LoginOutcome {

	record Success(Account account) implements LoginOutcome {
	}

	record Refused() implements LoginOutcome {
	}

	/** Too many attempts for this username from this client: wait, whether or not the account exists. */
	record Throttled(Duration retryAfter) implements LoginOutcome {

		public long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}
	}

	record Disabled() implements LoginOutcome {
	}

	record SecondFactorRequired(Account account) implements LoginOutcome {
	}

	record SecondFactorWrong() implements LoginOutcome {
	}
}
