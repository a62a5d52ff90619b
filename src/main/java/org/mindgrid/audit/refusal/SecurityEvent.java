package org.mindgrid.audit.refusal;

import java.time.Instant;

/** A refused request as the school's leaders see it: who, what (method, path, status), when, from where. */
record SecurityEvent(long id, Instant occurredAt, Long userId, String username, String method, Integer status,
		String path, Long studentId, String remoteAddr) {

	/** From an audit line whose detail is {@code "<method> <status>"}. */
	static SecurityEvent of(long id, Instant occurredAt, Long userId, String username, String resource, String detail,
			Long studentId, String remoteAddr) {
		String[] parts = detail == null ? new String[0] : detail.split(" ", 2);
		Integer status = null;
		if (parts.length == 2 && parts[1].matches("\\d{3}")) {
			status = Integer.valueOf(parts[1]);
		}
		return new SecurityEvent(id, occurredAt, userId, username, parts.length > 0 ? parts[0] : null, status, resource,
				studentId, remoteAddr);
	}
}
