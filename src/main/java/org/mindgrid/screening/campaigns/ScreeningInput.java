package org.mindgrid.screening.campaigns;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.InputErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** 400 problems that name the field (ADR 0012), in the caller's language, from the screening bundle's keys. */
@Component
public class ScreeningInput {

	private final MessageSource messages;

	ScreeningInput(MessageSource messages) {
		this.messages = messages;
	}

	public ApiProblem field(String field, String key, Object... args) {
		return fields(Map.of(field, new Object[] { key, args }));
	}

	/** Several fields at once: field → {message key, Object[] args}. */
	public ApiProblem fields(Map<String, Object[]> problems) {
		var locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach((field, p) -> errors.put(field, InputErrors.named(messages, field,
				messages.getMessage((String) p[0], (Object[]) p[1], (String) p[0], locale), locale)));
		return ApiProblem.badRequest("problem.validation").with("errors", errors);
	}
}
