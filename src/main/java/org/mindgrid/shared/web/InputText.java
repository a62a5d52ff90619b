package org.mindgrid.shared.web;

/**
 * Text no request may carry: U+0000 (PostgreSQL refuses it in text and jsonb) and unpaired UTF-16 surrogates
 * (not characters at all; jsonb refuses them and UTF-8 cannot encode them).
 */
public final class InputText {

	private InputText() {
	}

	/** The index of the first character that is not allowed, or -1 when the text is clean. */
	public static int invalidAt(CharSequence text) {
		if (text == null) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return i;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	public static boolean isClean(CharSequence text) {
		return invalidAt(text) < 0;
	}

	/** The text with every character that is not allowed shown as U+FFFD, to name a field safely. */
	public static String printable(String text) {
		if (isClean(text)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else {
				out.append(c == '\u0000' || Character.isSurrogate(c) ? '\uFFFD' : c);
			}
		}
		return out.toString();
	}
}
