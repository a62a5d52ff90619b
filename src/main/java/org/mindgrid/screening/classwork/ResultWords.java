package org.mindgrid.screening.classwork;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mindgrid.screening.scales.Scales;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A scored result in words (ADR 0020: records keep codes): the total, its band, the flags ({@code CUTOFF},
 * {@code CRITICAL:<no>}). For templates: {@code ${@classworkWords.summary(scaleId, result.total, result.band, result.flags)}}.
 */
@Component("classworkWords")
public class ResultWords {

	private final MessageSource messages;

	private final Scales scales;

	ResultWords(MessageSource messages, Scales scales) {
		this.messages = messages;
		this.scales = scales;
	}

	public String summary(String scaleId, double total, String band, List<String> flags) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> parts = new ArrayList<>();
		parts.add(messages.getMessage("classwork.result.total", new Object[] { number(total) }, locale));
		if (band != null) {
			// the bundle's word for the level where there is one, else the scale file's label
			String label = scales.find(scaleId)
				.flatMap(s -> s.totalBands().stream().filter(b -> b.level().equals(band)).findFirst())
				.map(b -> b.label(locale))
				.orElse(band);
			parts.add(messages.getMessage("screening.band." + band, null, label, locale));
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
