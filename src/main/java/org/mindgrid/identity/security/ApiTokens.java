package org.mindgrid.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens: random, stored only as a SHA-256 hash, revocable. A token ends after {@code idle} without
 * use (8 h: a forgotten script or a stolen laptop stops working overnight) and at the latest {@code absolute} after
 * it was issued; the holder can list and revoke their tokens, and a password change revokes them all.
 */
@Component
public class ApiTokens {

	public record Issued(long id, String token, Instant expiresAt) {
	}

	/** A token as its holder sees it (never the token itself). */
	public record TokenInfo(long id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String address,
			boolean current) {
	}

	record Resolved(long id, long userId) {
	}

	/** Last-use times are written at most this often per token, not on every request. */
	private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration idle;

	private final Duration absolute;

	ApiTokens(JdbcClient jdbc, Clock clock, @Value("${mindgrid.token.idle-timeout:8h}") Duration idle,
			@Value("${mindgrid.token.absolute-timeout:24h}") Duration absolute) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.idle = idle;
		this.absolute = absolute;
	}

	public Issued issue(long userId, String address) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(absolute);
		jdbc.sql("delete from api_token where expires_at < :now or last_used_at < :idleSince")
			.param("now", Timestamp.from(now))
			.param("idleSince", Timestamp.from(now.minus(idle)))
			.update();
		long id = jdbc.sql("""
				insert into api_token (token_hash, user_id, created_at, expires_at, last_used_at, client_address)
				values (:h, :u, :c, :e, :c, :addr) returning id""")
			.param("h", hash(token))
			.param("u", userId)
			.param("c", Timestamp.from(now))
			.param("e", Timestamp.from(expiresAt))
			.param("addr", address)
			.query(Long.class)
			.single();
		return new Issued(id, token, expiresAt);
	}

	/** The token's id and user when it is neither expired nor idle for too long; records its use. */
	Optional<Resolved> resolve(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		var row = jdbc.sql("""
				select id, user_id, last_used_at from api_token
				 where token_hash = :h and expires_at > :now and last_used_at > :idleSince""")
			.param("h", hash(token))
			.param("now", Timestamp.from(now))
			.param("idleSince", Timestamp.from(now.minus(idle)))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant() })
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		long id = (Long) row.get()[0];
		if (((Instant) row.get()[2]).isBefore(now.minus(TOUCH_EVERY))) {
			jdbc.sql("update api_token set last_used_at = :now where id = :id")
				.param("now", Timestamp.from(now))
				.param("id", id)
				.update();
		}
		return Optional.of(new Resolved(id, (Long) row.get()[1]));
	}

	public List<TokenInfo> of(long userId, Long currentId) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select id, created_at, last_used_at, expires_at, client_address from api_token
				 where user_id = :u and expires_at > :now and last_used_at > :idleSince order by created_at desc""")
			.param("u", userId)
			.param("now", Timestamp.from(now))
			.param("idleSince", Timestamp.from(now.minus(idle)))
			.query((rs, i) -> {
				Instant lastUsed = rs.getTimestamp(3).toInstant();
				Instant expires = rs.getTimestamp(4).toInstant();
				Instant idleEnd = lastUsed.plus(idle);
				return new TokenInfo(rs.getLong(1), rs.getTimestamp(2).toInstant(), lastUsed,
						idleEnd.isBefore(expires) ? idleEnd : expires, rs.getString(5),
						currentId != null && currentId == rs.getLong(1));
			})
			.list();
	}

	/** Revokes one of the user's tokens; false when there is no such token of theirs. */
	public boolean revoke(long userId, long tokenId) {
		return jdbc.sql("delete from api_token where id = :id and user_id = :u")
			.param("id", tokenId)
			.param("u", userId)
			.update() > 0;
	}

	public void revokeAll(long userId) {
		jdbc.sql("delete from api_token where user_id = :u").param("u", userId).update();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
