package org.mindgrid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the city generator builds, worked out from its three options before any row is written: districts, schools
 * with their stage, size and classes, and how the records budget splits over the tables (issue 11's measured city:
 * observations 24 %, audit 38 %, talks 10 %, duties 8 %, notifications 10 %, warning reports 0.6 %).
 */
record CityPlan(int districts, List<School> schools, long students, long records, LocalDate from, LocalDate to) {

	/** Ningbo's districts and counties: a city of about ten. */
	static final List<String> DISTRICT_NAMES = List.of("海曙区", "江北区", "鄞州区", "镇海区", "北仑区", "奉化区", "余姚市", "慈溪市",
			"宁海县", "象山县");

	/** The current semester, as the demo inserts it; records fall between its start and today. */
	static final LocalDate SEMESTER_START = LocalDate.of(2026, 9, 1);

	static final LocalDate SEMESTER_END = LocalDate.of(2027, 1, 24);

	/** A school: {@code no} 1 is the largest; grades {@code lowGrade}..{@code highGrade}; classes of about 45. */
	record School(int no, int district, String stage, int students, int classes, int lowGrade, int highGrade) {

		int grades() {
			return highGrade - lowGrade + 1;
		}
	}

	/** Shares of the records budget. */
	static final double OBSERVATIONS = 0.24, AUDIT = 0.38, TALKS = 0.10, DUTIES = 0.08, NOTIFICATIONS = 0.10,
			HOME_VISITS = 0.03, CONTACTS = 0.025, REPORTS = 0.006;

	/** Stages of the first five schools (so that even a small city has every stage), then a city's mix. */
	private static final String[] FIRST = { "NINE_YEAR", "JUNIOR", "SENIOR", "PRIMARY", "COMPLETE_SECONDARY" };

	private static final String[] MIX = { "PRIMARY", "PRIMARY", "JUNIOR", "PRIMARY", "NINE_YEAR", "PRIMARY", "JUNIOR",
			"SENIOR", "PRIMARY", "PRIMARY", "JUNIOR", "COMPLETE_SECONDARY", "PRIMARY", "JUNIOR", "PRIMARY", "SENIOR",
			"PRIMARY", "NINE_YEAR", "JUNIOR", "COMPLETE_SECONDARY" };

	static final int CLASS_SIZE = 45;

	static CityPlan of(int schools, long students, long records, LocalDate today) {
		if (schools < 1 || students < schools * 10L || records < 0) {
			throw new IllegalArgumentException("need at least one school and ten students per school");
		}
		int districts = Math.max(1, Math.min(DISTRICT_NAMES.size(), (schools + 7) / 8));
		int[] sizes = sizes(schools, students);
		List<School> list = new ArrayList<>(schools);
		for (int i = 0; i < schools; i++) {
			String stage = i < FIRST.length ? FIRST[i] : MIX[(i * 7) % MIX.length];
			int low = switch (stage) {
				case "PRIMARY", "NINE_YEAR" -> 1;
				case "SENIOR" -> 10;
				default -> 7;
			};
			int high = switch (stage) {
				case "PRIMARY" -> 6;
				case "JUNIOR", "NINE_YEAR" -> 9;
				default -> 12;
			};
			int grades = high - low + 1;
			int classes = Math.max(grades, (sizes[i] + CLASS_SIZE - 1) / CLASS_SIZE);
			list.add(new School(i + 1, i % districts, stage, sizes[i], classes, low, high));
		}
		LocalDate to = today.isAfter(SEMESTER_END) ? SEMESTER_END
				: today.isAfter(SEMESTER_START) ? today : SEMESTER_START.plusDays(1);
		return new CityPlan(districts, List.copyOf(list), students, records, SEMESTER_START, to);
	}

	/**
	 * School sizes: a floor (200 students where the city allows it) plus a Zipf share of the rest, its exponent
	 * chosen so that the largest school holds 5 % of the city (≈ 50 k of 1 M; more in a city of few schools).
	 * Sizes fall with the school's number and add up to {@code students} exactly.
	 */
	static int[] sizes(int schools, long students) {
		long floor = Math.min(200, students / schools / 2);
		long rest = students - floor * schools;
		double largestShare = Math.max(0.05, 1.5 / schools);
		double target = Math.max(floor + 1, largestShare * students);
		// sum of i^-a over the schools must equal rest / (target - floor); it falls from n (a = 0) towards 1
		double wanted = Math.min(schools, Math.max(1, rest / (target - floor)));
		double lo = 0;
		double hi = 6;
		for (int k = 0; k < 60; k++) {
			double mid = (lo + hi) / 2;
			if (zipfSum(schools, mid) > wanted) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		double a = (lo + hi) / 2;
		double sum = zipfSum(schools, a);
		int[] sizes = new int[schools];
		long total = 0;
		for (int i = 0; i < schools; i++) {
			sizes[i] = (int) (floor + Math.floor(rest * Math.pow(i + 1, -a) / sum));
			total += sizes[i];
		}
		sizes[0] += (int) (students - total);
		return sizes;
	}

	private static double zipfSum(int n, double a) {
		double s = 0;
		for (int i = 1; i <= n; i++) {
			s += Math.pow(i, -a);
		}
		return s;
	}

	long budget(double share) {
		return Math.round(records * share);
	}

	int days() {
		return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
	}

	School largest() {
		return schools.get(0);
	}

	School smallest() {
		return schools.get(schools.size() - 1);
	}
}
