package org.mindgrid.identity.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void theListHoldsAtLeastTenThousandCommonPasswords() {
		assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void lengthIsCountedInCharactersAfterNfkc() {
		assertThat(PasswordPolicy.check("teacher", "Ab#1234")).hasValue("password.too-short");
		// ten full-width characters are ten characters, and full-width digits are digits
		assertThat(PasswordPolicy.check("teacher", "Ｍｇ＃２０２６ｘｙｚ")).isEmpty();
		assertThat(PasswordPolicy.check("teacher", "１２３４５６７８９０")).hasValue("password.common");
		assertThat(PasswordPolicy.check("teacher", "x".repeat(129))).hasValue("password.too-long");
	}

	@Test
	void commonPasswordsAreRefusedAlsoWithDigitsAndSymbolsAround() {
		assertThat(PasswordPolicy.check("teacher", "password123")).hasValue("password.common");
		assertThat(PasswordPolicy.check("teacher", "Password2026!")).hasValue("password.common");
		assertThat(PasswordPolicy.check("teacher", "woaini1314")).hasValue("password.common");
		assertThat(PasswordPolicy.check("teacher", "qwertyuiop")).hasValue("password.common");
		assertThat(PasswordPolicy.check("teacher", "Right#Pass2026")).isEmpty();
	}

	@Test
	void longChinesePassphrasesAreGood() {
		assertThat(PasswordPolicy.check("teacher", "我家门前有两棵枣树")).hasValue("password.too-short");
		assertThat(PasswordPolicy.check("teacher", "我家门前有两棵树一棵是枣树")).isEmpty();
	}

	@Test
	void theUsernameAndRunsOfOneCharacterAreRefused() {
		assertThat(PasswordPolicy.check("zhanglaoshi", "Zhanglaoshi#2026")).hasValue("password.contains-username");
		assertThat(PasswordPolicy.check("teacher", "ＺＺＺＺＺＺＺＺＺＺＺＺ")).hasValue("password.too-simple");
	}

	@Test
	void generatedInitialPasswordsPass() {
		for (int i = 0; i < 200; i++) {
			assertThat(PasswordPolicy.check("teacher", org.mindgrid.identity.UserManagement.generatePassword())).isEmpty();
		}
	}
}
