package org.mindgrid.identity.security;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A password policy that means something (issue 6, point 13; NIST SP 800-63B rather than composition rules, so
 * that long Chinese passphrases work): at least 10 characters after NFKC (full-width digits are digits), at most
 * 128, not one of the common passwords shipped with the app (also with leading and trailing digits and symbols
 * taken off: "password2026!" is "password"), not containing the username, and not a run of one or two characters.
 * Returns the message key of the first rule broken.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	public static Optional<String> check(String username, String password) {
		if (password == null) {
			return Optional.of("password.too-short");
		}
		String n = Normalizer.normalize(password, Normalizer.Form.NFKC);
		int length = n.codePointCount(0, n.length());
		if (length < MIN_LENGTH) {
			return Optional.of("password.too-short");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.too-long");
		}
		String lower = n.toLowerCase(Locale.ROOT);
		if (n.codePoints().distinct().count() <= 2) {
			return Optional.of("password.too-simple");
		}
		String core = lower.replaceAll("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$", "");
		if (CommonPasswords.contains(lower) || CommonPasswords.contains(lower.replaceAll("\\s", ""))
				|| (core.length() >= 4 && CommonPasswords.contains(core))) {
			return Optional.of("password.common");
		}
		String name = username == null ? "" : Normalizer.normalize(username, Normalizer.Form.NFKC).strip()
			.toLowerCase(Locale.ROOT);
		if (name.length() >= 3 && lower.contains(name)) {
			return Optional.of("password.contains-username");
		}
		return Optional.empty();
	}
}
