package org.mindgrid.school;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.mindgrid.identity.UserManagement;
import org.mindgrid.identity.security.PasswordPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/** The account rules the school administration relies on. */
class UserManagementTests {

	@Test
	void newAccountsMustChangeTheirPasswordOutsideDemoMode() {
		assertThat(UserManagement.mustChangePassword(false)).isTrue();
		assertThat(UserManagement.mustChangePassword(true)).isFalse();
	}

	@RepeatedTest(20)
	void generatedPasswordsPassThePolicy() {
		String password = UserManagement.generatePassword();
		assertThat(password).hasSize(12).doesNotContain("0", "O", "1", "l", "I");
		assertThat(PasswordPolicy.check("teacher", password)).isEmpty();
	}

	@Test
	void generatedPasswordsDiffer() {
		assertThat(UserManagement.generatePassword()).isNotEqualTo(UserManagement.generatePassword());
	}
}
