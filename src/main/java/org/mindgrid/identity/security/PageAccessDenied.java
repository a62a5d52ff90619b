package org.mindgrid.identity.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.FilterProblems;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Refusals on the pages chain. A form posted after the session ended (its CSRF token belongs to the old session)
 * is not an attack to shout about but a teacher back from a lesson: they go to the login page, which brings them
 * back to the form, where the browser's draft refills what they typed (issue 7, point 2). The post itself is not
 * replayed. Other refusals are the error page in words that fit the person who sees it.
 */
class PageAccessDenied implements AccessDeniedHandler {

	static final String EXPIRED_LOGIN = "/login?expired=session";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		AuthenticatedUser user = auth != null && auth.getPrincipal() instanceof AuthenticatedUser u ? u : null;
		if (denied instanceof CsrfException && user == null) {
			sendToLogin(request, response);
			return;
		}
		String key = denied instanceof CsrfException ? "problem.csrf"
				: user == null ? "problem.forbidden" : user.currentUser().staffOnlyRefusal();
		FilterProblems.send(request, response, ApiProblem.forbidden(key), null);
	}

	private static void sendToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean htmx = "true".equals(request.getHeader("HX-Request"));
		// The page the form was on: htmx says so; a plain form post has it as Referer (Referrer-Policy same-origin).
		Optional<String> next = NextUrl.ofSameSite(htmx ? request.getHeader("HX-Current-URL") : request.getHeader("Referer"),
				request);
		String target = request.getContextPath() + EXPIRED_LOGIN
				+ next.map(n -> "&next=" + URLEncoder.encode(n, StandardCharsets.UTF_8)).orElse("");
		if (htmx) {
			// htmx follows HX-Redirect with a full page load whatever the status.
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(target);
	}
}
