package org.mindgrid.mentoring;

import java.util.List;
import java.util.Optional;

/**
 * Which record a home visit follows (issue 7, point 9). The seed's tool 3 is the outline for the visit before term
 * starts (its questions speak of the holiday); a visit during the term is a short general record.
 */
public enum HomeVisitKind {

	/** 开学前家访: tool 3's outline, parts a–c. */
	TERM_START,

	/** 一般家访: purpose, people met, observations, judgment, follow-up. */
	GENERAL;

	public List<HomeVisitOutline.Question> questions() {
		return this == TERM_START ? HomeVisitOutline.QUESTIONS : HomeVisitOutline.GENERAL;
	}

	String unknownQuestionKey() {
		return this == TERM_START ? "mentoring.hv.unknown-question" : "mentoring.hv.unknown-question-general";
	}

	/** A code as sent by a form or the API; absent means the outline, as before there was a choice. */
	public static Optional<HomeVisitKind> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.of(TERM_START);
		}
		for (HomeVisitKind k : values()) {
			if (k.name().equals(text.strip())) {
				return Optional.of(k);
			}
		}
		return Optional.empty();
	}
}
