package org.mindgrid.identity.security;

import java.util.EnumSet;
import java.util.Set;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.Deployment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who must log in with a second factor: the roles that see diagnoses, crisis files or many schools (issue 6,
 * point 12), outside demo mode; and any account an administrator marked. {@code mindgrid.two-factor.required}
 * overrides the demo default (true in production, false in the demo).
 */
@Component
public class TwoFactorPolicy {

	static final Set<Role> ROLES = EnumSet.of(Role.PSYCH_TEACHER, Role.CRISIS_TEAM, Role.SCHOOL_LEADER,
			Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.SYSTEM_ADMIN, Role.SCHOOL_ADMIN);

	private final boolean roleRule;

	TwoFactorPolicy(Deployment deployment, @Value("${mindgrid.two-factor.required:}") String setting) {
		this.roleRule = setting == null || setting.isBlank() ? !deployment.demo() : Boolean.parseBoolean(setting.trim());
	}

	static boolean roleNeedsIt(CurrentUser user) {
		return user.roles().stream().anyMatch(ROLES::contains);
	}

	public boolean required(CurrentUser user, boolean markedByAdmin) {
		return markedByAdmin || (roleRule && roleNeedsIt(user));
	}
}
