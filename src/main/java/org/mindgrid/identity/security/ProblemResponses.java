package org.mindgrid.identity.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from filters, where no controller advice runs. */
@Component
class ProblemResponses {

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey)
			throws IOException {
		Locale locale = localeOf(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
				messages.getMessage(messageKey, null, messageKey, locale));
		problem.setTitle(messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(), locale));
		problem.setProperty("code", messageKey);
		response.setStatus(status);
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(problem));
	}

	private static Locale localeOf(HttpServletRequest request) {
		return org.mindgrid.shared.web.Locales.of(request);
	}
}
