package org.mindgrid.school;

/** School stage (学段 of the whole school). */
public enum Stage {

	PRIMARY(1, 6), JUNIOR(7, 9), SENIOR(10, 12), NINE_YEAR(1, 9), COMPLETE_SECONDARY(7, 12);

	private final int firstGrade;

	private final int lastGrade;

	Stage(int firstGrade, int lastGrade) {
		this.firstGrade = firstGrade;
		this.lastGrade = lastGrade;
	}

	public int firstGrade() {
		return firstGrade;
	}

	public int lastGrade() {
		return lastGrade;
	}

	public boolean hasGrade(int level) {
		return level >= firstGrade && level <= lastGrade;
	}
}
