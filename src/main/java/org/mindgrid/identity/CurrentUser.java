package org.mindgrid.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The signed-in user with their posts; the source of every scope decision. */
public record CurrentUser(long id, String username, String displayName, List<Post> posts) {

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
