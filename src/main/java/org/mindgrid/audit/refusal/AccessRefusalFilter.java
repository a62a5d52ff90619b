package org.mindgrid.audit.refusal;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Watches the answers to requests for students' data: a 403 or 404 to a signed-in user is a security event (someone
 * looked where they may not). Runs behind Spring Security, around the controllers, so it sees the final status of
 * refusals raised anywhere in the request, and records them after the request's own transaction has ended.
 */
class AccessRefusalFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AccessRefusalFilter.class);

	/** Endpoints that read or write named students' records (API and pages). */
	static final List<String> STUDENT_PATHS = List.of("/api/v1/students", "/students", "/api/v1/warning-reports",
			"/warnings", "/api/v1/talks", "/api/v1/home-visits", "/api/v1/contacts", "/api/v1/observations",
			"/observations", "/api/v1/concern-reports", "/concerns", "/api/v1/triggers", "/api/v1/classes",
			"/grid/classes");

	private static final Pattern STUDENT_ID = Pattern.compile("^(?:/api/v1)?/students/(\\d{1,18})(?:[/.].*)?$");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

	private static final int MAX_PATH = 500;

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	private final AccessRefusals refusals;

	private final CurrentUsers users;

	AccessRefusalFilter(AccessRefusals refusals, CurrentUsers users) {
		this.refusals = refusals;
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		int status = response.getStatus();
		if (status != HttpServletResponse.SC_FORBIDDEN && status != HttpServletResponse.SC_NOT_FOUND) {
			return;
		}
		String path = PATHS.getPathWithinApplication(request);
		CurrentUser user = users.find().orElse(null);
		if (user == null || !isStudentPath(path)) {
			return;
		}
		try {
			refusals.record(new AccessRefusals.Refusal(user.id(), user.username(), request.getMethod(), clean(path),
					status, studentId(path, request), request.getRemoteAddr()));
		}
		catch (RuntimeException e) {
			// The refusal itself has been answered; a failure to record it must not turn it into a 500.
			log.error("Could not record the refused {} {} of user {}", request.getMethod(), clean(path), user.id(), e);
		}
	}

	static boolean isStudentPath(String path) {
		return STUDENT_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
	}

	/** The student the path names, or the {@code studentId} parameter of a query or form. */
	static Long studentId(String path, HttpServletRequest request) {
		Matcher m = STUDENT_ID.matcher(path);
		if (m.matches()) {
			return Long.valueOf(m.group(1));
		}
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			return null; // an upload's parts are not parsed again for this
		}
		String param = request.getParameter("studentId");
		return param != null && NUMBER.matcher(param.strip()).matches() ? Long.valueOf(param.strip()) : null;
	}

	/** Paths are typed by the caller: no control characters, bounded length. */
	static String clean(String path) {
		String bounded = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
		StringBuilder out = new StringBuilder(bounded.length());
		bounded.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return out.toString();
	}
}
