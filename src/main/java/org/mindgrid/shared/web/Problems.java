package org.mindgrid.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/** Builds the RFC 9457 problems of the API (controller advice and error page alike) from message keys. */
@Component
class Problems {

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	ProblemDetail of(HttpStatus status, String key, Object[] args, Locale locale, Map<String, String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, args, key, locale));
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setProperty("code", key);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	String message(String key, Object[] args, Locale locale) {
		return messages.getMessage(key, args, key, locale);
	}

	/** What was sent and what this endpoint takes, e.g. "text/plain" and "application/json". */
	static Object[] mediaTypeArgs(HttpMediaTypeNotSupportedException e) {
		List<MediaType> supported = e.getSupportedMediaTypes();
		String expected = supported.stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)
				? MediaType.APPLICATION_JSON_VALUE
				: supported.stream().map(MediaType::toString).distinct().limit(3).reduce((a, b) -> a + ", " + b)
					.orElse(MediaType.APPLICATION_JSON_VALUE);
		String sent = e.getContentType() == null ? "-" : e.getContentType().toString();
		return new Object[] { sent, expected };
	}
}
