package org.mindgrid.notification;

import java.time.Instant;

/**
 * One argument of a notification's message, stored as data and turned into words when it is shown, in the
 * reader's language: {@code code} (a message key, e.g. {@code duty.kind.ASSESSMENT}), {@code text} (data typed by
 * people, e.g. a user's display name), {@code number}, {@code time} (an instant, ISO-8601) or {@code class} (a
 * school class id, shown as its grade and class). Never a student's name.
 */
public record NoticeArg(String type, String value) {

	public static final String CODE = "code";

	public static final String TEXT = "text";

	public static final String NUMBER = "number";

	public static final String TIME = "time";

	public static final String CLASS = "class";

	public NoticeArg {
		if (type == null || value == null) {
			throw new IllegalArgumentException("notice argument needs a type and a value");
		}
	}

	public static NoticeArg code(String messageKey) {
		return new NoticeArg(CODE, messageKey);
	}

	public static NoticeArg text(String text) {
		return new NoticeArg(TEXT, text);
	}

	public static NoticeArg number(long number) {
		return new NoticeArg(NUMBER, Long.toString(number));
	}

	public static NoticeArg time(Instant instant) {
		return new NoticeArg(TIME, instant.toString());
	}

	public static NoticeArg schoolClass(long classId) {
		return new NoticeArg(CLASS, Long.toString(classId));
	}
}
