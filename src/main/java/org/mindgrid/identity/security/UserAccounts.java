package org.mindgrid.identity.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and updates login state of users. */
@Repository
public class UserAccounts {

	public record Account(long id, String username, String displayName, String passwordHash, boolean enabled,
			boolean mustChangePassword, int failedAttempts, Instant lockedUntil) {
	}

	private final JdbcClient jdbc;

	UserAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String SELECT = """
			select id, username, display_name, password_hash, enabled, must_change_password, failed_attempts,
			       locked_until
			  from app_user""";

	public Optional<Account> findByUsername(String username) {
		return jdbc.sql(SELECT + " where username = :username").param("username", username).query(this::map).optional();
	}

	public Optional<Account> findById(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
	}

	private Account map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				rs.getBoolean(6), rs.getInt(7), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
	}

	public List<Post> postsOf(long userId) {
		return jdbc.sql("""
				select id, role, city_id, district_id, school_id, class_id, part_time
				  from post where user_id = :userId order by id""")
			.param("userId", userId)
			.query((rs, i) -> new Post(rs.getLong(1), Role.valueOf(rs.getString(2)), (Long) rs.getObject(3),
					(Long) rs.getObject(4), (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getBoolean(7)))
			.list();
	}

	public AuthenticatedUser load(Account account) {
		return new AuthenticatedUser(
				new CurrentUser(account.id(), account.username(), account.displayName(), postsOf(account.id())),
				account.mustChangePassword());
	}

	/** Counts a failure; locks the account when the limit is reached. Returns the new count. */
	void recordFailure(long userId, int maxFailures, Instant lockUntil) {
		jdbc.sql("""
				update app_user
				   set failed_attempts = failed_attempts + 1,
				       locked_until = case when failed_attempts + 1 >= :max then :lockUntil else locked_until end
				 where id = :id""")
			.param("max", maxFailures)
			.param("lockUntil", java.sql.Timestamp.from(lockUntil))
			.param("id", userId)
			.update();
	}

	void recordSuccess(long userId, Instant now) {
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, last_login_at = :now where id = :id")
			.param("now", java.sql.Timestamp.from(now))
			.param("id", userId)
			.update();
	}

	/** After a lock has expired the counter starts again. */
	void clearExpiredLock(long userId) {
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id").param("id", userId).update();
	}

	public void changePassword(long userId, String newHash) {
		jdbc.sql("update app_user set password_hash = :hash, must_change_password = false where id = :id")
			.param("hash", newHash)
			.param("id", userId)
			.update();
	}
}
