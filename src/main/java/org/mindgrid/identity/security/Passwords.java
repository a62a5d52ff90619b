package org.mindgrid.identity.security;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with a bound on how many hashes run at once: a memory-hard hash (Argon2id, 16 MiB each) under
 * a burst of logins must not exhaust the heap or both cores. Unknown users are compared against a dummy hash made
 * by the same encoder at start, so their answer takes as long as a wrong password.
 */
@Component
class Passwords {

	/** The machine may compute this many hashes at a time; others wait their turn. */
	private static final int CONCURRENT_HASHES = 4;

	private final PasswordEncoder encoder;

	private final Semaphore permits = new Semaphore(CONCURRENT_HASHES, true);

	private final String dummyHash;

	Passwords(PasswordEncoder encoder) {
		this.encoder = encoder;
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		this.dummyHash = encoder.encode(HexFormat.of().formatHex(random));
	}

	/** False for a wrong password, and for a hash this encoder cannot read (never an exception). */
	boolean matches(String password, String hash) {
		return withPermit(() -> {
			try {
				return hash != null && encoder.matches(password == null ? "" : password, hash);
			}
			catch (IllegalArgumentException e) {
				return false;
			}
		});
	}

	/** Spends the time of a real comparison; always false. */
	boolean dummy(String password) {
		matches(password, dummyHash);
		return false;
	}

	String encode(String password) {
		return withPermit(() -> encoder.encode(password));
	}

	boolean needsUpgrade(String hash) {
		try {
			return encoder.upgradeEncoding(hash);
		}
		catch (IllegalArgumentException e) {
			return true;
		}
	}

	private <T> T withPermit(java.util.function.Supplier<T> work) {
		boolean acquired = false;
		try {
			acquired = permits.tryAcquire(30, TimeUnit.SECONDS);
			if (!acquired) {
				throw new IllegalStateException("password hashing is overloaded");
			}
			return work.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		finally {
			if (acquired) {
				permits.release();
			}
		}
	}
}
