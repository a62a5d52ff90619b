package org.mindgrid.student.roster;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Text as Chinese Excel writes it: GBK or UTF-8 (with or without BOM), full-width digits and letters typed with a
 * Chinese input method, stray and non-breaking spaces.
 */
final class RosterText {

	static final Charset GB18030 = Charset.forName("GB18030");

	private RosterText() {
	}

	/**
	 * UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, otherwise GB18030, the superset of GBK that Chinese
	 * Excel uses for "CSV (逗号分隔)".
	 */
	static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(bytes, GB18030);
		}
	}

	/**
	 * Full-width digits, Latin letters and the ideographic space become half-width; other full-width punctuation
	 * (（）、，) is kept, it belongs to Chinese text. Zero-width characters go, runs of spaces become one, and the
	 * ends are trimmed.
	 */
	static String clean(String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
				sb.append((char) (c - 0xFEE0));
			}
			else if (c == '\u3000' || c == '\u00A0' || c == '\t' || c == '\r' || c == '\n') {
				sb.append(' ');
			}
			else if (c != '\u200B' && c != '\uFEFF') {
				sb.append(c);
			}
		}
		return sb.toString().replaceAll(" {2,}", " ").strip();
	}

	/** For codes (学号, dates, phone numbers, headers): every full-width form becomes its ASCII twin. */
	static String ascii(String raw) {
		return clean(Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC));
	}
}
