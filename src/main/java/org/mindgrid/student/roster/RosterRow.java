package org.mindgrid.student.roster;

import java.time.LocalDate;

/**
 * One valid student line, normalised: gender {@code M}/{@code F}, the class name as {@code GradeNames} writes it,
 * optional fields null when empty.
 */
record RosterRow(int row, String studentNo, String name, String gender, LocalDate birthDate, int gradeLevel,
		String className, String ethnicity, String nativePlace, String address, String guardianName,
		String guardianPhone) {
}
