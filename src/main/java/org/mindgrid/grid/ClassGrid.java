package org.mindgrid.grid;

import java.util.List;

/**
 * A class's grid: its mentors with their students, the students without a mentor and the broken rules.
 * {@code students} is every enrolled student of the class (学号 order), for the assignment form.
 */
public record ClassGrid(long classId, long schoolId, String className, int gradeLevel, List<MentorGroup> mentors,
		List<GridStudent> students, List<GridStudent> unassigned, List<GridWarning> warnings, int maxStudentsPerMentor) {

	public ClassGrid {
		mentors = List.copyOf(mentors);
		students = List.copyOf(students);
		unassigned = List.copyOf(unassigned);
		warnings = List.copyOf(warnings);
	}

	public record GridStudent(long id, String studentNo, String name) {
	}

	/** A mentor of the class and the students of this class they care for. */
	public record MentorGroup(long userId, String name, String username, List<GridStudent> students) {

		public MentorGroup {
			students = List.copyOf(students);
		}

		public int studentCount() {
			return students.size();
		}

		public List<Long> studentIds() {
			return students.stream().map(GridStudent::id).toList();
		}
	}

	public List<Long> unassignedStudentIds() {
		return unassigned.stream().map(GridStudent::id).toList();
	}

	public java.util.Optional<MentorGroup> mentor(long userId) {
		return mentors.stream().filter(m -> m.userId() == userId).findFirst();
	}

	/** Names of the mentors of each student, for the assignment form ("已分配给 …"). */
	public List<String> mentorNamesOf(long studentId) {
		return mentors.stream().filter(m -> m.studentIds().contains(studentId)).map(MentorGroup::name).toList();
	}
}
