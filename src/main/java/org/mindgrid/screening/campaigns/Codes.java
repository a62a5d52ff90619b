package org.mindgrid.screening.campaigns;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The codes that stand in for accounts: ten characters of an alphabet without look-alikes (no 0/O, 1/I/L), so
 * 10 × log2(31) ≈ 49.5 bits, well over the 40 the issue asks; typed with or without dashes and in either case.
 */
public final class Codes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Codes() {
	}

	public static String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}

	/** What a person typed, as stored: upper case, without spaces or dashes; null when it cannot be a code. */
	public static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < typed.length() && code.length() <= LENGTH; i++) {
			char c = Character.toUpperCase(typed.charAt(i));
			if (c == '-' || c == ' ' || c == '\u3000') {
				continue;
			}
			if (ALPHABET.indexOf(c) < 0) {
				return null;
			}
			code.append(c);
		}
		return code.length() == LENGTH ? code.toString() : null;
	}

	/** Printed in groups for reading aloud and typing: {@code ABCD-EFGH-JK}. */
	public static String printed(String code) {
		return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8).toUpperCase(Locale.ROOT);
	}
}
