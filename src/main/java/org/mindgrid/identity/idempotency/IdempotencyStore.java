package org.mindgrid.identity.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table {@code idempotency_key}. Every statement commits on its own (no surrounding transaction): a claim must
 * be visible to parallel retries at once, and must outlive the rollback of the request it guards.
 */
@Component
class IdempotencyStore {

	/** What a request with a key finds. */
	sealed interface Claim {
	}

	/** The key is this request's: run it, then {@link #complete} or {@link #release}. */
	record Owned(long id) implements Claim {
	}

	/** The first request with this key and body answered this. */
	record Answered(int status, String contentType, String location, byte[] body) implements Claim {
	}

	/** The key was used for another request (another body, path or method). */
	record Reused() implements Claim {
	}

	/** The first request with this key still runs. */
	record InProgress() implements Claim {
	}

	private record Row(String hash, Integer status, String contentType, String location, byte[] body) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdempotencyProperties properties;

	IdempotencyStore(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** Claims the key, or tells what the first request with it did; waits a while for a first request that runs. */
	Claim claim(long userId, String key, String hash) throws InterruptedException {
		long deadline = System.nanoTime() + properties.retryWait().toNanos();
		while (true) {
			Instant now = clock.instant();
			// An expired answer or a dead claim of this key is forgotten before the key is claimed anew.
			jdbc.sql("""
					delete from idempotency_key where user_id = :user and key = :key
					   and (created_at < :expired or (status is null and created_at < :stale) or created_at > :now)""")
				.param("user", userId)
				.param("key", key)
				.param("expired", Timestamp.from(now.minus(properties.ttl())))
				.param("stale", Timestamp.from(now.minus(properties.stale())))
				// a clock set back (tests) must not keep a key alive for ever
				.param("now", Timestamp.from(now.plusSeconds(60)))
				.update();
			Optional<Long> claimed = jdbc.sql("""
					insert into idempotency_key (user_id, key, request_hash, created_at) values (:user, :key, :hash, :now)
					on conflict (user_id, key) do nothing returning id""")
				.param("user", userId)
				.param("key", key)
				.param("hash", hash)
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.optional();
			if (claimed.isPresent()) {
				return new Owned(claimed.get());
			}
			Optional<Row> row = jdbc.sql("""
					select request_hash, status, content_type, location, body from idempotency_key
					 where user_id = :user and key = :key""")
				.param("user", userId)
				.param("key", key)
				.query((rs, i) -> new Row(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
						rs.getBytes(5)))
				.optional();
			if (row.isEmpty()) {
				continue; // released by its first request in between: claim it
			}
			if (!row.get().hash().equals(hash)) {
				return new Reused();
			}
			if (row.get().status() != null) {
				Row r = row.get();
				return new Answered(r.status(), r.contentType(), r.location(), r.body());
			}
			if (System.nanoTime() > deadline) {
				return new InProgress();
			}
			Thread.sleep(25);
		}
	}

	void complete(long id, int status, String contentType, String location, byte[] body) {
		jdbc.sql("""
				update idempotency_key set status = :status, content_type = :type, location = :location, body = :body,
				       completed_at = :now where id = :id""")
			.param("status", status)
			.param("type", contentType)
			.param("location", location)
			.param("body", body)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
	}

	/** The request failed or was refused: nothing is kept, so a corrected request may use the key. */
	void release(long id) {
		jdbc.sql("delete from idempotency_key where id = :id").param("id", id).update();
	}

	int deleteExpired() {
		return jdbc.sql("delete from idempotency_key where created_at < :expired")
			.param("expired", Timestamp.from(clock.instant().minus(properties.ttl())))
			.update();
	}
}
