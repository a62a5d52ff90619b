package org.mindgrid.school;

/**
 * Input that breaks a rule only the service can check (a name already taken, a grade outside the school's stage,
 * an end before the start). Pages show it at the field; the API answers 400 with the field in {@code errors}.
 */
public class InvalidInput extends RuntimeException {

	private final String field;

	private final transient Object[] args;

	public InvalidInput(String field, String messageKey, Object... args) {
		super(messageKey);
		this.field = field;
		this.args = args;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return getMessage();
	}

	public Object[] args() {
		return args;
	}
}
