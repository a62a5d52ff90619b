package org.mindgrid.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A streaming replica for read-only transactions (issue 11 point 6, ADR 0030): {@code MINDGRID_REPLICA_URL} (a JDBC
 * URL, multi-host allowed) and, when they differ from the primary's, {@code MINDGRID_REPLICA_USERNAME} and
 * {@code MINDGRID_REPLICA_PASSWORD}. Unset: every transaction goes to the primary.
 */
@ConfigurationProperties("mindgrid.replica")
public record ReplicaSettings(String url, String username, String password) {

	public boolean enabled() {
		return url != null && !url.isBlank();
	}
}
