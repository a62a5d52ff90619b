package org.mindgrid.school;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grant table of docs/decisions/0015-post-grants.md, role by role. */
class GrantRulesTests {

	private static final List<Long> NONE = List.of();

	private static final List<Long> SCHOOL_1 = List.of(1L);

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "SCHOOL_LEADER", "SCHOOL_ADMIN", "PSYCH_TEACHER", "CRISIS_TEAM",
			"HEAD_TEACHER", "MENTOR", "SUBJECT_TEACHER" })
	void everySchoolAndClassPostOpensStudentDataAndIsNeverGrantedToOneself(Role role) {
		assertThat(GrantRules.opensStudentData(role)).isTrue();
		assertThatCode(() -> GrantRules.requireGrantable(role, false, SCHOOL_1, false)).doesNotThrowAnyException();
		assertRefused(() -> GrantRules.requireGrantable(role, false, SCHOOL_1, true), "staff.post.self-grant");
		assertRefused(() -> GrantRules.requireGrantable(role, true, NONE, true), "staff.post.self-grant");
		assertThat(GrantRules.mayGrantAt(role, 1, false, SCHOOL_1)).isTrue();
		assertThat(GrantRules.mayGrantAt(role, 2, false, SCHOOL_1)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "SCHOOL_LEADER", "PSYCH_TEACHER", "CRISIS_TEAM", "HEAD_TEACHER", "MENTOR",
			"SUBJECT_TEACHER" })
	void theSystemAdministratorGrantsNoPostThatReadsStudents(Role role) {
		assertRefused(() -> GrantRules.requireGrantable(role, true, NONE, false), "staff.post.system-admin-forbidden");
		assertThat(GrantRules.mayGrantAt(role, 1, true, NONE)).isFalse();
	}

	@Test
	void theSystemAdministratorSetsUpASchoolsAdministrator() {
		assertThatCode(() -> GrantRules.requireGrantable(Role.SCHOOL_ADMIN, true, NONE, false)).doesNotThrowAnyException();
		assertThat(GrantRules.mayGrantAt(Role.SCHOOL_ADMIN, 7, true, NONE)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "SYSTEM_ADMIN", "CITY_OFFICER", "DISTRICT_OFFICER" })
	void systemAndBureauPostsComeFromTheSystemAdministratorOnly(Role role) {
		assertThat(GrantRules.opensStudentData(role)).isFalse();
		assertThatCode(() -> GrantRules.requireGrantable(role, true, NONE, true)).doesNotThrowAnyException();
		assertRefused(() -> GrantRules.requireGrantable(role, false, SCHOOL_1, false), "staff.post.role-forbidden");
	}

	@Test
	void nobodyWithoutAPostToGrantFromGetsPastTheDoorAndTheCommitteePostIsNoStaffPost() {
		assertRefused(() -> GrantRules.requireGrantable(Role.MENTOR, false, NONE, false), "problem.forbidden");
		assertRefused(() -> GrantRules.requireGrantable(Role.PSYCH_COMMITTEE, false, NONE, false), "problem.forbidden");
		assertThatThrownBy(() -> GrantRules.requireGrantable(Role.PSYCH_COMMITTEE, false, SCHOOL_1, false))
			.isInstanceOf(InvalidInput.class).hasMessage("staff.post.not-a-staff-role");
		assertThatThrownBy(() -> GrantRules.requireGrantable(Role.PSYCH_COMMITTEE, true, NONE, false))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void removingOpensNothing() {
		assertThat(GrantRules.mayRemoveAt(1L, false, SCHOOL_1)).isTrue();
		assertThat(GrantRules.mayRemoveAt(2L, false, SCHOOL_1)).isFalse();
		assertThat(GrantRules.mayRemoveAt(null, false, SCHOOL_1)).isFalse();
		assertThat(GrantRules.mayRemoveAt(2L, true, NONE)).isTrue();
	}

	private static void assertRefused(Runnable call, String key) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiProblem.class, e -> {
			assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(e.messageKey()).isEqualTo(key);
		});
	}
}
