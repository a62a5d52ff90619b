package org.mindgrid.shared.db;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL under {@code mindgrid.data-dir} when no external {@code spring.datasource.url} is
 * configured. Data survives restarts; fsync stays on because the records are irreplaceable. The data directory's
 * lock is taken first, so a second instance (or a restore) can never stop the server of a running one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	DataDirLock dataDirLock(@Value("${mindgrid.data-dir}") String dataDir) throws IOException {
		return DataDirLock.acquire(Path.of(dataDir).toAbsolutePath().normalize(), "app");
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(DataDirLock lock, @Value("${mindgrid.embedded.clean:false}") boolean clean)
			throws IOException {
		return EmbeddedDatabase.start(lock.root(), clean);
	}

	/**
	 * The pool (issue 11 point 3): {@code mindgrid.db.pool-size} connections (default {@link PoolSizing}), a
	 * connection within {@code mindgrid.db.connection-timeout} or the request answers 503, and every statement
	 * cancelled after {@code mindgrid.db.statement-timeout}, so that one slow query cannot hold the pool.
	 */
	@Bean
	DataSource dataSource(EmbeddedPostgres pg, PoolSizing sizing) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		sizing.applyTo(config);
		config.setPoolName("mindgrid-embedded");
		return new HikariDataSource(config);
	}
}
