package org.mindgrid.school;

/** A class with its grade; {@code displayName} is how Chinese schools write it, e.g. 八年级（1）班. */
public record ClassInfo(long id, long schoolId, long gradeId, int gradeLevel, String gradeName, String name) {

	public String displayName() {
		return gradeName + "（" + name.replace("班", "") + "）班";
	}

	/** DOMAIN.md: from upper primary (grade 4) on, a class needs at least three mentors. */
	public boolean needsThreeMentors() {
		return gradeLevel >= 4;
	}
}
