package org.mindgrid.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before an account sees anything else it finishes its set-up: a new account (outside demo mode) chooses its own
 * password, then an account whose role needs it switches two-factor login on.
 */
class AccountSetupFilter extends OncePerRequestFilter {

	static final String PASSWORD_PATH = "/account/password";

	static final String TWO_FACTOR_PATH = "/account/two-factor";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user
				&& (user.mustChangePassword() || user.mustEnrolTwoFactor())) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String target = user.mustChangePassword() ? PASSWORD_PATH : TWO_FACTOR_PATH;
			boolean allowed = path.equals(target) || path.startsWith(target + "/") || path.equals("/logout")
					|| path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
					|| path.equals("/error");
			if (!allowed) {
				response.sendRedirect(request.getContextPath() + target);
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
