package org.mindgrid.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL under {@code mindgrid.data-dir} when no external {@code spring.datasource.url} is
 * configured. Data survives restarts; fsync stays on because the records are irreplaceable.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${mindgrid.data-dir}") String dataDir,
			@Value("${mindgrid.embedded.clean:false}") boolean clean) throws IOException {
		Path root = Path.of(dataDir).toAbsolutePath().normalize();
		Path pgData = root.resolve("pg");
		Path work = root.resolve("pg-bin");
		Files.createDirectories(pgData);
		Files.createDirectories(work);
		StalePostmaster.stopIfRunning(pgData);
		long started = System.nanoTime();
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(clean)
			.setOverrideWorkingDirectory(work.toFile())
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "50")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		log.info("Embedded PostgreSQL on port {} with data in {} started in {} ms", pg.getPort(), pgData,
				(System.nanoTime() - started) / 1_000_000);
		return pg;
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
