package org.mindgrid.observation;

import java.util.List;

/** 学生类别 of the daily observation form, in its three groups; each group also has "other" (free text). */
public final class ObservationCategories {

	public static final List<String> FAMILY = List.of("FAMILY_POOR_PARENT_CHILD", "FAMILY_MAJOR_CHANGE",
			"FAMILY_MULTI_CHILD", "FAMILY_OTHER");

	public static final List<String> PERSONAL = List.of("PERSONAL_MENTAL_ILLNESS", "PERSONAL_SERIOUS_PROBLEM",
			"PERSONAL_PERSONALITY_DEVIATION", "PERSONAL_EARLY_TRAUMA", "PERSONAL_OTHER");

	public static final List<String> SOCIAL = List.of("SOCIAL_STUDY_SETBACK", "SOCIAL_EMOTIONAL_SETBACK",
			"SOCIAL_POOR_RELATIONSHIPS", "SOCIAL_OTHER");

	public static final List<String> CRISIS_LEVELS = List.of("NONE", "LOW", "MEDIUM", "HIGH");

	private ObservationCategories() {
	}

	public static boolean isKnown(String code) {
		return FAMILY.contains(code) || PERSONAL.contains(code) || SOCIAL.contains(code);
	}
}
