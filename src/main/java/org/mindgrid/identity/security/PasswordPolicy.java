package org.mindgrid.identity.security;

import java.util.Optional;

/**
 * 等保 level 3 style: at least 10 characters mixing three of upper case, lower case, digits and symbols, and not
 * containing the username. Returns the message key of the first rule broken.
 */
public final class PasswordPolicy {

	private PasswordPolicy() {
	}

	public static Optional<String> check(String username, String password) {
		if (password == null || password.length() < 10) {
			return Optional.of("password.too-short");
		}
		if (password.length() > 128) {
			return Optional.of("password.too-long");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			return Optional.of("password.too-simple");
		}
		if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
			return Optional.of("password.contains-username");
		}
		return Optional.empty();
	}
}
