package org.mindgrid.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application over real HTTP on a random port, with a fresh embedded PostgreSQL and the demo data. All
 * integration tests share this one configuration so Spring starts the context (and the database) once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mindgrid.data-dir=target/test-data", "mindgrid.embedded.clean=true", "mindgrid.demo=true",
				// all tests share 127.0.0.1: the code guard's own test sets the real limit (ADR 0025)
				"mindgrid.screening.code-misses-per-window=1000000" })
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {
}
