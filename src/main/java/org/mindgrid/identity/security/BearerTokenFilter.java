package org.mindgrid.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} on the API. A bad, revoked, idle or expired token, or one of a
 * disabled account, is answered 401. A login lock does not end tokens already issued (issue 6, point 1).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	/** The id of the token of this request, for logout and the token list. */
	static final String TOKEN_ID = BearerTokenFilter.class.getName() + ".tokenId";

	private final ApiTokens tokens;

	private final UserAccounts accounts;

	private final ProblemResponses problems;

	BearerTokenFilter(ApiTokens tokens, UserAccounts accounts, ProblemResponses problems) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			var resolved = tokens.resolve(header.substring(7).trim());
			var account = resolved.flatMap(t -> accounts.findById(t.userId()));
			if (account.isEmpty() || !account.get().enabled()) {
				problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "problem.unauthorized.token");
				return;
			}
			request.setAttribute(TOKEN_ID, resolved.get().id());
			AuthenticatedUser user = accounts.load(account.get());
			var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(auth);
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}
}
