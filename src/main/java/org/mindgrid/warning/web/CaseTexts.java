package org.mindgrid.warning.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for the codes a case's history stores (yes/no, choices, categories, sources), looked up in the bundles at
 * display time; text typed by people comes back as typed (the templates escape it). Public for Thymeleaf's SpEL.
 */
@Component("caseTexts")
public class CaseTexts {

	private static final Set<String> CATEGORIES = Set.of("category", "proposedCategory", "previousCategory",
			"provisionalCategory");

	private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

	private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

	private final MessageSource messages;

	private final Clock clock;

	CaseTexts(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** A stored detail as the reader sees it; {@code hospitals} names the ids of a referral. */
	public String value(String key, Object value, Map<Long, String> hospitals) {
		if (value == null) {
			return "";
		}
		if (value instanceof Boolean b) {
			return word(b ? "case.value.yes" : "case.value.no", b.toString());
		}
		if (CATEGORIES.contains(key) && value instanceof Number n) {
			return word("case.category." + n.intValue(), n.toString());
		}
		if ("hospitalId".equals(key) && value instanceof Number n && hospitals != null
				&& hospitals.containsKey(n.longValue())) {
			return hospitals.get(n.longValue());
		}
		if ("sourceKind".equals(key)) {
			return word("warning.source." + value, value.toString());
		}
		if ("urgency".equals(key)) {
			return word("warning.urgency." + value, value.toString());
		}
		if (value instanceof List<?> list) {
			return list.stream().map(v -> v instanceof Map<?, ?> m ? contact(m) : choice(key, v))
				.collect(Collectors.joining("、"));
		}
		if (value instanceof String s) {
			return choice(key, s);
		}
		return value.toString();
	}

	/** A choice's word ({@code case.choice.<field>.<value>}); free text has no such key and stays as typed. */
	public String choice(String field, Object value) {
		String v = String.valueOf(value);
		return messages.getMessage("case.choice." + field + "." + v, null, v, LocaleContextHolder.getLocale());
	}

	public String time(Instant instant) {
		if (instant == null) {
			return "";
		}
		var formatter = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? EN : ZH;
		return formatter.format(instant.atZone(clock.getZone()));
	}

	private String contact(Map<?, ?> m) {
		String relation = m.get("relation") == null ? "" : m.get("relation").toString();
		String phone = m.get("phone") == null ? "" : m.get("phone").toString();
		return m.get("name") + (relation.isEmpty() && phone.isEmpty() ? "" : "（" + String.join(" ", relation, phone).strip() + "）");
	}

	private String word(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}
}
