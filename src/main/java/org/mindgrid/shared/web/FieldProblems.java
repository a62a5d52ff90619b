package org.mindgrid.shared.web;

import java.util.Locale;
import java.util.Map;


import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The project's field problem for rules a bean annotation cannot say: 400 with {@code errors.<field>}. */
@Component
public class FieldProblems {

	private final MessageSource messages;

	FieldProblems(MessageSource messages) {
		this.messages = messages;
	}

	public ApiProblem field(String field, String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return ApiProblem.badRequest("problem.validation").with("errors",
				Map.of(field, InputErrors.named(messages, field, messages.getMessage(key, args, key, locale), locale)));
	}
}
