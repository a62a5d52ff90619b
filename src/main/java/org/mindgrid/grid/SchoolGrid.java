package org.mindgrid.grid;

import java.util.List;

/** The school page: every class with its grid figures, and every broken rule of the school. */
public record SchoolGrid(long schoolId, String schoolName, List<ClassRow> classes, List<GridWarning> warnings) {

	public SchoolGrid {
		classes = List.copyOf(classes);
		warnings = List.copyOf(warnings);
	}

	/** How many warnings of one code, for the school page's summary. */
	public record CodeCount(WarningCode code, long count) {
	}

	/** Counts per warning code, in the order of {@link WarningCode}, leaving out codes without warnings. */
	public List<CodeCount> warningCounts() {
		return java.util.Arrays.stream(WarningCode.values())
			.map(code -> new CodeCount(code, warnings.stream().filter(w -> w.code() == code).count()))
			.filter(c -> c.count() > 0)
			.toList();
	}

	public record ClassRow(long classId, String className, int gradeLevel, int studentCount, int mentorCount,
			int unassignedCount, int warningCount) {
	}
}
