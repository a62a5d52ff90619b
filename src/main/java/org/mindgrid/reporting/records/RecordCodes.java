package org.mindgrid.reporting.records;

import java.util.List;

/** The codes the oversight records take, as the migration checks them. */
public final class RecordCodes {

	/** theme_activity.kind: 心理健康活动周、5·25心理健康活动节、开学季、毕业季、考试季、其他. */
	public static final List<String> ACTIVITY_KINDS = List.of("ACTIVITY_WEEK", "FESTIVAL_525", "TERM_START",
			"GRADUATION", "EXAM", "OTHER");

	/** staff_training.kind: 心理危机识别培训（全体教职工）、心导师培训、心理教师高端研训、其他. */
	public static final List<String> TRAINING_KINDS = List.of("CRISIS_IDENTIFICATION", "MENTOR", "PSYCH_ADVANCED",
			"OTHER");

	/** joint_meeting.departments: 教育、政法、公安、网信、卫健、民政、团委、妇联、其他. */
	public static final List<String> DEPARTMENTS = List.of("EDUCATION", "POLITICAL_LEGAL", "PUBLIC_SECURITY",
			"CYBERSPACE", "HEALTH", "CIVIL_AFFAIRS", "YOUTH_LEAGUE", "WOMEN_FEDERATION", "OTHER");

	private RecordCodes() {
	}
}
