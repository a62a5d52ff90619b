package org.mindgrid.shared.db;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled jobs run once across app instances (ADR 0028): every instance schedules each job, and a run first takes
 * the job's PostgreSQL advisory lock; an instance that does not get it skips this tick. The lock is
 * transaction-scoped ({@code pg_try_advisory_xact_lock}): it ends with the run's commit or rollback, or with the
 * connection of an instance that died, so nothing ever has to release it by hand.
 */
@Component
public class JobLock {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	JobLock(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Takes the job's lock for the caller's transaction: true when this run may do the work, false when another
	 * instance runs the job now. Outside a transaction the lock would end with the statement, so that is refused.
	 */
	public boolean tryTake(String job) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("job lock '" + job + "' taken outside a transaction");
		}
		return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", key(job))
			.query(Boolean.class)
			.single());
	}

	/**
	 * Runs the work holding the job's lock, in the caller's transaction or a new one; answers whether it ran (false:
	 * another instance had the lock).
	 */
	public boolean runAlone(String job, Runnable work) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			if (!tryTake(job)) {
				return false;
			}
			work.run();
			return true;
		}));
	}

	/** The advisory lock key of a job: the first 8 bytes of the SHA-256 of its name, the same on every instance. */
	public static long key(String job) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(("mindgrid-job:" + job).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(hash).getLong();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
