package org.mindgrid.identity.security;

import java.sql.Timestamp;
import java.time.Instant;

import org.mindgrid.identity.security.ThrottlePolicy.Decision;
import org.mindgrid.identity.security.ThrottlePolicy.State;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login counters in {@code login_throttle}. A reservation reads the counter under a row lock, applies the
 * {@link ThrottlePolicy} and writes it back in one short transaction of its own, so parallel attempts for one
 * counter are counted one after the other; the slow password hash runs after the lock is released.
 */
@Component
class LoginThrottle {

	/** The counter of failures from clients the account has never logged in from. */
	static final String UNKNOWN_CLIENTS = "*";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	Decision reserve(String username, String client, ThrottlePolicy policy, Instant now) {
		return tx.execute(status -> {
			jdbc.sql("""
					insert into login_throttle (username, client, failures, window_started_at)
					values (:u, :c, 0, :now) on conflict do nothing""")
				.param("u", username)
				.param("c", client)
				.param("now", Timestamp.from(now))
				.update();
			State state = jdbc.sql("""
					select failures, window_started_at, next_allowed_at, locked_until
					  from login_throttle where username = :u and client = :c for update""")
				.param("u", username)
				.param("c", client)
				.query((rs, i) -> new State(rs.getInt(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3)),
						instant(rs.getTimestamp(4))))
				.single();
			Decision decision = policy.reserve(state, now);
			State next = decision.next();
			jdbc.sql("""
					update login_throttle set failures = :f, window_started_at = :w, next_allowed_at = :n, locked_until = :l
					 where username = :u and client = :c""")
				.param("f", next.failures())
				.param("w", Timestamp.from(next.windowStartedAt()))
				.param("n", timestamp(next.nextAllowedAt()))
				.param("l", timestamp(next.lockedUntil()))
				.param("u", username)
				.param("c", client)
				.update();
			return decision;
		});
	}

	/** A right password (and code) clears the client's counter. */
	void reset(String username, String client) {
		jdbc.sql("delete from login_throttle where username = :u and client = :c")
			.param("u", username)
			.param("c", client)
			.update();
	}

	/** Lets the next attempt follow at once (after a right password that still needs its code). */
	void clearDelay(String username, String client) {
		jdbc.sql("update login_throttle set next_allowed_at = null where username = :u and client = :c and locked_until is null")
			.param("u", username)
			.param("c", client)
			.update();
	}

	/** Takes back one reservation that turned out to be the owner's (not a failure). */
	void refund(String username, String client) {
		jdbc.sql("""
				update login_throttle set failures = greatest(failures - 1, 0)
				 where username = :u and client = :c and locked_until is null""")
			.param("u", username)
			.param("c", client)
			.update();
	}

	/** An administrator's unlock clears every counter of the username. */
	void resetAll(String username) {
		jdbc.sql("delete from login_throttle where username = :u").param("u", username).update();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Timestamp timestamp(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}
}
