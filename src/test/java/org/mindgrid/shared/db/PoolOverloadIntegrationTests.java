package org.mindgrid.shared.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import org.mindgrid.support.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 point 3: with every connection of the pool taken, a request waits its connection timeout and answers
 * 503 with Retry-After (API and page alike), never a 500; each connection carries the statement timeout; the pool
 * is sized for the box.
 */
@IntegrationTest
class PoolOverloadIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	PoolSizing sizing;

	@Test
	void aFullPoolAnswers503WithRetryAfterAndNothingBreaks() throws Exception {
		Api api = new Api(port);
		api.token("psych1");
		PageClient page = PageClient.login(port, "psych1");
		HikariDataSource pool = (HikariDataSource) dataSource;
		assertThat(pool.getMaximumPoolSize()).isEqualTo(sizing.poolSize()).isGreaterThanOrEqualTo(10);
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				held.add(dataSource.getConnection());
			}
			Api.Response busy = api.get("psych1", "/api/v1/students?size=5");
			assertThat(busy.status()).as(busy.body()).isEqualTo(503);
			assertThat(busy.contentType()).startsWith("application/problem+json");
			assertThat(busy.body()).contains("problem.busy");
			var shown = page.get("/students");
			assertThat(shown.status()).isEqualTo(503);
			assertThat(shown.body()).contains("系统正忙");
			assertThat(shown.headers().firstValue("Retry-After")).hasValue("5");
		}
		finally {
			for (Connection c : held) {
				c.close();
			}
		}
		assertThat(api.get("psych1", "/api/v1/students?size=5").status()).isEqualTo(200);
		try (Connection c = dataSource.getConnection(); var s = c.createStatement();
				var rs = s.executeQuery("show statement_timeout")) {
			rs.next();
			assertThat(rs.getString(1)).isEqualTo(sizing.statementTimeout().toSeconds() + "s");
		}
	}
}
