package org.mindgrid.identity.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Failed logins of existing accounts, which the holder and their school's administrator can see. */
@Component
public class LoginFailures {

	public enum Reason {
		PASSWORD, TOTP, THROTTLED, CURRENT_PASSWORD
	}

	public record LoginFailure(Instant at, String address, Reason reason) {
	}

	private final JdbcClient jdbc;

	LoginFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long userId, Reason reason, String address, Instant at) {
		jdbc.sql("""
				insert into login_failure (user_id, occurred_at, client_address, reason)
				values (:u, :at, :addr, :reason)""")
			.param("u", userId)
			.param("at", Timestamp.from(at))
			.param("addr", address)
			.param("reason", reason.name())
			.update();
	}

	public List<LoginFailure> recent(long userId, int limit) {
		return jdbc.sql("""
				select occurred_at, client_address, reason from login_failure
				 where user_id = :u order by occurred_at desc, id desc limit :limit""")
			.param("u", userId)
			.param("limit", limit)
			.query((rs, i) -> new LoginFailure(rs.getTimestamp(1).toInstant(), rs.getString(2),
					Reason.valueOf(rs.getString(3))))
			.list();
	}

	public long countSince(long userId, Instant since) {
		return jdbc.sql("select count(*) from login_failure where user_id = :u and occurred_at >= :since")
			.param("u", userId)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}
}
