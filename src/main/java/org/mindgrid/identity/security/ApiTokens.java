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
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens: random, stored only as a SHA-256 hash, expiring. Opaque rather than signed so that a
 * token can be revoked and no signing key has to be managed.
 */
@Component
public class ApiTokens {

	public record Issued(String token, Instant expiresAt) {
	}

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	ApiTokens(JdbcClient jdbc, Clock clock, @Value("${mindgrid.token-ttl}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	public Issued issue(long userId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(ttl);
		jdbc.sql("delete from api_token where expires_at < :now").param("now", Timestamp.from(now)).update();
		jdbc.sql("insert into api_token (token_hash, user_id, created_at, expires_at) values (:h, :u, :c, :e)")
			.param("h", hash(token))
			.param("u", userId)
			.param("c", Timestamp.from(now))
			.param("e", Timestamp.from(expiresAt))
			.update();
		return new Issued(token, expiresAt);
	}

	/** The user id of a valid, unexpired token. */
	Optional<Long> resolve(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("select user_id from api_token where token_hash = :h and expires_at > :now")
			.param("h", hash(token))
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
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
