package org.mindgrid.crisis.events;

/**
 * How the caller reaches a crisis event, strongest first. The school's team (leaders, psychology teachers, crisis
 * team) runs the event; the student's head teacher and the raiser read it and tick first-time actions; district
 * and city officers read it by name (DESIGN.md: names only for crisis events reported to them).
 */
public enum Reach {

	TEAM, HEAD_TEACHER, RAISER, DISTRICT, CITY;

	public boolean school() {
		return this == TEAM || this == HEAD_TEACHER || this == RAISER;
	}

	public boolean bureau() {
		return this == DISTRICT || this == CITY;
	}
}
