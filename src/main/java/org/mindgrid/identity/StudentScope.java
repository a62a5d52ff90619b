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

	private StudentScope() {
	}

	/** Predicate with named parameters {@code :scopeUserId} and {@code :scopeLevel}. */
	public static String predicate(String alias) {
		return " exists (select 1 from student_access sa where sa.user_id = :scopeUserId and sa.student_id = "
				+ alias + ".id and sa.level >= :scopeLevel) ";
	}
}
