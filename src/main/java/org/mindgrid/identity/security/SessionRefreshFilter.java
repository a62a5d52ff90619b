package org.mindgrid.identity.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session carries the user as they were at login; posts change and accounts get disabled while sessions live.
 * Each page request reloads the account and its posts, and ends the session of a disabled or locked account, so a
 * dismissed teacher loses access on their next click rather than at the idle timeout.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

	private final UserAccounts accounts;

	private final Clock clock;

	SessionRefreshFilter(UserAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
			var account = accounts.findById(user.currentUser().id());
			boolean locked = account.map(a -> a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant()))
				.orElse(false);
			if (account.isEmpty() || !account.get().enabled() || locked) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(request.getContextPath() + "/login?disabled");
				return;
			}
			AuthenticatedUser fresh = accounts.load(account.get());
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.authorities()));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}
}
