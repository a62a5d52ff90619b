package org.mindgrid.school;

import java.util.List;

import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;

/**
 * Who may grant which post (docs/decisions/0015-post-grants.md). Every school and class post opens student data
 * (SCHOOL_ADMIN lists names; the others read archives or lead to them), so only the school's administrators and
 * leaders grant them, and never to themselves. The system administrator grants system and bureau posts and, to set
 * up a school, its SCHOOL_ADMIN (to someone else). PSYCH_COMMITTEE belongs to student accounts, not to staff pages.
 */
final class GrantRules {

	private GrantRules() {
	}

	static boolean opensStudentData(Role role) {
		return role.isSchoolLevel() || role.isClassLevel();
	}

	/** Refuses what no place can make right: a role the caller never grants, or a post for themselves. */
	static void requireGrantable(Role role, boolean systemAdmin, List<Long> grantSchools, boolean self) {
		if (!systemAdmin && grantSchools.isEmpty()) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
		if (role == Role.PSYCH_COMMITTEE) {
			throw new InvalidInput("role", "staff.post.not-a-staff-role");
		}
		if (!opensStudentData(role)) {
			if (!systemAdmin) {
				throw ApiProblem.forbidden("staff.post.role-forbidden");
			}
			return;
		}
		if (self) {
			throw ApiProblem.forbidden("staff.post.self-grant");
		}
		if (grantSchools.isEmpty() && role != Role.SCHOOL_ADMIN) {
			throw ApiProblem.forbidden("staff.post.system-admin-forbidden");
		}
	}

	/** Whether the caller may grant this (school or class) role at that school. */
	static boolean mayGrantAt(Role role, long schoolId, boolean systemAdmin, List<Long> grantSchools) {
		return grantSchools.contains(schoolId) || (systemAdmin && role == Role.SCHOOL_ADMIN);
	}

	/** Removing opens nothing: the system administrator (offboarding) and the school's administrators and leaders. */
	static boolean mayRemoveAt(Long schoolId, boolean systemAdmin, List<Long> grantSchools) {
		return systemAdmin || (schoolId != null && grantSchools.contains(schoolId));
	}
}
