package org.mindgrid.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/** An audit line recorded in a transaction and not yet chained. */
record PendingEvent(Instant occurredAt, LocalDate chainDay, Long userId, String username, String action,
		String resource, Long studentId, String detail, String remoteAddr, PostGrant grant) {

	/**
	 * PostgreSQL text cannot hold NUL and UTF-8 cannot hold a lone surrogate: replace them here so that the audit
	 * line never makes the caller's transaction fail and the hash covers exactly the stored text.
	 */
	static String clean(String value) {
		if (value == null) {
			return null;
		}
		String utf8 = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		return utf8.indexOf('\0') < 0 ? utf8 : utf8.replace('\0', '\uFFFD');
	}
}
