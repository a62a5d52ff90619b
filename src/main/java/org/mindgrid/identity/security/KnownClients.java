package org.mindgrid.identity.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Clients (address or device) an account logged in from within the last 90 days. */
@Component
class KnownClients {

	static final Duration REMEMBERED = Duration.ofDays(90);

	private final JdbcClient jdbc;

	KnownClients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean known(long userId, LoginClient client, Instant now) {
		return jdbc.sql("""
				select exists (select 1 from login_known_client
				                where user_id = :u and client in (:keys) and last_success_at > :since)""")
			.param("u", userId)
			.param("keys", java.util.List.of(client.key(), client.addressKey()))
			.param("since", Timestamp.from(now.minus(REMEMBERED)))
			.query(Boolean.class)
			.single();
	}

	void remember(long userId, LoginClient client, Instant now) {
		for (String key : new java.util.LinkedHashSet<>(java.util.List.of(client.key(), client.addressKey()))) {
			jdbc.sql("""
					insert into login_known_client (user_id, client, last_success_at) values (:u, :c, :now)
					on conflict (user_id, client) do update set last_success_at = excluded.last_success_at""")
				.param("u", userId)
				.param("c", key)
				.param("now", Timestamp.from(now))
				.update();
		}
	}
}
