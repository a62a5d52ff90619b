package org.mindgrid.shared.db;

import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the connection pool fits the box (issue 11 point 3). {@code poolSize}: default four per core, at least 10
 * (a request may hold a second connection for its own audit or throttle transaction). {@code connectionTimeout}:
 * how long a request waits for a free connection before it answers 503. {@code statementTimeout}: no statement of
 * a request runs longer (jobs that must, such as the audit chain check, lift it for their own transaction).
 */
@ConfigurationProperties("mindgrid.db")
public record PoolSizing(Integer poolSize, Duration connectionTimeout, Duration statementTimeout) {

	public PoolSizing {
		poolSize = poolSize == null ? Math.max(10, 4 * Runtime.getRuntime().availableProcessors()) : poolSize;
		connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
		statementTimeout = statementTimeout == null ? Duration.ofSeconds(15) : statementTimeout;
	}

	/** Applies the sizing to a pool not started yet. */
	public void applyTo(HikariConfig config) {
		config.setMaximumPoolSize(poolSize);
		config.setConnectionTimeout(connectionTimeout.toMillis());
		config.setConnectionInitSql("set statement_timeout = " + statementTimeout.toMillis());
	}
}
