package org.mindgrid.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks username and password; after {@code max-failures} wrong passwords the account is locked for
 * {@code duration}, and during the lock even the right password is refused.
 */
@Component
public class LockoutAuthenticationProvider implements AuthenticationProvider {

	// Compared against for unknown users so that timing does not reveal which usernames exist. The {bcrypt} prefix
	// is what the delegating encoder needs; without it every unknown username was a 500.
	private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z4a2nJvNn9p7Jr8xG8p6aN5K";

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockDuration;

	LockoutAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, Clock clock,
			@Value("${mindgrid.lockout.max-failures}") int maxFailures,
			@Value("${mindgrid.lockout.duration}") Duration lockDuration) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName() == null ? "" : authentication.getName().trim();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		var found = accounts.findByUsername(username);
		if (found.isEmpty()) {
			encoder.matches(password, DUMMY_HASH);
			throw new BadCredentialsException("bad credentials");
		}
		var account = found.get();
		Instant now = clock.instant();
		if (account.lockedUntil() != null) {
			if (account.lockedUntil().isAfter(now)) {
				throw new LockedException("locked until " + account.lockedUntil());
			}
			accounts.clearExpiredLock(account.id());
		}
		if (!account.enabled()) {
			throw new DisabledException("disabled");
		}
		if (!encoder.matches(password, account.passwordHash())) {
			accounts.recordFailure(account.id(), maxFailures, now.plus(lockDuration));
			throw new BadCredentialsException("bad credentials");
		}
		accounts.recordSuccess(account.id(), now);
		AuthenticatedUser user = accounts.load(account);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
