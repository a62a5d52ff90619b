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

	@Bean
	DataSource dataSource(EmbeddedPostgres pg) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(10);
		config.setPoolName("mindgrid-embedded");
		return new HikariDataSource(config);
	}
}
