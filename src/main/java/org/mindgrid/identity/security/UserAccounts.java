package org.mindgrid.identity.security;

import java.sql.Timestamp;
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

	/**
	 * @param credentialsEpoch bumped by every password change or reset; sessions begun before it end
	 * @param totpEnabled two-factor login is switched on
	 * @param totpRequired an administrator requires two-factor login for this account
	 */
	public record Account(long id, String username, String displayName, String passwordHash, boolean enabled,
			boolean mustChangePassword, int credentialsEpoch, boolean totpEnabled, boolean totpRequired) {
	}

	private static final String SELECT = """
			select id, username, display_name, password_hash, enabled, must_change_password, credentials_epoch,
			       totp_enabled_at is not null, totp_required
			  from app_user""";

	private final JdbcClient jdbc;

	private final TwoFactorPolicy twoFactorPolicy;

	UserAccounts(JdbcClient jdbc, TwoFactorPolicy twoFactorPolicy) {
		this.jdbc = jdbc;
		this.twoFactorPolicy = twoFactorPolicy;
	}

	public Optional<Account> findByUsername(String username) {
		return jdbc.sql(SELECT + " where username = :username").param("username", username).query(this::map).optional();
	}

	public Optional<Account> findById(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
	}

	private Account map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				rs.getBoolean(6), rs.getInt(7), rs.getBoolean(8), rs.getBoolean(9));
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
		CurrentUser user = new CurrentUser(account.id(), account.username(), account.displayName(),
				postsOf(account.id()));
		boolean mustEnrol = !account.totpEnabled() && twoFactorPolicy.required(user, account.totpRequired());
		return new AuthenticatedUser(user, account.mustChangePassword(), account.credentialsEpoch(), mustEnrol);
	}

	void recordSuccess(long userId, Instant now) {
		jdbc.sql("update app_user set last_login_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", userId)
			.update();
	}

	/** A hash of an older scheme (or weaker settings) is replaced after a successful login. */
	void upgradeHash(long userId, String oldHash, String newHash) {
		jdbc.sql("update app_user set password_hash = :new where id = :id and password_hash = :old")
			.param("new", newHash)
			.param("old", oldHash)
			.param("id", userId)
			.update();
	}

	/**
	 * The holder's own change: a new hash, the forced change done, and a new credentials epoch so that every other
	 * session ends; every API token is revoked. Returns the new epoch.
	 */
	public int changePassword(long userId, String newHash) {
		int epoch = jdbc.sql("""
				update app_user set password_hash = :hash, must_change_password = false,
				       credentials_epoch = credentials_epoch + 1
				 where id = :id returning credentials_epoch""")
			.param("hash", newHash)
			.param("id", userId)
			.query(Integer.class)
			.single();
		jdbc.sql("delete from api_token where user_id = :id").param("id", userId).update();
		return epoch;
	}
}
