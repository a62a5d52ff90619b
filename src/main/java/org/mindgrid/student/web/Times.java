package org.mindgrid.student.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats instants for pages in the schools' zone: 2026年11月23日 14:05 (2026-11-23 14:05 in English). */
@Component("studentTimes")
class Times {

	private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

	private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

	private final Clock clock;

	Times(Clock clock) {
		this.clock = clock;
	}

	String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		var formatter = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? EN : ZH;
		return formatter.format(instant.atZone(clock.getZone()));
	}
}
