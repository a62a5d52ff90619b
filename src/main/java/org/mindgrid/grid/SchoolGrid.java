package org.mindgrid.grid;

import java.util.List;

/** The school page: every class with its grid figures, and every broken rule of the school. */
public record SchoolGrid(long schoolId, String schoolName, List<ClassRow> classes, List<GridWarning> warnings) {

	public SchoolGrid {
		classes = List.copyOf(classes);
		warnings = List.copyOf(warnings);
	}

	public record ClassRow(long classId, String className, int gradeLevel, int studentCount, int mentorCount,
			int unassignedCount, int warningCount) {
	}
}
