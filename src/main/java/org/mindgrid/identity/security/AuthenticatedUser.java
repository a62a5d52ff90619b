package org.mindgrid.identity.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.mindgrid.identity.CurrentUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The principal stored in the security context: the user and their posts, never the password.
 * {@code credentialsEpoch} is the account's epoch when the session began: a later password change ends it.
 * {@code mustEnrolTwoFactor}: the account must switch two-factor login on before it sees anything else.
 * Serializable: page sessions are stored in PostgreSQL (ADR 0028).
 */
public record AuthenticatedUser(CurrentUser currentUser, boolean mustChangePassword, int credentialsEpoch,
		boolean mustEnrolTwoFactor) implements Serializable {

	/** The same user after they changed their password in this session. */
	public AuthenticatedUser withNewPassword(int epoch) {
		return new AuthenticatedUser(currentUser, false, epoch, mustEnrolTwoFactor);
	}

	/** The same user after they switched two-factor login on. */
	public AuthenticatedUser withTwoFactor() {
		return new AuthenticatedUser(currentUser, mustChangePassword, credentialsEpoch, false);
	}

	public Collection<? extends GrantedAuthority> authorities() {
		List<SimpleGrantedAuthority> list = currentUser.roles()
			.stream()
			.map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
			.toList();
		return list;
	}

	@Override
	public String toString() {
		return currentUser.username();
	}
}
