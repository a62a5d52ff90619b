package org.mindgrid.shared.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Chinese unless English is asked for with {@code ?lang=en}, the locale cookie, or (API) Accept-Language. */
public final class Locales {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private Locales() {
	}

	public static Locale of(HttpServletRequest request) {
		String lang = queryLang(request);
		if (lang != null) {
			return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
		}
		if (request.getCookies() != null) {
			for (var cookie : request.getCookies()) {
				if (LocaleConfiguration.COOKIE.equals(cookie.getName())) {
					return cookie.getValue().startsWith("en") ? Locale.ENGLISH : CHINESE;
				}
			}
		}
		String accept = request.getHeader("Accept-Language");
		if (uriOf(request).startsWith("/api/") && accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en")) {
			return Locale.ENGLISH;
		}
		return CHINESE;
	}

	/** {@code ?lang=} of the request (of the failed request on the error page), or null. */
	static String queryLang(HttpServletRequest request) {
		return lang(queryOf(request));
	}

	/** On the error page, the query string and path of the request that failed. */
	private static String queryOf(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			Object query = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
			return query == null ? null : query.toString();
		}
		return request.getQueryString();
	}

	private static String uriOf(HttpServletRequest request) {
		Object uri = request.getDispatcherType() == DispatcherType.ERROR
				? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : null;
		return uri == null ? request.getRequestURI() : uri.toString();
	}

	/**
	 * {@code lang} from the query string only: reading parameters would parse a body, and on the error page of an
	 * oversized upload that parse fails again and leaves the response empty.
	 */
	private static String lang(String query) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith("lang=")) {
				try {
					return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException e) {
					return null;
				}
			}
		}
		return null;
	}
}
