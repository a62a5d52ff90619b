package org.mindgrid.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter (issue 11 point 3): a request that found no free connection, or whose statement was
 * cancelled, anywhere in the chain (the session's lookup, the token's, a controller) answers 503 with Retry-After
 * here, directly. The error page would need the session (flash maps, CSRF token), which needs a connection too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OverloadFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(OverloadFilter.class);

	private final Problems problems;

	private final JsonMapper json;

	OverloadFilter(Problems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!Overload.is(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database busy on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
			response.reset();
			busy(response, request.getRequestURI().startsWith("/api/"), Locales.of(request), problems, json);
		}
	}

	/** 503 with Retry-After, as JSON for the API and as a bare page otherwise: nothing that needs the database. */
	static void busy(HttpServletResponse response, boolean api, Locale locale, Problems problems, JsonMapper json)
			throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", String.valueOf(Overload.RETRY_AFTER_SECONDS));
		response.setCharacterEncoding("UTF-8");
		if (api) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(json.writeValueAsString(
					problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.busy", null, locale, null)));
			return;
		}
		String title = HtmlUtils.htmlEscape(problems.message("problem.title.503", null, locale));
		String text = HtmlUtils.htmlEscape(problems.message("problem.busy", null, locale));
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.getWriter().write("<!DOCTYPE html><html lang=\"" + ("en".equals(locale.getLanguage()) ? "en" : "zh-CN")
				+ "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>" + title + "</title></head><body style=\"font-family:system-ui,sans-serif;padding:1rem\"><h1>"
				+ title + "</h1><p>" + text + "</p></body></html>");
	}
}
