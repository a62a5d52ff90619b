package org.mindgrid.screening.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The rows the reports read: campaigns, classes, completion, results. */
public final class ReportData {

	private ReportData() {
	}

	public record Campaign(long id, long schoolId, String schoolName, long districtId, String districtName, String name,
			Instant opensAt, Instant closesAt) {
	}

	public record ClassRef(long id, int gradeLevel, String gradeName, String name) {
	}

	/** Counts of invitations: invited, consent given, refused, completed (every scale of the grade submitted). */
	public record Completion(long invited, long consented, long refused, long completed) {

		public static final Completion NONE = new Completion(0, 0, 0, 0);

		/** Completed of consented, in percent (0 when nobody consented). */
		public double percentOfConsented() {
			return consented == 0 ? 0 : 100.0 * completed / consented;
		}

		/** Completed of invited, in percent. */
		public double percentOfInvited() {
			return invited == 0 ? 0 : 100.0 * completed / invited;
		}

		Completion plus(Completion o) {
			return new Completion(invited + o.invited, consented + o.consented, refused + o.refused,
					completed + o.completed);
		}
	}

	public record ClassCompletion(ClassRef cls, Completion completion) {
	}

	/** A stored score (screening_result), without the student's name. */
	public record Result(long studentId, long classId, long schoolId, String scaleId, double total, String band,
			Map<String, Double> factors, Map<String, String> factorBands, List<String> flags) {

		public boolean flagged() {
			return !flags.isEmpty();
		}
	}

	/** A named student of the individual results (read within the reader's scope). */
	public record Student(long id, String name, String studentNo, long classId) {
	}
}
