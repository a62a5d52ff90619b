package org.mindgrid.identity;

import java.util.function.Supplier;

import org.mindgrid.identity.security.AuthenticatedUser;
import org.mindgrid.identity.security.UserAccounts;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs work outside a request as a named user, with exactly that user's posts, so that the module APIs check scope
 * and audit as for a request (the demo's caseload is recorded by the demo's psychology teacher, not by the system).
 */
@Component
public class ActingAs {

	private final UserAccounts accounts;

	ActingAs(UserAccounts accounts) {
		this.accounts = accounts;
	}

	public <T> T run(String username, Supplier<T> work) {
		AuthenticatedUser user = accounts.load(accounts.findByUsername(username)
			.orElseThrow(() -> new IllegalArgumentException("no user " + username)));
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
