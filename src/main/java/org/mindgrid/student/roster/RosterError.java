package org.mindgrid.student.roster;

/**
 * A problem in the file: the row number Excel shows (0 for the file as a whole), the column header, the row's 学号
 * and 姓名 as typed (so a school finds the student without counting rows; empty for the header or the file), and a
 * message key of the roster bundle with its arguments. The web layer turns the key into the caller's language.
 */
public record RosterError(int row, String column, String studentNo, String name, String messageKey, Object[] args) {

	public RosterError {
		studentNo = studentNo == null ? "" : studentNo;
		name = name == null ? "" : name;
	}

	static RosterError of(int row, String column, String messageKey, Object... args) {
		return new RosterError(row, column, "", "", messageKey, args);
	}

	/** The same problem, naming the row's student. */
	RosterError naming(String studentNo, String name) {
		return new RosterError(row, column, studentNo, name, messageKey, args);
	}
}
