package org.mindgrid;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set the application uses that database (here a PostgreSQL server this test
 * starts itself, standing in for the production one), starts no embedded server and loads no demo data unless
 * asked to.
 */
class ExternalDatabaseIntegrationTests {

	@Test
	void usesTheConfiguredDatabaseAndLoadsDemoOnlyWhenAsked() throws Exception {
		Path dir = Files.createTempDirectory("mindgrid-external");
		try (EmbeddedPostgres external = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(dir.toFile())
			.setDataDirectory(dir.resolve("pg"))
			.start()) {
			String url = external.getJdbcUrl("postgres", "postgres");
			String[] common = { "--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--mindgrid.data-dir=" + dir.resolve("unused") };

			try (ConfigurableApplicationContext app = SpringApplication.run(MindGridApplication.class, common)) {
				assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
					.isPositive();
				assertThat(jdbc.sql("select count(*) from school").query(Long.class).single()).isZero();
				// only the system account of the migrations (ADR 0025): no demo user
				assertThat(jdbc.sql("select count(*) from app_user where username <> 'mindgrid-system'").query(Long.class).single()).isZero();
			}
			assertThat(dir.resolve("unused").resolve("pg")).doesNotExist();

			String[] demo = java.util.Arrays.copyOf(common, common.length + 1);
			demo[common.length] = "--mindgrid.demo=true";
			try (ConfigurableApplicationContext app = SpringApplication.run(MindGridApplication.class, demo)) {
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				// school 1 and three more in 海曙区 (issue 12's district table), school 2 in 江北区
				assertThat(jdbc.sql("select count(*) from school").query(Long.class).single()).isEqualTo(5);
			}
		}
	}
}
