package org.mindgrid.identity.security;

import java.util.Collection;
import java.util.List;

import org.mindgrid.identity.CurrentUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The principal stored in the security context: the user and their posts, never the password. */
public record AuthenticatedUser(CurrentUser currentUser, boolean mustChangePassword) {

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
