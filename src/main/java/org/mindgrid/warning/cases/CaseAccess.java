package org.mindgrid.warning.cases;

/**
 * How much of a case a person may read (view {@code case_access}, issue 8 point 9): the clinical team reads all,
 * the head teacher category, state, plan and duties, a mentor that the student is under watch and their measures.
 */
public final class CaseAccess {

	public static final int NONE = 0;

	public static final int MENTOR = 1;

	public static final int HEAD_TEACHER = 2;

	/** Psychology teachers, the crisis team and school leaders of the student's school. */
	public static final int FULL = 3;

	private CaseAccess() {
	}

	/** Predicate on {@code case_access} for the student alias, parameters {@code :caseUserId}, {@code :caseTier}. */
	public static String predicate(String studentIdColumn) {
		return " exists (select 1 from case_access ca where ca.user_id = :caseUserId and ca.student_id = "
				+ studentIdColumn + " and ca.tier >= :caseTier) ";
	}

	/** The caller's tier as a SQL expression. */
	public static String tier(String studentIdColumn) {
		return " coalesce((select max(ca.tier) from case_access ca where ca.user_id = :caseUserId and ca.student_id = "
				+ studentIdColumn + "), 0) ";
	}
}
