package org.mindgrid.identity.security;

import jakarta.servlet.http.HttpServletRequest;

/** The API token a request came with (set by the bearer filter). */
public final class CurrentToken {

	private CurrentToken() {
	}

	/** The token's id, or null for a page session. */
	public static Long id(HttpServletRequest request) {
		return request.getAttribute(BearerTokenFilter.TOKEN_ID) instanceof Long id ? id : null;
	}
}
