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

	/**
	 * The caller's tier for the student of {@code studentAlias}, for lists read in an index's order (issue 11
	 * point 2): the same tiers as {@code case_access}, from three uncorrelated sub-selects on the caller's own posts
	 * and assignments, evaluated once per statement, so that no row of the view is built for students outside the
	 * page. Parameter {@code :caseUserId}.
	 */
	public static String listTier(String studentAlias) {
		String a = studentAlias;
		return " (case when " + a + ".school_id = any(array(select p.school_id from post p"
				+ " join app_user u on u.id = p.user_id and u.enabled where p.user_id = :caseUserId"
				+ " and p.school_id is not null and p.role in ('PSYCH_TEACHER', 'CRISIS_TEAM', 'SCHOOL_LEADER'))) then 3"
				+ " when " + a + ".class_id = any(array(select p.class_id from post p"
				+ " join app_user u on u.id = p.user_id and u.enabled where p.user_id = :caseUserId"
				+ " and p.class_id is not null and p.role = 'HEAD_TEACHER')) then 2"
				+ " when " + a + ".id = any(array(select ma.student_id from mentor_assignment ma"
				+ " join app_user u on u.id = ma.mentor_user_id and u.enabled"
				+ " join student sm on sm.id = ma.student_id and sm.class_id = ma.class_id"
				+ " where ma.mentor_user_id = :caseUserId)) then 1 else 0 end) ";
	}

	/** The caller's tier as a SQL expression. */
	public static String tier(String studentIdColumn) {
		return " coalesce((select max(ca.tier) from case_access ca where ca.user_id = :caseUserId and ca.student_id = "
				+ studentIdColumn + "), 0) ";
	}
}
