package org.mindgrid.grid;

/** The grid rules of DOMAIN.md; the names stay stable for API clients even if the thresholds are configured. */
public enum WarningCode {

	/** An enrolled student of the class has no mentor. */
	STUDENT_WITHOUT_MENTOR,

	/** A mentor cares for more students than {@link GridProperties#maxStudentsPerMentor()} (all their classes). */
	MENTOR_OVER_15,

	/** A class of grade {@link GridProperties#minMentorsFromGrade()} or up has too few mentors. */
	FEWER_THAN_3_MENTORS
}
