package org.mindgrid.warning.letters;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.mindgrid.shared.web.ApiProblem;

/**
 * The letters of the closed loop, each laid out like its seed: attachments 3–6 of the referral procedure and the
 * workbook's return letters. {@code copies}: one page per copy with who keeps it (一式三份 where the seed says so);
 * the keys are of i18n/warning.
 */
public enum LetterKind {

	/** 心理健康状况告知书, attachment 4: 一式三份, parents, head teacher, counselling room. */
	NOTICE("notice", List.of("letter.copy.family", "letter.copy.head-teacher", "letter.copy.counselling-room")),
	/** 心理诊疗转介信, attachment 3: 一式三份, school, hospital, family (the family's copy comes back signed). */
	REFERRAL("referral", List.of("letter.copy.school", "letter.copy.hospital", "letter.copy.family-return")),
	/** 不自我伤害契约书, attachment 5: the student's three contacts and the hotlines. */
	CONTRACT("contract", List.of()),
	/** 心理问题安全责任承诺书, attachment 6: both parents sign. */
	COMMITMENT("commitment", List.of()),
	/** 复学建议书 of the workbook (part 4): the crisis team's recommendation on the return. */
	RETURN_RECOMMENDATION("return-recommendation", List.of()),
	/** 复学介绍信 of the workbook (part 4): introduces the returning student to the class, with a receipt. */
	RETURN_INTRODUCTION("return-introduction", List.of());

	private final String code;

	private final List<String> copies;

	LetterKind(String code, List<String> copies) {
		this.code = code;
		this.copies = copies;
	}

	/** The code of the API path, e.g. {@code return-recommendation} of {@code .../documents/return-recommendation.pdf}. */
	public String code() {
		return code;
	}

	/** Who keeps each copy, one page each; empty for a single letter. */
	public List<String> copies() {
		return copies;
	}

	/** The Thymeleaf template, under {@code templates/warning/letters/}. */
	String template() {
		return "warning/letters/" + code;
	}

	/** The title's message key: {@code letter.notice.title} … */
	public String titleKey() {
		return "letter." + code + ".title";
	}

	/** An unknown code is a document that does not exist: 404 naming the ones that do. */
	public static LetterKind fromCode(String code) {
		String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(k -> k.code.equals(c)).findFirst()
			.orElseThrow(() -> ApiProblem.notFound("letter.unknown-kind", codes()));
	}

	public static String codes() {
		return String.join(", ", Arrays.stream(values()).map(LetterKind::code).toList());
	}
}
