package org.mindgrid.audit;

import java.time.Instant;

/** One line of the audit trail: who did what to which student, when and from where. */
public record AuditRecord(long id, Instant occurredAt, Long userId, String username, String action, String resource,
		Long studentId, String detail, String remoteAddr) {
}
