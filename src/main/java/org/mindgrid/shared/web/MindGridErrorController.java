package org.mindgrid.shared.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised outside controllers (unknown paths, filters, the multipart limit, a content type no handler takes):
 * problem details for the API, a page otherwise. Never an empty body, never "system error" for a client's mistake.
 */
@Controller
class MindGridErrorController implements ErrorController {

	/** What to say: a message key and its arguments, and the refused field if there is one. */
	private record Said(String key, Object[] args, String field, String fieldMessage) {
	}

	private final MessageSource messages;

	private final Problems problems;

	private final BodyLimits limits;

	private final JsonMapper json;

	MindGridErrorController(MessageSource messages, Problems problems, BodyLimits limits, JsonMapper json) {
		this.messages = messages;
		this.problems = problems;
		this.limits = limits;
		this.json = json;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR
				: HttpStatus.resolve(status);
		Locale locale = Locales.of(request);
		// a filter (the token's lookup) that found no free connection: busy, not broken (issue 11 point 3)
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (status == 500 && Overload.is((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			// answered without the page layout: it reads the session (CSRF token, user), which needs a connection too
			OverloadFilter.busy(response, uri != null && uri.toString().startsWith("/api/"), locale, problems, json);
			return null;
		}
		boolean api = uri != null && uri.toString().startsWith("/api/");
		// A filter's refusal (FilterProblems) brings its own message and, maybe, the field it is about.
		ApiProblem raised = request.getAttribute(FilterProblems.PROBLEM) instanceof ApiProblem p ? p : null;
		if (raised != null) {
			String detail = problems.message(raised.messageKey(), raised.args(), locale);
			String field = request.getAttribute(FilterProblems.FIELD) instanceof String f ? f : null;
			if (api) {
				ProblemDetail problem = problems.of(httpStatus, raised.messageKey(), raised.args(), locale,
						field == null ? null : Map.of(field, detail));
				response.setStatus(status);
				response.setCharacterEncoding("UTF-8");
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.getWriter().write(json.writeValueAsString(problem));
				return null;
			}
			LocaleContextHolder.setLocale(locale);
			return PageExceptionHandler.page(messages, response, status, raised.messageKey(), raised.args());
		}
		Said said = said(request, status, locale);
		if (api) {
			Map<String, String> errors = said.field() == null ? null : Map.of(said.field(), said.fieldMessage());
			ProblemDetail problem = problems.of(httpStatus, said.key(), said.args(), locale, errors);
			response.setStatus(status);
			response.setCharacterEncoding("UTF-8");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(json.writeValueAsString(problem));
			return null;
		}
		LocaleContextHolder.setLocale(locale);
		if (said.field() != null) {
			return PageExceptionHandler.page(messages, response, status, "problem.field",
					new Object[] { said.field(), said.fieldMessage() });
		}
		return PageExceptionHandler.page(messages, response, status, said.key(), said.args());
	}

	private Said said(HttpServletRequest request, int status, Locale locale) {
		InputRefusal refusal = InputRefusal.of(request);
		if (refusal != null) {
			if (refusal.field() != null) {
				return new Said("problem.validation", null, refusal.field(),
						problems.message(refusal.messageKey(), refusal.args(), locale));
			}
			return new Said(refusal.messageKey(), refusal.args(), null, null);
		}
		Object failure = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
		return switch (status) {
			case 400 -> new Said("problem.bad-parameter", null, null, null);
			case 401 -> new Said("problem.unauthorized", null, null, null);
			case 403 -> new Said("problem.forbidden", null, null, null);
			case 404 -> new Said("problem.not-found", null, null, null);
			case 405 -> new Said("problem.method", null, null, null);
			case 413 -> new Said(BodyLimitFilter.UPLOAD_TOO_LARGE, new Object[] { limits.uploadText() }, null, null);
			case 415 -> failure instanceof HttpMediaTypeNotSupportedException e
					? new Said("problem.media-type.expected", Problems.mediaTypeArgs(e), null, null)
					: new Said("problem.media-type", null, null, null);
			default -> new Said(status >= 400 && status < 500 ? "problem.bad-parameter" : "problem.internal", null, null,
					null);
		};
	}
}
