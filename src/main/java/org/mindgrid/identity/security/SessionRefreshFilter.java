package org.mindgrid.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session carries the user as they were at login; posts change, accounts get disabled and passwords change while
 * sessions live. Each page request reloads the account and its posts, and ends the session of a disabled account
 * or one whose password was changed or reset since the session began (issue 6, point 7), so a dismissed teacher or
 * a stolen session loses access on the next click. A login lock does not end sessions (point 1).
 */
class SessionRefreshFilter extends OncePerRequestFilter {

	private final UserAccounts accounts;

	SessionRefreshFilter(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
			var account = accounts.findById(user.currentUser().id());
			boolean ended = account.isEmpty() || !account.get().enabled()
					|| account.get().credentialsEpoch() != user.credentialsEpoch();
			if (ended) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(request.getContextPath() + "/login?ended");
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
