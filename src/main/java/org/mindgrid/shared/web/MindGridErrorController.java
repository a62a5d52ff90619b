package org.mindgrid.shared.web;

import java.io.IOException;
import java.util.Locale;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** Errors raised outside controllers (unknown paths, filters): problem details for the API, a page otherwise. */
@Controller
class MindGridErrorController implements ErrorController {

	private final MessageSource messages;

	private final JsonMapper json;

	MindGridErrorController(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(status);
		// A filter's refusal (FilterProblems) brings its own message; otherwise the status says what happened.
		ApiProblem raised = request.getAttribute(FilterProblems.PROBLEM) instanceof ApiProblem p ? p : null;
		Object[] args = raised == null ? null : raised.args();
		String key = raised != null ? raised.messageKey() : switch (status) {
			case 400 -> "problem.bad-parameter";
			case 401 -> "problem.unauthorized";
			case 403 -> "problem.forbidden";
			case 404 -> "problem.not-found";
			case 405 -> "problem.method";
			case 413 -> "problem.too-large";
			default -> "problem.internal";
		};
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && uri.toString().startsWith("/api/")) {
			Locale locale = Locales.of(request);
			String detail = messages.getMessage(key, args, key, locale);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(httpStatus, detail);
			String statusTitle = messages.getMessage("problem.title." + status, null, httpStatus.getReasonPhrase(), locale);
			problem.setTitle(messages.getMessage(key + ".title", null, statusTitle, locale));
			problem.setProperty("code", key);
			if (raised != null && request.getAttribute(FilterProblems.FIELD) instanceof String field) {
				problem.setProperty("errors", java.util.Map.of(field, detail));
			}
			response.setStatus(status);
			response.setCharacterEncoding("UTF-8");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(json.writeValueAsString(problem));
			return null;
		}
		LocaleContextHolder.setLocale(Locales.of(request));
		return PageExceptionHandler.page(messages, response, status, key, args);
	}
}
