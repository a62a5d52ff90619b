package org.mindgrid.school.web;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mindgrid.school.GradeNames;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A class's label in the reader's language, for templates ({@code ${@classNames.shown(student.className)}}): the
 * school structure stores grades by their Chinese names, so "八年级（1）班" is worded "Grade 8, class 1" in English.
 * Labels of another shape (实验班) are names and stay as written; a label inside a longer text is worded in place.
 */
@Component("classNames")
class ClassNameWords {

	private static final Pattern LABEL = Pattern.compile("([一二三四五六七八九十]+年级|高[一二三])（(\\d+)）班");

	private final MessageSource messages;

	ClassNameWords(MessageSource messages) {
		this.messages = messages;
	}

	public String shown(String label) {
		Locale locale = LocaleContextHolder.getLocale();
		if (label == null || !"en".equals(locale.getLanguage())) {
			return label;
		}
		// Also inside a longer label ("八年级（1）班 · 李思远").
		Matcher m = LABEL.matcher(label);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			OptionalInt level = GradeNames.parse(m.group(1));
			String words = level.isEmpty() ? m.group()
					: messages.getMessage("school.class.label", new Object[] { level.getAsInt(), m.group(2) }, locale);
			m.appendReplacement(out, Matcher.quoteReplacement(words));
		}
		m.appendTail(out);
		return out.toString();
	}
}
