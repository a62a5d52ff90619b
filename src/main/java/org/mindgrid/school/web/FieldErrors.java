package org.mindgrid.school.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.mindgrid.school.InvalidInput;
import org.mindgrid.shared.web.InputErrors;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;

/** Turns service-side field rules into the same field errors as Bean Validation, for the API and the pages. */
final class FieldErrors {

	private FieldErrors() {
	}

	/** Runs a service call; an {@link InvalidInput} becomes a {@link BindException} (400 with field errors). */
	static <T> T orBadRequest(String objectName, Supplier<T> action) throws BindException {
		try {
			return action.get();
		}
		catch (InvalidInput e) {
			BindingResult result = new MapBindingResult(new HashMap<>(), objectName);
			result.rejectValue(e.field(), e.messageKey(), e.args(), null);
			throw new BindException(result);
		}
	}

	/** Field name → localised message, first error per field. */
	static Map<String, String> messages(BindingResult result, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		result.getFieldErrors()
			.forEach(fe -> errors.putIfAbsent(fe.getField(), InputErrors.message(messages, fe, locale)));
		return errors;
	}

	static Map<String, String> messages(InvalidInput e, MessageSource messages, Locale locale) {
		return Map.of(e.field(), messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
	}
}
