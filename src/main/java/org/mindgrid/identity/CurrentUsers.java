package org.mindgrid.identity;

import java.util.Optional;

import org.mindgrid.identity.security.AuthenticatedUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Gives the module APIs the caller of the current request. */
@Component
public class CurrentUsers {

	public Optional<CurrentUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
			return Optional.of(user.currentUser());
		}
		return Optional.empty();
	}

	public CurrentUser current() {
		return find().orElseThrow(() -> new IllegalStateException("No authenticated user"));
	}
}
