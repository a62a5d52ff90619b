package org.mindgrid.identity;

/**
 * The SQL predicate that limits student rows to those the caller may see. Modules append it to every query on
 * students; {@code alias} is the student table's alias. The view {@code student_access} is derived from posts
 * and the grid (see the access migration), so the database decides, never a filter after loading.
 */
public final class StudentScope {

	/** May list the student (name, class, 学号) and record observations. */
	public static final int LIST = 1;

	/** May read and edit the growth archive. */
	public static final int ARCHIVE = 2;

	/**
	 * Whether the caller {@code :me} holds one of the roles {@code :roles} over the student row {@code s}, in the
	 * grid's scope: the school's psychology teachers, crisis team, leaders and administrators its students, head and
	 * subject teachers their class's, mentors the students assigned to them (forms and counselling, whose reads
	 * depend on the role and not only on the level).
	 */
	public static final String BY_ROLES = """
			exists (select 1 from post p join app_user u on u.id = p.user_id and u.enabled
			         where p.user_id = :me and p.role in (:roles)
			           and ((p.role in ('PSYCH_TEACHER', 'CRISIS_TEAM', 'SCHOOL_LEADER', 'SCHOOL_ADMIN') and p.school_id = s.school_id)
			             or (p.role in ('HEAD_TEACHER', 'SUBJECT_TEACHER') and p.class_id = s.class_id)
			             or (p.role = 'MENTOR' and exists (select 1 from mentor_assignment m
			                  where m.mentor_user_id = p.user_id and m.student_id = s.id and m.class_id = s.class_id))))""";

	private StudentScope() {
	}

	/** Predicate with named parameters {@code :scopeUserId} and {@code :scopeLevel}. */
	public static String predicate(String alias) {
		return " exists (select 1 from student_access sa where sa.user_id = :scopeUserId and sa.student_id = "
				+ alias + ".id and sa.level >= :scopeLevel) ";
	}

	/**
	 * The same rows as {@link #predicate}, for lists read in an index's order (issue 11 point 2): the caller's
	 * schools, classes and assigned students are three uncorrelated sub-selects on their own posts (a few rows, by
	 * index), evaluated once per statement, and each student row is then checked against them without a join. The
	 * view's rows, joined, are read in full (every student of a 50,000-student school) before the first row of the
	 * page; with these, the page's rows are the only ones read when the list also names the caller's school or
	 * classes (see the student module's access path). Parameters {@code :scopeUserId} and {@code :scopeLevel}.
	 */
	public static String listPredicate(String alias) {
		return " (" + alias + ".school_id = any(array(select p.school_id from post p"
				+ " join app_user u on u.id = p.user_id and u.enabled where p.user_id = :scopeUserId"
				+ " and p.school_id is not null and (p.role in ('PSYCH_TEACHER', 'CRISIS_TEAM', 'SCHOOL_LEADER')"
				+ " or (p.role = 'SCHOOL_ADMIN' and :scopeLevel <= 1))))"
				+ " or " + alias + ".class_id = any(array(select p.class_id from post p"
				+ " join app_user u on u.id = p.user_id and u.enabled where p.user_id = :scopeUserId"
				+ " and p.class_id is not null and (p.role = 'HEAD_TEACHER'"
				+ " or (p.role in ('SUBJECT_TEACHER', 'MENTOR') and :scopeLevel <= 1))))"
				+ " or " + alias + ".id = any(array(select ma.student_id from mentor_assignment ma"
				+ " join app_user u on u.id = ma.mentor_user_id and u.enabled"
				+ " join student sm on sm.id = ma.student_id and sm.class_id = ma.class_id"
				+ " where ma.mentor_user_id = :scopeUserId))) ";
	}
}
