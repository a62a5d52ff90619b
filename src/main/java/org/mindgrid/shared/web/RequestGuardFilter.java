package org.mindgrid.shared.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The shared text rule for request parameters and page form fields (query strings, url-encoded bodies, the login
 * form): no U+0000 or unpaired surrogate in a name or value, and no list index beyond what a form may grow to
 * ({@code familyMembers[9999].name}). Runs before security so that no account lookup sees such text.
 */
class RequestGuardFilter extends OncePerRequestFilter {

	private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		InputRefusal refusal = check(request);
		if (refusal != null) {
			refusal.send(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static InputRefusal check(HttpServletRequest request) {
		String type = request.getContentType();
		if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
			// The parts are read later, within the upload limits; only the query string is checked here.
			return checkQuery(request.getQueryString());
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			InputRefusal refusal = check(parameter.getKey(), parameter.getValue());
			if (refusal != null) {
				return refusal;
			}
		}
		return null;
	}

	private static InputRefusal checkQuery(String query) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			try {
				String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				InputRefusal refusal = check(name, new String[] { value });
				if (refusal != null) {
					return refusal;
				}
			}
			catch (IllegalArgumentException e) {
				return new InputRefusal(400, "problem.bad-parameter", null, null);
			}
		}
		return null;
	}

	private static InputRefusal check(String name, String[] values) {
		String field = InputText.printable(name);
		if (!InputText.isClean(name)) {
			return new InputRefusal(400, JsonInput.INVALID_TEXT, null, field);
		}
		Matcher index = INDEX.matcher(name);
		while (index.find()) {
			String digits = index.group(1);
			if (digits.length() > 6 || Integer.parseInt(digits) >= BindingLimits.MAX_LIST_INDEX) {
				return new InputRefusal(400, "input.index-too-large", new Object[] { BindingLimits.MAX_LIST_INDEX },
						field);
			}
		}
		for (String value : values) {
			if (!InputText.isClean(value)) {
				return new InputRefusal(400, JsonInput.INVALID_TEXT, null, field);
			}
		}
		return null;
	}
}
