package org.mindgrid.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A new account (outside demo mode) must choose its own password before it sees anything else. */
class PasswordChangeFilter extends OncePerRequestFilter {

	static final String PATH = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user && user.mustChangePassword()) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			boolean allowed = path.equals(PATH) || path.equals("/logout") || path.startsWith("/webjars/")
					|| path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error");
			if (!allowed) {
				response.sendRedirect(request.getContextPath() + PATH);
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
