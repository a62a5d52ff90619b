package org.mindgrid.crisis.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times on the crisis pages, in the school's zone and the reader's language; reports keep their times as ISO text
 * in {@code jsonb}, so both shapes are taken. Seconds are shown: every minute of an event is examined later.
 */
@Component("crisisTexts")
class CrisisTexts {

	private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm:ss", Locale.CHINA);

	private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);

	private final Clock clock;

	CrisisTexts(Clock clock) {
		this.clock = clock;
	}

	public String time(Object value) {
		Instant instant;
		if (value instanceof Instant i) {
			instant = i;
		}
		else if (value instanceof String s) {
			try {
				instant = Instant.parse(s);
			}
			catch (DateTimeParseException e) {
				return s;
			}
		}
		else {
			return "";
		}
		var formatter = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? EN : ZH;
		return formatter.format(instant.atZone(clock.getZone()));
	}
}
