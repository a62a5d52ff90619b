package org.mindgrid.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.mindgrid.shared.crypto.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment and checking of two-factor login: a TOTP secret (encrypted at rest) confirmed with a first code, and
 * ten single-use recovery codes (stored as SHA-256: they are random, so a slow hash adds nothing).
 */
@Component
public class TwoFactor {

	public record Enrolment(String secret, String otpauthUri) {
	}

	static final int RECOVERY_CODES = 10;

	// No 0/O, 1/I/L: codes are copied from paper.
	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Clock clock;

	TwoFactor(JdbcClient jdbc, SecretBox box, Clock clock) {
		this.jdbc = jdbc;
		this.box = box;
		this.clock = clock;
	}

	public boolean enabled(long userId) {
		return jdbc.sql("select totp_enabled_at is not null from app_user where id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** A new secret waiting for its first code; an enrolment already switched on is not touched. */
	@Transactional
	public Enrolment begin(long userId, String username) {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		int updated = jdbc.sql("""
				update app_user set totp_secret = :s, totp_last_step = null
				 where id = :id and totp_enabled_at is null""")
			.param("s", box.encrypt(Totp.base32(secret)))
			.param("id", userId)
			.update();
		if (updated == 0) {
			throw org.mindgrid.shared.web.ApiProblem.conflict("two-factor.already-on");
		}
		return enrolment(Totp.base32(secret), username);
	}

	/** The secret waiting for confirmation, to show it again after a wrong first code. */
	public Optional<Enrolment> pending(long userId, String username) {
		return jdbc.sql("select totp_secret from app_user where id = :id and totp_enabled_at is null and totp_secret is not null")
			.param("id", userId)
			.query(String.class)
			.optional()
			.map(sealed -> enrolment(box.decrypt(sealed), username));
	}

	/** Switches two-factor login on when the code fits the pending secret; returns the recovery codes, shown once. */
	@Transactional
	public Optional<List<String>> confirm(long userId, String code) {
		var sealed = jdbc.sql("select totp_secret from app_user where id = :id and totp_enabled_at is null")
			.param("id", userId)
			.query(String.class)
			.optional();
		if (sealed.isEmpty() || sealed.get() == null) {
			return Optional.empty();
		}
		OptionalLong step = Totp.verify(Totp.fromBase32(box.decrypt(sealed.get())), normalise(code), clock.instant(),
				Long.MIN_VALUE);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("update app_user set totp_enabled_at = :now, totp_last_step = :step where id = :id")
			.param("now", Timestamp.from(clock.instant()))
			.param("step", step.getAsLong())
			.param("id", userId)
			.update();
		return Optional.of(newRecoveryCodes(userId));
	}

	/** Replaces the recovery codes (the old ones stop working). */
	@Transactional
	public List<String> newRecoveryCodes(long userId) {
		jdbc.sql("delete from totp_recovery_code where user_id = :id").param("id", userId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder sb = new StringBuilder();
			for (int j = 0; j < 10; j++) {
				sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
				if (j == 4) {
					sb.append('-');
				}
			}
			String code = sb.toString();
			codes.add(code);
			jdbc.sql("insert into totp_recovery_code (user_id, code_hash, created_at) values (:u, :h, :now)")
				.param("u", userId)
				.param("h", sha256(normaliseRecovery(code)))
				.param("now", Timestamp.from(clock.instant()))
				.update();
		}
		return codes;
	}

	@Transactional
	public void disable(long userId) {
		jdbc.sql("update app_user set totp_secret = null, totp_enabled_at = null, totp_last_step = null where id = :id")
			.param("id", userId)
			.update();
		jdbc.sql("delete from totp_recovery_code where user_id = :id").param("id", userId).update();
	}

	/**
	 * A current code (each time step accepted once: a code seen over someone's shoulder cannot be replayed) or an
	 * unused recovery code, which is then spent.
	 */
	@Transactional
	public boolean verify(long userId, String input) {
		if (input == null || input.isBlank() || input.length() > 32) {
			return false;
		}
		String code = normalise(input);
		if (code.matches("\\d{6}")) {
			var row = jdbc.sql("""
					select totp_secret, coalesce(totp_last_step, -1) from app_user
					 where id = :id and totp_enabled_at is not null for update""")
				.param("id", userId)
				.query((rs, i) -> new Object[] { rs.getString(1), rs.getLong(2) })
				.optional();
			if (row.isEmpty()) {
				return false;
			}
			OptionalLong step = Totp.verify(Totp.fromBase32(box.decrypt((String) row.get()[0])), code, clock.instant(),
					(Long) row.get()[1]);
			if (step.isEmpty()) {
				return false;
			}
			jdbc.sql("update app_user set totp_last_step = :s where id = :id")
				.param("s", step.getAsLong())
				.param("id", userId)
				.update();
			return true;
		}
		return jdbc.sql("""
				update totp_recovery_code set used_at = :now
				 where user_id = :u and code_hash = :h and used_at is null""")
			.param("now", Timestamp.from(clock.instant()))
			.param("u", userId)
			.param("h", sha256(normaliseRecovery(input)))
			.update() == 1;
	}

	public int unusedRecoveryCodes(long userId) {
		return jdbc.sql("select count(*) from totp_recovery_code where user_id = :u and used_at is null")
			.param("u", userId)
			.query(Integer.class)
			.single();
	}

	private static Enrolment enrolment(String secret, String username) {
		String label = java.net.URLEncoder.encode("MindGrid:" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return new Enrolment(secret, "otpauth://totp/" + label + "?secret=" + secret
				+ "&issuer=MindGrid&algorithm=SHA1&digits=6&period=30");
	}

	private static String normalise(String code) {
		return code == null ? "" : java.text.Normalizer.normalize(code, java.text.Normalizer.Form.NFKC).replaceAll("\\s", "");
	}

	private static String normaliseRecovery(String code) {
		return normalise(code).replace("-", "").toUpperCase(Locale.ROOT);
	}

	private static String sha256(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
