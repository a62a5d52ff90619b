package org.mindgrid.identity;

/** What a post lets its holder do. The place (city, district, school, class) comes with the post. */
public enum Role {

	SYSTEM_ADMIN, CITY_OFFICER, DISTRICT_OFFICER, SCHOOL_LEADER, SCHOOL_ADMIN, PSYCH_TEACHER, CRISIS_TEAM,
	HEAD_TEACHER, MENTOR, SUBJECT_TEACHER,
	/** A student who watches their class and reports concerns (心理委员); never reads records. */
	PSYCH_COMMITTEE;

	public boolean isBureau() {
		return this == CITY_OFFICER || this == DISTRICT_OFFICER;
	}

	public boolean isClassLevel() {
		return this == HEAD_TEACHER || this == MENTOR || this == SUBJECT_TEACHER;
	}

	public boolean isSchoolLevel() {
		return this == SCHOOL_LEADER || this == SCHOOL_ADMIN || this == PSYCH_TEACHER || this == CRISIS_TEAM;
	}
}
