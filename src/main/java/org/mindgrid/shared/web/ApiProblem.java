package org.mindgrid.shared.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal a module API raises with a message key; the API answers it as problem details, pages as a message.
 * {@code args} fill the message's placeholders.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] args;

	private Long retryAfterSeconds;

	private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

	public ApiProblem(HttpStatus status, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
	}

	public static ApiProblem notFound(String key, Object... args) {
		return new ApiProblem(HttpStatus.NOT_FOUND, key, args);
	}

	public static ApiProblem forbidden(String key, Object... args) {
		return new ApiProblem(HttpStatus.FORBIDDEN, key, args);
	}

	public static ApiProblem conflict(String key, Object... args) {
		return new ApiProblem(HttpStatus.CONFLICT, key, args);
	}

	public static ApiProblem badRequest(String key, Object... args) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, key, args);
	}

	/** 401/403/404: the caller may not do this at all; pages must not turn it into a form message. */
	public boolean isAccessRefusal() {
		return status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN || status == HttpStatus.NOT_FOUND;
	}

	/** Answers with {@code Retry-After} (429, 503). */
	public ApiProblem withRetryAfter(long seconds) {
		this.retryAfterSeconds = seconds;
		return this;
	}

	/** Adds a member to the problem details (e.g. {@code allowedActions} of a refused case action). */
	public ApiProblem with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public java.util.Map<String, Object> properties() {
		return java.util.Collections.unmodifiableMap(properties);
	}

	public Long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}
}
