package org.mindgrid.identity.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer} on the API. A bad token is answered 401 by the entry point. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final UserAccounts accounts;

	private final ProblemResponses problems;

	private final Clock clock;

	BearerTokenFilter(ApiTokens tokens, UserAccounts accounts, ProblemResponses problems, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.problems = problems;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			var account = tokens.resolve(header.substring(7).trim()).flatMap(accounts::findById);
			boolean locked = account.map(a -> a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant()))
				.orElse(false);
			if (account.isEmpty() || !account.get().enabled() || locked) {
				problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "problem.unauthorized.token");
				return;
			}
			AuthenticatedUser user = accounts.load(account.get());
			var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(auth);
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}
}
