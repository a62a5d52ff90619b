package org.mindgrid.identity.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.Deployment;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TwoFactorPolicyTests {

	static CurrentUser user(Role role) {
		boolean classRole = role.isClassLevel();
		return new CurrentUser(1, "u", "用户", List.of(new Post(1, role, null, null, 1L, classRole ? 1L : null, false)));
	}

	static Deployment deployment(boolean demo) {
		return new Deployment(new MockEnvironment().withProperty("mindgrid.demo", String.valueOf(demo))
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/mindgrid"));
	}

	@Test
	void outsideTheDemoTheRolesThatSeeDiagnosesNeedIt() {
		TwoFactorPolicy production = new TwoFactorPolicy(deployment(false), "");
		for (Role role : List.of(Role.PSYCH_TEACHER, Role.CRISIS_TEAM, Role.SCHOOL_LEADER, Role.SCHOOL_ADMIN)) {
			assertThat(production.required(user(role), false)).as(role.name()).isTrue();
		}
		assertThat(production.required(user(Role.MENTOR), false)).isFalse();
		assertThat(production.required(user(Role.HEAD_TEACHER), false)).isFalse();
		assertThat(production.required(user(Role.MENTOR), true)).as("marked by an administrator").isTrue();
	}

	@Test
	void inTheDemoNobodyNeedsItUnlessMarked() {
		TwoFactorPolicy demo = new TwoFactorPolicy(deployment(true), "");
		assertThat(demo.required(user(Role.PSYCH_TEACHER), false)).isFalse();
		assertThat(demo.required(user(Role.PSYCH_TEACHER), true)).isTrue();
		assertThat(new TwoFactorPolicy(deployment(true), "true").required(user(Role.PSYCH_TEACHER), false)).isTrue();
	}
}
