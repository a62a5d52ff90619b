package org.mindgrid.student;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.Post;

/**
 * Where a list of students is found, from the caller's posts (issue 11 point 2): a condition implied by the scope
 * predicate, added beside it so that the planner reads the right index in list order, with the same plan whether
 * the caller sees 15 students or 50,000, for custom and generic plans alike. School-level staff of one school: that
 * school's range of {@code (school_id, list_key)}; class-level staff: their classes. Anyone else: no hint.
 */
record AccessPath(String sql, Map<String, Object> params) {

	static AccessPath of(CurrentUser user) {
		List<Post> posts = user.posts();
		List<Long> schools = posts.stream().map(Post::schoolId).filter(Objects::nonNull).distinct().toList();
		boolean schoolLevel = posts.stream().anyMatch(p -> p.role().isSchoolLevel());
		if (schoolLevel && schools.size() == 1 && posts.stream().allMatch(p -> p.schoolId() != null)) {
			return new AccessPath(" and s.school_id = :pathSchool ", Map.of("pathSchool", schools.get(0)));
		}
		List<Long> classes = posts.stream().map(Post::classId).filter(Objects::nonNull).distinct().toList();
		if (!schoolLevel && !classes.isEmpty() && posts.stream().allMatch(p -> p.role().isClassLevel())) {
			Map<String, Object> params = new HashMap<>();
			params.put("pathClasses", classes.toArray(Long[]::new));
			return new AccessPath(" and s.class_id = any(:pathClasses) ", params);
		}
		return new AccessPath("", Map.of());
	}
}
