package org.mindgrid.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON value refused by the shared input rules; Jackson adds the path, the handler names the field with it. */
class InputMismatch extends MismatchedInputException {

	private final String messageKey;

	private final transient Object[] args;

	InputMismatch(JsonParser parser, String messageKey, Object[] args, Class<?> targetType) {
		super(parser, messageKey, targetType);
		this.messageKey = messageKey;
		this.args = args;
	}

	String messageKey() {
		return messageKey;
	}

	Object[] args() {
		return args;
	}
}
