package org.mindgrid.shared.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database failures answer 503 (retry) rather than 500 (a defect). */
class OverloadTests {

	@Test
	void aLostOrRefusedConnectionAndAServerShuttingDownOrStartingAreUnavailability() {
		for (String state : new String[] { "08006", "08001", "08003", "57P01", "57P02", "57P03", "57014", "53300" }) {
			var wrapped = new DataAccessResourceFailureException("x", new SQLException("x", state));
			assertThat(Overload.is(wrapped)).as(state).isTrue();
		}
	}

	@Test
	void otherFailuresAreNot() {
		for (String state : new String[] { "23505", "42P01", "22001", "25006", "40001", null }) {
			assertThat(Overload.is(new RuntimeException(new SQLException("x", state)))).as(String.valueOf(state)).isFalse();
		}
		assertThat(Overload.is(new IllegalStateException("x"))).isFalse();
	}
}
