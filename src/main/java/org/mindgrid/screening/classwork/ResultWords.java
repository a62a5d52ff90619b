package org.mindgrid.screening.classwork;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A scored result in words (ADR 0020: records keep codes): the total, its band, the flags ({@code CUTOFF},
 * {@code CRITICAL:<no>}). For templates: {@code ${@classworkWords.summary(result.total, result.band, result.flags)}}.
 */
@Component("classworkWords")
public class ResultWords {

	private final MessageSource messages;

	ResultWords(MessageSource messages) {
		this.messages = messages;
	}

	public String summary(double total, String band, List<String> flags) {
		return summary(messages, LocaleContextHolder.getLocale(), total, band, flags);
	}

	static String summary(MessageSource messages, Locale locale, double total, String band, List<String> flags) {
		List<String> parts = new ArrayList<>();
		parts.add(messages.getMessage("classwork.result.total", new Object[] { number(total) }, locale));
		if (band != null) {
			parts.add(messages.getMessage("screening.band." + band, null, band, locale));
		}
		for (String flag : flags == null ? List.<String>of() : flags) {
			if (flag.equals("CUTOFF")) {
				parts.add(messages.getMessage("classwork.flag.cutoff", null, locale));
			}
			else if (flag.startsWith("CRITICAL:")) {
				parts.add(messages.getMessage("classwork.flag.critical", new Object[] { flag.substring(9) }, locale));
			}
			else {
				parts.add(flag);
			}
		}
		return String.join(" · ", parts);
	}

	static String number(double v) {
		return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}
}
