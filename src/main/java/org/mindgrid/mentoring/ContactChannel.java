package org.mindgrid.mentoring;

import java.util.Locale;
import java.util.Optional;

/** How a home-school contact (家校联系) was made. */
public enum ContactChannel {

	PHONE, WECHAT, DINGTALK, IN_PERSON;

	public static Optional<ContactChannel> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
