package org.mindgrid.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputTextTests {

	@Test
	void nulAndUnpairedSurrogatesAreNotAllowed() {
		assertThat(InputText.invalidAt("a\u0000b")).isEqualTo(1);
		assertThat(InputText.invalidAt("x\ud800y")).isEqualTo(1);
		assertThat(InputText.invalidAt("\udc00")).isZero();
		assertThat(InputText.invalidAt("ab\ud800")).isEqualTo(2);
		assertThat(InputText.invalidAt("\udc00\ud800")).isZero();
	}

	@Test
	void realTextIsClean() {
		assertThat(InputText.isClean("王子涵 喆堃玥 \uD83D\uDE00 tab\tnewline\n")).isTrue();
		assertThat(InputText.isClean("")).isTrue();
		assertThat(InputText.isClean(null)).isTrue();
	}

	@Test
	void printableReplacesOnlyWhatIsNotAllowed() {
		assertThat(InputText.printable("no\u0000tes")).isEqualTo("no\uFFFDtes");
		assertThat(InputText.printable("a\ud800\uD83D\uDE00")).isEqualTo("a\uFFFD\uD83D\uDE00");
		assertThat(InputText.printable("clean")).isEqualTo("clean");
	}
}
