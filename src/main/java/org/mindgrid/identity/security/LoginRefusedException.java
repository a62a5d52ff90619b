package org.mindgrid.identity.security;

import org.springframework.security.core.AuthenticationException;

/** A login page attempt that did not succeed, carrying why, for the failure handler. */
class LoginRefusedException extends AuthenticationException {

	private final transient LoginOutcome outcome;

	LoginRefusedException(LoginOutcome outcome) {
		super(outcome.getClass().getSimpleName());
		this.outcome = outcome;
	}

	LoginOutcome outcome() {
		return outcome;
	}
}
