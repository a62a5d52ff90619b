package org.mindgrid.audit;

import java.time.Instant;

import org.mindgrid.identity.Role;

/** One grant or removal of a post (or mentor assignment) as the audit log keeps it; {@code username} did it. */
public record GrantEvent(long id, Instant occurredAt, Long userId, String username, String action, long holderUserId,
		Role role, Long schoolId, Long classId, Long studentId, String detail, String remoteAddr) {
}
