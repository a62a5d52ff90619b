package org.mindgrid.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a list of students' records is found, from the caller's posts (issue 11 point 2): a condition implied by
 * {@link StudentScope#listPredicate}, added beside it so that the planner reads the right index in list order,
 * with the same plan whether the caller sees 15 students or 50,000, for custom and generic plans alike.
 * School-level staff of one school: that school; class-level staff: their classes. Anyone else: no condition.
 * Never a grant: the scope predicate still decides every row.
 */
public record ScopePath(Long school, List<Long> classes) {

	public static ScopePath of(CurrentUser user) {
		List<Post> posts = user.posts();
		List<Long> schools = posts.stream().map(Post::schoolId).filter(Objects::nonNull).distinct().toList();
		boolean schoolLevel = posts.stream().anyMatch(p -> p.role().isSchoolLevel());
		if (schoolLevel && schools.size() == 1 && posts.stream().allMatch(p -> p.schoolId() != null)) {
			return new ScopePath(schools.get(0), List.of());
		}
		List<Long> classes = posts.stream().map(Post::classId).filter(Objects::nonNull).distinct().toList();
		if (!schoolLevel && !classes.isEmpty() && posts.stream().allMatch(p -> p.role().isClassLevel())) {
			return new ScopePath(null, classes);
		}
		return new ScopePath(null, List.of());
	}

	public boolean bySchool() {
		return school != null;
	}

	public boolean byClasses() {
		return !classes.isEmpty();
	}

	/** {@code and <schoolColumn> = :pathSchool} or {@code and <classColumn> = any(:pathClasses)}, or nothing. */
	public String sql(String schoolColumn, String classColumn) {
		if (bySchool()) {
			return " and " + schoolColumn + " = :pathSchool ";
		}
		return byClasses() ? " and " + classColumn + " = any(:pathClasses) " : "";
	}

	public Map<String, Object> params() {
		Map<String, Object> params = new HashMap<>();
		if (bySchool()) {
			params.put("pathSchool", school);
		}
		if (byClasses()) {
			params.put("pathClasses", classes.toArray(Long[]::new));
		}
		return params;
	}
}
