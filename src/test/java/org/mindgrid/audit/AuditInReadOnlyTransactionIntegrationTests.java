package org.mindgrid.audit;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0030: a read-only transaction (which a replica serves) still writes its audit lines, on the primary in a
 * transaction of their own, both at its commit and when it reads the log it has just added to.
 */
@IntegrationTest
class AuditInReadOnlyTransactionIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aReadOnlyTransactionsLinesAreWrittenAtItsCommit() {
		String resource = "test/read-only/" + UUID.randomUUID();
		readOnly().executeWithoutResult(status -> {
			assertThat(jdbc.sql("show transaction_read_only").query(String.class).single()).isEqualTo("on");
			audit.record("TEST_READ", resource, null, "read-only");
		});
		assertThat(count(resource)).isEqualTo(1);
	}

	@Test
	void aReadOnlyTransactionSeesTheLinesItFlushed() {
		String resource = "test/read-only/" + UUID.randomUUID();
		Long seen = readOnly().execute(status -> {
			audit.recordFor(1, "system", "TEST_READ", resource, null, "flushed", null);
			return count(resource);
		});
		assertThat(seen).as("written at once, visible to the next statement").isEqualTo(1);
		assertThat(count(resource)).as("and not written twice at the commit").isEqualTo(1);
	}

	@Test
	void aRolledBackReadOnlyTransactionWritesNoLine() {
		// A line only recorded, never flushed, goes with the rollback, as in a writing transaction.
		String resource = "test/read-only/" + UUID.randomUUID();
		try {
			readOnly().executeWithoutResult(status -> {
				audit.record("TEST_READ", resource, null, "rolled back");
				throw new IllegalStateException("boom");
			});
		}
		catch (IllegalStateException expected) {
			// the transaction rolled back
		}
		assertThat(count(resource)).isZero();
	}

	private TransactionTemplate readOnly() {
		TransactionTemplate t = new TransactionTemplate(transactions);
		t.setReadOnly(true);
		return t;
	}

	private long count(String resource) {
		return jdbc.sql("select count(*) from audit_event where resource = :r").param("r", resource)
			.query(Long.class).single();
	}
}
