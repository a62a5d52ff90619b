package org.mindgrid.duty.board;

import java.util.List;

/**
 * Coverage of the semester duties in the current semester: talks done / students and home visits done / mentors,
 * per school, class and mentor, as far as the viewer may see (a mentor: their own line; a head teacher: their
 * classes and mentors; psychology teachers and leaders: their school and its classes).
 */
public record Coverage(String semester, List<Line> school, List<Line> classes, List<Line> mentors) {

	/** For a mentor line {@code students} is the students assigned and {@code mentors} is 1. */
	public record Line(long id, String label, long talksDone, long students, long visitsDone, long mentors) {

		public int talkPercent() {
			return students == 0 ? 100 : (int) (talksDone * 100 / students);
		}

		public int visitPercent() {
			return mentors == 0 ? 100 : (int) (visitsDone * 100 / mentors);
		}
	}

	public boolean isEmpty() {
		return school.isEmpty() && classes.isEmpty() && mentors.isEmpty();
	}
}
