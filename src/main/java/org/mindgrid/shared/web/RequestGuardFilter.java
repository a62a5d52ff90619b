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

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The shared text rule for request parameters and page form fields (query strings, url-encoded bodies, the login
 * form): no U+0000 or unpaired surrogate in a name or value, and no list index beyond what a form may grow to
 * ({@code familyMembers[9999].name}). Runs before security so that no account lookup sees such text.
 */
class RequestGuardFilter extends OncePerRequestFilter {

	private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

	private final BodyLimits limits;

	RequestGuardFilter(BodyLimits limits) {
		this.limits = limits;
	}

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

	private InputRefusal check(HttpServletRequest request) {
		String type = request.getContentType();
		if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
			// The parts are read later, within the upload limits; only the query string is checked here.
			return checkQuery(request.getQueryString());
		}
		if (type != null && jsonWithForeignCharset(type)) {
			// RFC 8259: JSON between systems is UTF-8; a body declared otherwise would be read as something else.
			return new InputRefusal(415, "problem.json-charset", null, null);
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidParameterException e) {
			// Tomcat could not read the form: over max-http-form-post-size (chunked, so not caught by length) or
			// not decodable.
			return e.getErrorCode() == 413
					? new InputRefusal(413, BodyLimitFilter.TOO_LARGE, new Object[] { limits.bodyText() }, null)
					: new InputRefusal(400, "problem.bad-parameter", null, null);
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			InputRefusal refusal = check(parameter.getKey(), parameter.getValue());
			if (refusal != null) {
				return refusal;
			}
		}
		return null;
	}

	static boolean jsonWithForeignCharset(String contentType) {
		String t = contentType.toLowerCase(java.util.Locale.ROOT);
		int semi = t.indexOf(';');
		String media = (semi < 0 ? t : t.substring(0, semi)).strip();
		if (!media.equals("application/json") && !media.endsWith("+json")) {
			return false;
		}
		int at = t.indexOf("charset=");
		if (at < 0) {
			return false;
		}
		String charset = t.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
		return !charset.equals("utf-8") && !charset.equals("utf8");
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
