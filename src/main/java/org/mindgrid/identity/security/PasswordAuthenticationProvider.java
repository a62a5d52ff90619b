package org.mindgrid.identity.security;

import org.mindgrid.identity.security.LoginOutcome.Success;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The login page's provider: every decision is {@link Logins}'s; anything but success is a refusal with its reason. */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final Logins logins;

	private final UserAccounts accounts;

	PasswordAuthenticationProvider(Logins logins, UserAccounts accounts) {
		this.logins = logins;
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		LoginDetails details = authentication.getDetails() instanceof LoginDetails d ? d
				: new LoginDetails(new LoginClient(null, null), null);
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		LoginOutcome outcome = logins.attempt(authentication.getName(), password, details.totp(), details.client());
		if (outcome instanceof Success success) {
			AuthenticatedUser user = accounts.load(success.account());
			var signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
			// The session (in PostgreSQL, ADR 0028) keeps the client, not the one-time code typed with the password.
			signedIn.setDetails(details.client());
			return signedIn;
		}
		throw new LoginRefusedException(outcome);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
