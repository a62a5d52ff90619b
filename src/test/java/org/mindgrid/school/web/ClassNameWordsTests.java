package org.mindgrid.school.web;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 7, point 8: class labels built in Chinese are worded in English, also inside a longer label. */
class ClassNameWordsTests {

	private final ClassNameWords words;

	ClassNameWordsTests() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("school.class.label", Locale.ENGLISH, "Grade {0}, class {1}");
		words = new ClassNameWords(messages);
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void englishReadersGetGradeAndClassInWords() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(words.shown("八年级（1）班")).isEqualTo("Grade 8, class 1");
		assertThat(words.shown("高二（12）班")).isEqualTo("Grade 11, class 12");
		assertThat(words.shown("八年级（1）班 · 李思远")).isEqualTo("Grade 8, class 1 · 李思远");
		assertThat(words.shown("实验班")).isEqualTo("实验班");
		assertThat(words.shown(null)).isNull();
	}

	@Test
	void chineseReadersGetTheLabelAsStored() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(words.shown("八年级（1）班")).isEqualTo("八年级（1）班");
	}
}
