package org.mindgrid.grid;

import java.util.List;

/** A mentor's own students in one class ("my students" in the grid). */
public record MentorStudents(long classId, String className, List<ClassGrid.GridStudent> students) {

	public MentorStudents {
		students = List.copyOf(students);
	}
}
