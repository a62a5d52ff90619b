package org.mindgrid.identity.security;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a login may continue: this application's own paths, nothing that leaves it or loops back to the login. */
class NextUrlTests {

	@ParameterizedTest
	@ValueSource(strings = { "/students/5/talks/new", "/observations/new?studentId=12", "/duties", "/" })
	void pathsOfThisApplicationAreKept(String path) {
		assertThat(NextUrl.of(path)).contains(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "students/5", "//evil.example/x", "///evil.example", "/\\evil.example",
			"https://evil.example/", "javascript:alert(1)", "/login", "/login?expired", "/login/two-factor", "/logout",
			"/error", "/a/../b", "/./x", "/x\r\nSet-Cookie: a=b", "/x\u0000", "/学生", "/x#frag", "/%2F%2Fevil.example",
			"/%5cevil", "/ x" })
	void anythingElseIsRefused(String candidate) {
		assertThat(NextUrl.of(candidate)).as(candidate).isEmpty();
	}

	@Test
	void nullAndHugeValuesAreRefused() {
		assertThat(NextUrl.of(null)).isEmpty();
		assertThat(NextUrl.of("/" + "a".repeat(NextUrl.MAX_LENGTH))).isEmpty();
	}

	@Test
	void aRefererCountsOnlyWhenItPointsAtThisServer() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/students/5/talks");
		request.setServerName("school.example");
		request.setServerPort(8080);
		assertThat(NextUrl.ofSameSite("http://school.example:8080/students/5/talks/new?x=1", request))
			.contains("/students/5/talks/new?x=1");
		assertThat(NextUrl.ofSameSite("http://SCHOOL.example:8080/duties", request)).contains("/duties");
		assertThat(NextUrl.ofSameSite("http://evil.example:8080/students/5/talks/new", request)).isEmpty();
		assertThat(NextUrl.ofSameSite("http://school.example:9090/duties", request)).isEmpty();
		assertThat(NextUrl.ofSameSite("ftp://school.example:8080/duties", request)).isEmpty();
		assertThat(NextUrl.ofSameSite("http://school.example:8080/login", request)).isEmpty();
		assertThat(NextUrl.ofSameSite(null, request)).isEmpty();
		assertThat(NextUrl.ofSameSite("not a url", request)).isEmpty();

		request.setContextPath("/mindgrid");
		assertThat(NextUrl.ofSameSite("http://school.example:8080/mindgrid/duties", request)).contains("/duties");
		assertThat(NextUrl.ofSameSite("http://school.example:8080/other/duties", request)).isEmpty();

		MockHttpServletRequest secure = new MockHttpServletRequest();
		secure.setServerName("school.example");
		secure.setServerPort(443);
		assertThat(NextUrl.ofSameSite("https://school.example/duties", secure)).isEqualTo(Optional.of("/duties"));
	}
}
