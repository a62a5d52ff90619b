package org.mindgrid.screening.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mindgrid.school.GradeNames;
import org.mindgrid.screening.reports.ReportData.ClassRef;
import org.mindgrid.screening.reports.ScaleCatalog.BandInfo;
import org.mindgrid.screening.reports.ScaleCatalog.ScaleInfo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Codes of the reports in the reader's words (ADR 0020): scales, factors, bands, flags, classes. */
@Component
public class ReportWords {

	private final MessageSource messages;

	ReportWords(MessageSource messages) {
		this.messages = messages;
	}

	public String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private String msgOr(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

	public String scale(ScaleInfo scale, Locale locale) {
		return msgOr("screening.report.scale." + scale.id(), scale.name(locale), locale);
	}

	/** The scale's short name (MSSMHS, PHQ-9) for column headers. */
	public String scaleShort(ScaleInfo scale, Locale locale) {
		return msgOr("screening.report.scale.short." + scale.id(), scale.id().toUpperCase(Locale.ROOT), locale);
	}

	public String factor(ScaleInfo scale, String factorId, Locale locale) {
		if (GroupStats.TOTAL.equals(factorId)) {
			return msg(scale.mean() ? "screening.report.total.mean" : "screening.report.total.sum", locale);
		}
		for (var f : scale.factors()) {
			if (f.id().equals(factorId)) {
				return f.name(locale);
			}
		}
		return factorId;
	}

	public String band(ScaleInfo scale, int index, Locale locale) {
		BandInfo b = scale.bands().get(index);
		String fallback = "en".equals(locale.getLanguage()) && b.labelEn() != null ? b.labelEn()
				: b.labelZh() != null ? b.labelZh() : b.level();
		return msgOr("screening.report.band." + scale.id() + "." + b.level(), fallback, locale);
	}

	public String band(ScaleInfo scale, String level, Locale locale) {
		if (level == null) {
			return "—";
		}
		int i = scale.bandIndex(level);
		return i < 0 ? "—" : band(scale, i, locale);
	}

	public List<String> bands(ScaleInfo scale, Locale locale) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < scale.bands().size(); i++) {
			out.add(band(scale, i, locale));
		}
		return out;
	}

	/** CUTOFF → "over the cut-off", CRITICAL:57 → "critical item 57". */
	public String flags(List<String> flags, Locale locale) {
		List<String> words = new ArrayList<>();
		for (String f : flags) {
			if ("CUTOFF".equals(f)) {
				words.add(msg("screening.report.flag.cutoff", locale));
			}
			else if (f.startsWith("CRITICAL:")) {
				words.add(msg("screening.report.flag.critical", locale, f.substring("CRITICAL:".length())));
			}
			else {
				words.add(msg("screening.report.flag.other", locale));
			}
		}
		return String.join(msg("screening.report.list.separator", locale), words);
	}

	/** 八年级（1）班, or "Grade 8, class 1" in English. */
	public String className(ClassRef c, Locale locale) {
		if (c == null) {
			return "";
		}
		String digits = c.name().replace("班", "").replace("（", "").replace("）", "").replace("(", "").replace(")", "");
		if ("en".equals(locale.getLanguage()) && digits.matches("\\d+")) {
			return msg("school.class.label", locale, c.gradeLevel(), digits);
		}
		String grade = c.gradeName() != null ? c.gradeName() : GradeNames.nameOf(c.gradeLevel());
		return grade + "（" + c.name().replace("班", "") + "）班";
	}
}
