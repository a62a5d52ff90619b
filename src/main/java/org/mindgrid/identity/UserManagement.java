package org.mindgrid.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mindgrid.identity.security.PasswordPolicy;
import org.mindgrid.shared.Deployment;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Staff accounts and their posts, for administration pages. Callers (the school module) decide who may do what;
 * this class enforces the place in SQL: with a {@code school} restriction every UPDATE and DELETE only touches
 * rows of that school, so a school administrator cannot reach another school even through a wrong id.
 */
@Service
public class UserManagement {

	/**
	 * A staff account with its posts (at the asked school only, when listed for a school). {@code studentAccount}:
	 * linked to a student (a psych committee member), so it can never hold a staff post.
	 */
	public record StaffAccount(long id, String username, String displayName, boolean enabled, boolean locked,
			boolean mustChangePassword, Long schoolId, List<Post> posts, boolean studentAccount) {
	}

	/** The result of creating an account; {@code initialPassword} is set only when it was generated. */
	public record CreatedAccount(long id, String username, String displayName, String initialPassword,
			boolean mustChangePassword) {
	}

	/** The place of a new post: only the ids its role needs are set. */
	public record Place(Long cityId, Long districtId, Long schoolId, Long classId) {
	}

	/** Input the caller must fix: which field and the message key. */
	public static class InvalidAccount extends RuntimeException {

		private final String field;

		public InvalidAccount(String field, String key) {
			super(key);
			this.field = field;
		}

		public String field() {
			return field;
		}

		public String key() {
			return getMessage();
		}
	}

	// No 0/O, 1/l/I: initial passwords are read aloud or copied from a screen.
	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "#%+=@!?";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The account is of this school (created for it or holding a post there) and holds no bureau or system post. */
	private static final String BELONGS = """
			(u.school_id = :school or exists (select 1 from post p where p.user_id = u.id and p.school_id = :school))
			and not exists (select 1 from post p where p.user_id = u.id
			                 and p.role in ('SYSTEM_ADMIN', 'CITY_OFFICER', 'DISTRICT_OFFICER'))""";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final Deployment deployment;

	private final java.time.Clock clock;

	UserManagement(JdbcClient jdbc, PasswordEncoder encoder, Deployment deployment, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.deployment = deployment;
		this.clock = clock;
	}

	/** Issue 2, point 3: a new account chooses its own password at first login, except in a demo. */
	public static boolean mustChangePassword(boolean demo) {
		return !demo;
	}

	/** 12 characters from all four classes, so it passes {@link PasswordPolicy} for any username of 3+ chars. */
	public static String generatePassword() {
		List<Character> chars = new ArrayList<>();
		String all = UPPER + LOWER + DIGITS + SYMBOLS;
		for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
			chars.add(set.charAt(RANDOM.nextInt(set.length())));
		}
		while (chars.size() < 12) {
			chars.add(all.charAt(RANDOM.nextInt(all.length())));
		}
		Collections.shuffle(chars, RANDOM);
		StringBuilder sb = new StringBuilder();
		chars.forEach(sb::append);
		return sb.toString();
	}

	/**
	 * Creates an account for a school ({@code schoolId} may be null for bureau and system accounts). A blank
	 * {@code password} means: generate one and show it once.
	 */
	public CreatedAccount createAccount(String username, String displayName, String password, Long schoolId) {
		String name = username == null ? "" : username.strip();
		if (displayName == null || displayName.isBlank()) {
			throw new InvalidAccount("displayName", "staff.display-name.required");
		}
		if (!name.matches("[A-Za-z0-9._-]{3,40}")) {
			throw new InvalidAccount("username", "staff.username.format");
		}
		boolean generated = password == null || password.isBlank();
		String initial = generated ? generatePassword() : password;
		if (!generated) {
			PasswordPolicy.check(name, initial).ifPresent(key -> {
				throw new InvalidAccount("password", key);
			});
		}
		boolean mustChange = mustChangePassword(deployment.demo());
		try {
			long id = jdbc.sql("""
					insert into app_user (username, display_name, password_hash, must_change_password, school_id, created_at)
					values (:username, :displayName, :hash, :mustChange, :school, :now) returning id""")
				.param("username", name)
				.param("displayName", displayName.strip())
				.param("hash", encoder.encode(initial))
				.param("mustChange", mustChange)
				.param("school", schoolId)
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
			return new CreatedAccount(id, name, displayName.strip(), generated ? initial : null, mustChange);
		}
		catch (DuplicateKeyException e) {
			throw new InvalidAccount("username", "staff.username.taken");
		}
	}

	public Optional<StaffAccount> account(long userId) {
		var rows = accounts("u.id = :id", Map.of("id", userId), null);
		return rows.stream().findFirst();
	}

	/** Accounts of a school (its own accounts and everyone with a post there), with their posts at that school. */
	public List<StaffAccount> staffOf(long schoolId) {
		return accounts("(u.school_id = :school or exists (select 1 from post p where p.user_id = u.id and p.school_id = :school))",
				Map.of("school", schoolId), schoolId);
	}

	/** Whether a school administrator of {@code schoolId} may manage this account (never bureau or system). */
	public boolean belongsTo(long userId, long schoolId) {
		return jdbc.sql("select count(*) from app_user u where u.id = :id and " + BELONGS)
			.param("id", userId)
			.param("school", schoolId)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Post> post(long postId) {
		return jdbc.sql("select id, role, city_id, district_id, school_id, class_id, part_time from post where id = :id")
			.param("id", postId)
			.query((rs, i) -> mapPost(rs))
			.optional();
	}

	public Optional<Long> holderOf(long postId) {
		return jdbc.sql("select user_id from post where id = :id").param("id", postId).query(Long.class).optional();
	}

	/**
	 * Adds a post; a post the user already holds is refused with 409, and so is a staff post for a student account
	 * or a PSYCH_COMMITTEE post for a staff account (the database enforces the same rule, docs/decisions/0015).
	 */
	public long addPost(long userId, Role role, Place place, boolean partTime) {
		boolean student = jdbc.sql("select exists (select 1 from app_user where id = :id and student_id is not null)")
			.param("id", userId)
			.query(Boolean.class)
			.single();
		if (student != (role == Role.PSYCH_COMMITTEE)) {
			throw ApiProblem.conflict(student ? "staff.post.student-account" : "staff.post.committee-needs-student");
		}
		try {
			return jdbc.sql("""
					insert into post (user_id, role, city_id, district_id, school_id, class_id, part_time, created_at)
					values (:user, :role, :city, :district, :school, :class, :partTime, :now) returning id""")
				.param("user", userId)
				.param("role", role.name())
				.param("city", place.cityId())
				.param("district", place.districtId())
				.param("school", place.schoolId())
				.param("class", place.classId())
				.param("partTime", role == Role.PSYCH_TEACHER && partTime)
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw ApiProblem.conflict("staff.post.exists");
		}
		catch (DataIntegrityViolationException e) {
			if (StudentAccounts.isViolation(e)) {
				throw ApiProblem.conflict("staff.post.student-account");
			}
			throw e;
		}
	}

	/**
	 * Removes a post; with {@code school} set only a post at that school. A mentor post is kept while the grid
	 * still gives that mentor students of the class (the grid grants access, not the post). Returns false when no
	 * such post exists for the caller.
	 */
	public boolean removePost(long postId, Long school) {
		var found = post(postId).filter(p -> school == null || school.equals(p.schoolId()));
		if (found.isEmpty()) {
			return false;
		}
		var mentoring = jdbc.sql("""
				select count(*) from post p join mentor_assignment ma
				    on ma.mentor_user_id = p.user_id and ma.class_id = p.class_id
				 where p.id = :id and p.role = 'MENTOR'""").param("id", postId).query(Long.class).single();
		if (mentoring > 0) {
			throw ApiProblem.conflict("staff.post.has-mentees");
		}
		String sql = "delete from post where id = :id" + (school == null ? "" : " and school_id = :school");
		var statement = jdbc.sql(sql).param("id", postId);
		if (school != null) {
			statement = statement.param("school", school);
		}
		return statement.update() > 0;
	}

	/** Enables or disables an account; a disabled account's API tokens end at once. */
	public boolean setEnabled(long userId, boolean enabled, Long school) {
		boolean done = updateUser("enabled = :enabled", Map.of("enabled", enabled), userId, school);
		if (done && !enabled) {
			jdbc.sql("delete from api_token where user_id = :id").param("id", userId).update();
		}
		return done;
	}

	/** Ends every login lock of the account (its own clients' and strangers'), after too many wrong passwords. */
	public boolean unlock(long userId, Long school) {
		String sql = "select u.username from app_user u where u.id = :id" + (school == null ? "" : " and " + BELONGS);
		var statement = jdbc.sql(sql).param("id", userId);
		if (school != null) {
			statement = statement.param("school", school);
		}
		var username = statement.query(String.class).optional();
		username.ifPresent(name -> jdbc.sql("delete from login_throttle where username = :key")
			.param("key", org.mindgrid.identity.security.Logins.counterKey(name))
			.update());
		return username.isPresent();
	}

	/** The account's failed logins, newest first, for its school's administrator. */
	public Optional<List<FailedLogin>> loginFailures(long userId,
			Long school, int limit) {
		String sql = "select count(*) from app_user u where u.id = :id" + (school == null ? "" : " and " + BELONGS);
		var statement = jdbc.sql(sql).param("id", userId);
		if (school != null) {
			statement = statement.param("school", school);
		}
		if (statement.query(Long.class).single() == 0) {
			return Optional.empty();
		}
		return Optional.of(jdbc.sql("""
				select occurred_at, client_address, reason from login_failure
				 where user_id = :u order by occurred_at desc, id desc limit :limit""")
			.param("u", userId)
			.param("limit", limit)
			.query((rs, i) -> new FailedLogin(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list());
	}

	/** Sets a new generated password that must be changed at next login (outside demo mode). */
	public Optional<String> resetPassword(long userId, Long school) {
		String password = generatePassword();
		// A reset ends the holder's sessions (new epoch) and tokens; the login counters start again.
		boolean done = updateUser("password_hash = :hash, must_change_password = :mustChange, credentials_epoch = credentials_epoch + 1",
				Map.of("hash", encoder.encode(password), "mustChange", mustChangePassword(deployment.demo())), userId, school);
		if (done) {
			jdbc.sql("delete from api_token where user_id = :id").param("id", userId).update();
			unlock(userId, null);
		}
		return done ? Optional.of(password) : Optional.empty();
	}

	private boolean updateUser(String set, Map<String, Object> params, long userId, Long school) {
		String sql = "update app_user u set " + set + " where u.id = :id" + (school == null ? "" : " and " + BELONGS);
		var statement = jdbc.sql(sql).param("id", userId).params(params);
		if (school != null) {
			statement = statement.param("school", school);
		}
		return statement.update() > 0;
	}

	private List<StaffAccount> accounts(String where, Map<String, Object> params, Long postsAtSchool) {
		var now = java.sql.Timestamp.from(clock.instant());
		Map<Long, StaffAccount> byId = new LinkedHashMap<>();
		jdbc.sql("""
				select u.id, u.username, u.display_name, u.enabled,
				       exists (select 1 from login_throttle t where t.username = lower(u.username) and t.locked_until > :now),
				       u.must_change_password, u.school_id, u.student_id is not null
				  from app_user u where\s""" + where + " order by u.display_name, u.username")
			.params(params)
			.param("now", now)
			.query((rs, i) -> new StaffAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getBoolean(5), rs.getBoolean(6), (Long) rs.getObject(7), new ArrayList<>(), rs.getBoolean(8)))
			.list()
			.forEach(a -> byId.put(a.id(), a));
		if (byId.isEmpty()) {
			return List.of();
		}
		jdbc.sql("select user_id, id, role, city_id, district_id, school_id, class_id, part_time from post "
				+ "where user_id in (:ids)" + (postsAtSchool == null ? "" : " and school_id = :school") + " order by id")
			.param("ids", byId.keySet())
			.params(postsAtSchool == null ? Map.of() : Map.of("school", postsAtSchool))
			.query(rs -> {
				byId.get(rs.getLong(1)).posts().add(new Post(rs.getLong(2), Role.valueOf(rs.getString(3)),
						(Long) rs.getObject(4), (Long) rs.getObject(5), (Long) rs.getObject(6), (Long) rs.getObject(7),
						rs.getBoolean(8)));
			});
		return byId.values().stream().map(a -> new StaffAccount(a.id(), a.username(), a.displayName(), a.enabled(),
				a.locked(), a.mustChangePassword(), a.schoolId(), List.copyOf(a.posts()), a.studentAccount())).toList();
	}

	private static Post mapPost(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Post(rs.getLong(1), Role.valueOf(rs.getString(2)), (Long) rs.getObject(3), (Long) rs.getObject(4),
				(Long) rs.getObject(5), (Long) rs.getObject(6), rs.getBoolean(7));
	}
}
