package org.mindgrid.student.roster;

/**
 * A problem in the file: the row number Excel shows (0 for the file as a whole), the column header, and a message
 * key of the roster bundle with its arguments. The web layer turns the key into the caller's language.
 */
public record RosterError(int row, String column, String messageKey, Object... args) {
}
