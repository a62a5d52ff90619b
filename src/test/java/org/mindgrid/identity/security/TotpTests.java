package org.mindgrid.identity.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 appendix B test vectors (SHA-1, the last six of the eight digits given there). */
class TotpTests {

	static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void rfc6238Vectors() {
		assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
		assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
		assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
	}

	@Test
	void oneStepOfDriftIsAcceptedAndUsedStepsAreNot() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		assertThat(Totp.verify(SECRET, Totp.code(SECRET, step - 1), now, -1)).hasValue(step - 1);
		assertThat(Totp.verify(SECRET, Totp.code(SECRET, step + 1), now, -1)).hasValue(step + 1);
		assertThat(Totp.verify(SECRET, Totp.code(SECRET, step - 2), now, -1)).isEmpty();
		assertThat(Totp.verify(SECRET, Totp.code(SECRET, step), now, step)).as("replay").isEmpty();
		assertThat(Totp.verify(SECRET, "12345", now, -1)).isEmpty();
		assertThat(Totp.verify(SECRET, null, now, -1)).isEmpty();
	}

	@Test
	void base32RoundTrips() {
		assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(SECRET);
	}
}
