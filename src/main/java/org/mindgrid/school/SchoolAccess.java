package org.mindgrid.school;

import java.util.List;
import java.util.Objects;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see and manage which school. A school the caller has no business with answers 404, so ids of other
 * schools reveal nothing; a school the caller belongs to but may not manage answers 403.
 */
@Component
public class SchoolAccess {

	private final CurrentUsers users;

	private final JdbcClient jdbc;

	SchoolAccess(CurrentUsers users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	public CurrentUser caller() {
		return users.current();
	}

	public boolean isSystemAdmin() {
		return caller().hasRole(Role.SYSTEM_ADMIN);
	}

	public void requireSystemAdmin() {
		if (!isSystemAdmin()) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
	}

	/** Schools where the caller holds the SCHOOL_ADMIN post. */
	public List<Long> adminSchools() {
		return caller().posts()
			.stream()
			.filter(p -> p.role() == Role.SCHOOL_ADMIN)
			.map(Post::schoolId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	/**
	 * Schools where the caller may grant and remove posts that open student data: where they hold SCHOOL_ADMIN or
	 * SCHOOL_LEADER (docs/decisions/0015-post-grants.md).
	 */
	public List<Long> grantSchools() {
		return caller().posts()
			.stream()
			.filter(p -> p.role() == Role.SCHOOL_ADMIN || p.role() == Role.SCHOOL_LEADER)
			.map(Post::schoolId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	/** The school's post events: its leaders and administrators only (never the system admin or the bureau). */
	public void requirePostEventReader(long schoolId) {
		requireReadable(schoolId);
		if (!caller().hasRoleAtSchool(schoolId, Role.SCHOOL_ADMIN, Role.SCHOOL_LEADER)) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
	}

	/** Structure (classes, semesters) is visible to the school's staff, system admins and its bureau officers. */
	public void requireReadable(long schoolId) {
		if (!readable(schoolId)) {
			throw ApiProblem.notFound("school.not-found");
		}
	}

	/** Managing a school: system admins and the school's administrators. */
	public void requireAdmin(long schoolId) {
		requireReadable(schoolId);
		if (!isSystemAdmin() && !caller().hasRoleAtSchool(schoolId, Role.SCHOOL_ADMIN)) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
	}

	/** The staff list: administrators, and the school's leaders who may read it. */
	public void requireStaffReader(long schoolId) {
		requireReadable(schoolId);
		if (!isSystemAdmin() && !caller().hasRoleAtSchool(schoolId, Role.SCHOOL_ADMIN, Role.SCHOOL_LEADER)) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
	}

	/** The school to restrict SQL writes to: null for a system admin (everything), else the checked school. */
	public Long restriction(long schoolId) {
		return isSystemAdmin() ? null : schoolId;
	}

	boolean readable(long schoolId) {
		var place = jdbc.sql("select s.district_id, d.city_id from school s join district d on d.id = s.district_id where s.id = :id")
			.param("id", schoolId)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional();
		if (place.isEmpty()) {
			return false;
		}
		CurrentUser user = caller();
		return user.posts().stream().anyMatch(p -> switch (p.role()) {
			case SYSTEM_ADMIN -> true;
			case CITY_OFFICER -> p.cityId() != null && p.cityId() == place.get()[1];
			case DISTRICT_OFFICER -> p.districtId() != null && p.districtId() == place.get()[0];
			default -> p.schoolId() != null && p.schoolId() == schoolId;
		});
	}

	/** SQL predicate over {@code school s join district d} limiting schools to those the caller may see. */
	String visibleSchoolsPredicate() {
		CurrentUser user = caller();
		if (user.hasRole(Role.SYSTEM_ADMIN)) {
			return "true";
		}
		StringBuilder sb = new StringBuilder("(false");
		for (Post p : user.posts()) {
			if (p.role() == Role.CITY_OFFICER && p.cityId() != null) {
				sb.append(" or d.city_id = ").append(p.cityId().longValue());
			}
			else if (p.role() == Role.DISTRICT_OFFICER && p.districtId() != null) {
				sb.append(" or s.district_id = ").append(p.districtId().longValue());
			}
			else if (p.schoolId() != null) {
				sb.append(" or s.id = ").append(p.schoolId().longValue());
			}
		}
		return sb.append(")").toString();
	}
}
