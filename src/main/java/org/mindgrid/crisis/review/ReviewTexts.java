package org.mindgrid.crisis.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words the timeline items and gaps in the reader's language: {@code review.item.KIND} and {@code review.gap.RULE}
 * with the item's code and arguments turned into words through the bundles that own them (duty kinds, case
 * actions and states, trigger kinds, scales…).
 */
@Component("reviewTexts")
public class ReviewTexts {

	/** Where an item's code is worded, per kind. */
	private static final Map<String, String> CODE = Map.of("OBSERVATION", "crisis.", "TRIGGER", "trigger.",
			"CONTACT", "mentoring.channel.", "WARNING_REPORT", "review.urgency.", "DUTY", "review.duty.",
			"SCREENING_RESULT", "screening.scale.short.", "SCREENING_FLAG", "review.flag.");

	/** Where an item's first argument is worded, per kind (the others are dates, numbers, names). */
	private static final Map<String, String> FIRST_ARG = Map.of("DUTY", "duty.kind.", "CASE_STEP", "case.state.",
			"WARNING_REPORT", "warning.source.", "SCREENING_FLAG", "screening.scale.short.");

	private static final Map<GapRule, String> GAP_FIRST_ARG = Map.of(GapRule.TRIGGER_VISIT_LATE, "trigger.",
			GapRule.TRIGGER_VISIT_MISSING, "trigger.", GapRule.SCREENING_FLAG_UNREVIEWED, "screening.scale.short.");

	private final MessageSource messages;

	private final java.time.Clock clock;

	ReviewTexts(MessageSource messages, java.time.Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** A time as the page shows it, in the schools' zone. */
	public String time(java.time.Instant at) {
		return at == null ? "" : GapRules.time(at, clock.getZone());
	}

	public String item(TimelineItem item, Locale locale) {
		List<Object> args = new ArrayList<>();
		if (item.kind().equals("CASE_STEP")) {
			args.add(word("case.action." + item.code().toLowerCase(Locale.ROOT).replace('_', '-'), item.code(), locale));
		}
		else {
			String prefix = CODE.get(item.kind());
			args.add(prefix == null ? item.code() : word(prefix + item.code(), item.code(), locale));
		}
		for (int i = 0; i < item.args().size(); i++) {
			String a = item.args().get(i);
			String prefix = i == 0 ? FIRST_ARG.get(item.kind()) : null;
			if (prefix != null) {
				args.add(word(prefix + a, a, locale));
			}
			else if (a.isEmpty() && (item.kind().equals("OBSERVATION") || item.kind().equals("CONCERN_REPORT"))) {
				args.add(messages.getMessage("review.signs.none", null, locale));
			}
			else {
				args.add(a);
			}
		}
		return messages.getMessage("review.item." + item.kind(), args.toArray(), locale);
	}

	public String gap(Gap gap, Locale locale) {
		List<Object> args = new ArrayList<>(gap.args());
		String prefix = GAP_FIRST_ARG.get(gap.rule());
		if (prefix != null && !args.isEmpty()) {
			args.set(0, word(prefix + args.get(0), (String) args.get(0), locale));
		}
		return messages.getMessage(gap.rule().messageKey(), args.toArray(), locale);
	}

	public String rule(GapRule rule, Locale locale) {
		return messages.getMessage("review.rule." + rule.name(), null, locale);
	}

	private String word(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}
}
