package org.mindgrid.identity;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The signed-in user with their posts; the source of every scope decision. Kept in page sessions (ADR 0028). */
public record CurrentUser(long id, String username, String displayName, List<Post> posts) implements Serializable {

	public CurrentUser {
		Objects.requireNonNull(username);
		posts = List.copyOf(posts);
	}

	public Set<Role> roles() {
		return posts.stream().map(Post::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	public boolean hasRole(Role role) {
		return posts.stream().anyMatch(p -> p.role() == role);
	}

	public boolean hasAnyRole(Role... roles) {
		for (Role role : roles) {
			if (hasRole(role)) {
				return true;
			}
		}
		return false;
	}

	/** Bureau officers see aggregates only: never a named student. */
	public boolean isBureauOnly() {
		return !posts.isEmpty() && posts.stream().allMatch(p -> p.role().isBureau());
	}

	/** A student's account (a psych committee member): never school staff, whatever else it holds. */
	public boolean isStudentAccount() {
		return !posts.isEmpty() && posts.stream().allMatch(p -> p.role() == Role.PSYCH_COMMITTEE);
	}

	/** Holds a post at a school or in a class (teachers, psychology teachers, leaders, school administrators). */
	public boolean isSchoolStaff() {
		return posts.stream().anyMatch(p -> p.role().isSchoolLevel() || p.role().isClassLevel()) && !isBureauOnly();
	}

	/**
	 * The message key that refuses this user a page or record meant for school staff, in words that fit them: a
	 * student is told what the page is for and where their own report goes, bureau officers and administrators
	 * that they see aggregates only.
	 */
	public String staffOnlyRefusal() {
		if (isStudentAccount()) {
			return "problem.forbidden.student";
		}
		return isSchoolStaff() ? "problem.forbidden" : "problem.forbidden.bureau";
	}

	/** The school of a school staff member (first post with a school), or null. */
	public Long schoolId() {
		return posts.stream().map(Post::schoolId).filter(Objects::nonNull).findFirst().orElse(null);
	}

	public boolean hasRoleAtSchool(long schoolId, Role... roles) {
		return posts.stream()
			.anyMatch(p -> p.schoolId() != null && p.schoolId() == schoolId && Set.of(roles).contains(p.role()));
	}

	public boolean hasRoleInClass(long classId, Role... roles) {
		return posts.stream()
			.anyMatch(p -> p.classId() != null && p.classId() == classId && Set.of(roles).contains(p.role()));
	}

	public List<Long> classIds(Role role) {
		return posts.stream().filter(p -> p.role() == role && p.classId() != null).map(Post::classId).distinct().toList();
	}
}
