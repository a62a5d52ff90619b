package org.mindgrid.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The application's data source when a replica is configured (ADR 0030): a transaction marked read-only takes its
 * connection from the replica's pool, every other one (and every statement outside a transaction) from the
 * primary's. The connection is fetched at the first statement, once the transaction's read-only flag is known.
 * Closing it closes both pools.
 */
final class ReplicaRoutingDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

	/** What the replica's sessions are called in {@code pg_stat_activity} (the replica test looks for it). */
	static final String APPLICATION_NAME = "mindgrid-replica";

	private final HikariDataSource primary;

	private final HikariDataSource replica;

	private ReplicaRoutingDataSource(HikariDataSource primary, HikariDataSource replica) {
		super(primary);
		this.primary = primary;
		this.replica = replica;
		setReadOnlyDataSource(replica);
	}

	/** The replica's pool is sized and timed like the primary's, read-only on every connection. */
	static ReplicaRoutingDataSource over(HikariDataSource primary, ReplicaSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("mindgrid-replica");
		config.setJdbcUrl(settings.url());
		config.setUsername(settings.username() == null ? primary.getUsername() : settings.username());
		config.setPassword(settings.password() == null ? primary.getPassword() : settings.password());
		config.setMaximumPoolSize(primary.getMaximumPoolSize());
		config.setConnectionTimeout(primary.getConnectionTimeout());
		config.setConnectionInitSql(primary.getConnectionInitSql());
		config.setReadOnly(true);
		config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
		return new ReplicaRoutingDataSource(primary, new HikariDataSource(config));
	}

	@Override
	public void close() {
		replica.close();
		primary.close();
	}
}
