package org.mindgrid.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** Chinese unless English is asked for with {@code ?lang=en}, the locale cookie, or (API) Accept-Language. */
public final class Locales {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private Locales() {
	}

	public static Locale of(HttpServletRequest request) {
		String lang = request.getParameter("lang");
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
		if (request.getRequestURI().startsWith("/api/") && accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en")) {
			return Locale.ENGLISH;
		}
		return CHINESE;
	}
}
