package org.mindgrid.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refusals raised by servlet filters, where no controller advice runs: the error controller answers them like any
 * other {@link ApiProblem}, as RFC 9457 problem details on the API and as the error page otherwise, localised.
 */
public final class FilterProblems {

	static final String PROBLEM = FilterProblems.class.getName() + ".problem";

	static final String FIELD = FilterProblems.class.getName() + ".field";

	private FilterProblems() {
	}

	/**
	 * @param field the request field (header or form field) the problem is about, named in the problem's
	 * {@code errors}; or null
	 */
	public static void send(HttpServletRequest request, HttpServletResponse response, ApiProblem problem, String field)
			throws IOException {
		request.setAttribute(PROBLEM, problem);
		if (field != null) {
			request.setAttribute(FIELD, field);
		}
		response.sendError(problem.status().value());
	}
}
