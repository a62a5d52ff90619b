package org.mindgrid.identity.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where to continue after logging in: a path of this application only, never another site (no open redirect),
 * never the login, logout or error pages themselves. Paths are relative to the context path.
 */
public final class NextUrl {

	static final int MAX_LENGTH = 2000;

	private NextUrl() {
	}

	/** {@code candidate} if it is a safe path of this application ("/students/5/talks/new?x=1"), else empty. */
	public static Optional<String> of(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH || !candidate.startsWith("/")
				|| candidate.startsWith("//") || candidate.indexOf('\\') >= 0) {
			return Optional.empty();
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			// Control characters could split the Location header; other non-ASCII text has no place in a path we made.
			if (c < 0x21 || c > 0x7e) {
				return Optional.empty();
			}
		}
		URI uri;
		try {
			uri = new URI(candidate);
		}
		catch (URISyntaxException e) {
			return Optional.empty();
		}
		String path = uri.getRawPath();
		if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || !path.startsWith("/")
				|| !uri.normalize().getRawPath().equals(path) || uri.getRawFragment() != null) {
			return Optional.empty();
		}
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
			return Optional.empty();
		}
		if (path.equals("/login") || path.startsWith("/login/") || path.equals("/logout") || path.equals("/error")
				|| path.startsWith("/error/")) {
			return Optional.empty();
		}
		return Optional.of(candidate);
	}

	/**
	 * The application path of {@code url} (a Referer or htmx's current URL) when it points at this very server,
	 * else empty.
	 */
	public static Optional<String> ofSameSite(String url, HttpServletRequest request) {
		if (url == null || url.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException e) {
			return Optional.empty();
		}
		String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null
				|| !uri.getHost().equalsIgnoreCase(request.getServerName())) {
			return Optional.empty();
		}
		int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
		if (port != request.getServerPort() || uri.getRawPath() == null) {
			return Optional.empty();
		}
		String path = uri.getRawPath();
		String context = request.getContextPath();
		if (!context.isEmpty()) {
			if (!path.startsWith(context + "/")) {
				return Optional.empty();
			}
			path = path.substring(context.length());
		}
		return of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
	}
}
