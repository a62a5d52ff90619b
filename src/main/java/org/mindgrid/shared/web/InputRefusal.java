package org.mindgrid.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request a filter refused before any controller ran. It is answered through the error page, which writes
 * problem details for the API and the error page otherwise, so filters and controllers word refusals alike.
 *
 * @param field the parameter or form field refused, or null when the refusal is about the whole request
 */
record InputRefusal(int status, String messageKey, Object[] args, String field) {

	static final String ATTRIBUTE = InputRefusal.class.getName();

	void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.setAttribute(ATTRIBUTE, this);
		response.sendError(status);
	}

	static InputRefusal of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof InputRefusal r ? r : null;
	}
}
