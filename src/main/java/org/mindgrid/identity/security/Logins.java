package org.mindgrid.identity.security;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.mindgrid.identity.security.LoginFailures.Reason;
import org.mindgrid.identity.security.LoginOutcome.Disabled;
import org.mindgrid.identity.security.LoginOutcome.Refused;
import org.mindgrid.identity.security.LoginOutcome.SecondFactorRequired;
import org.mindgrid.identity.security.LoginOutcome.SecondFactorWrong;
import org.mindgrid.identity.security.LoginOutcome.Success;
import org.mindgrid.identity.security.LoginOutcome.Throttled;
import org.mindgrid.identity.security.ThrottlePolicy.Decision;
import org.mindgrid.identity.security.UserAccounts.Account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Every login decision, for the login page and the token endpoint alike (issue 6, points 1, 2 and 12).
 * <ol>
 * <li>Each attempt reserves a slot on the counter of (username, client) before any password is checked: parallel
 * bursts are counted one by one, growing delays slow guessing, and five failures lock that client out for 15
 * minutes — that client only, so a stranger cannot lock a teacher out of their own device.</li>
 * <li>Clients the account has never logged in from also share one counter per username (20 an hour), which stops
 * guessing spread over many addresses; the account's known clients are not affected by it.</li>
 * <li>Unknown usernames go through the same counters and a hash of the same cost, so status and time tell
 * nothing about which accounts exist. Disabled and two-factor states are told only after the right password.</li>
 * </ol>
 * A lock blocks new logins only: sessions and tokens already open keep working.
 */
@Service
public class Logins {

	private final UserAccounts accounts;

	private final Passwords passwords;

	private final LoginThrottle throttle;

	private final KnownClients knownClients;

	private final LoginFailures failures;

	private final TwoFactor twoFactor;

	private final Clock clock;

	private final ThrottlePolicy clientPolicy;

	private final ThrottlePolicy unknownClientsPolicy;

	Logins(UserAccounts accounts, Passwords passwords, LoginThrottle throttle, KnownClients knownClients,
			LoginFailures failures, TwoFactor twoFactor, Clock clock,
			@Value("${mindgrid.lockout.max-failures}") int maxFailures,
			@Value("${mindgrid.lockout.duration}") Duration lockDuration,
			@Value("${mindgrid.lockout.first-delay:1s}") Duration firstDelay,
			@Value("${mindgrid.lockout.unknown-clients-max-failures:20}") int unknownClientsMax,
			@Value("${mindgrid.lockout.unknown-clients-duration:1h}") Duration unknownClientsDuration) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.knownClients = knownClients;
		this.failures = failures;
		this.twoFactor = twoFactor;
		this.clock = clock;
		this.clientPolicy = new ThrottlePolicy(maxFailures, lockDuration, firstDelay);
		this.unknownClientsPolicy = new ThrottlePolicy(unknownClientsMax, unknownClientsDuration, Duration.ZERO);
	}

	/** The username as looked up: NFKC (full-width letters typed by a Chinese IME), trimmed. */
	public static String normalise(String username) {
		if (username == null) {
			return "";
		}
		String n = Normalizer.normalize(username, Normalizer.Form.NFKC).strip();
		return n.length() > 100 ? n.substring(0, 100) : n;
	}

	/** The key of the username's counters (case does not make a new counter). */
	public static String counterKey(String username) {
		return normalise(username).toLowerCase(Locale.ROOT);
	}

	/** A password login, with the second factor when the account has it on ({@code totp} may be null). */
	public LoginOutcome attempt(String username, String password, String totp, LoginClient client) {
		Instant now = clock.instant();
		String typed = normalise(username);
		String key = counterKey(username);
		Decision own = throttle.reserve(key, client.key(), clientPolicy, now);
		if (!own.allowed()) {
			return new Throttled(own.retryAfter());
		}
		Optional<Account> found = typed.isEmpty() ? Optional.empty() : accounts.findByUsername(typed);
		boolean known = found.isPresent() && knownClients.known(found.get().id(), client, now);
		if (!known) {
			Decision strangers = throttle.reserve(key, LoginThrottle.UNKNOWN_CLIENTS, unknownClientsPolicy, now);
			if (!strangers.allowed()) {
				passwords.dummy(password);
				return new Refused();
			}
		}
		if (found.isEmpty()) {
			passwords.dummy(password);
			return new Refused();
		}
		Account account = found.get();
		if (!passwords.matches(password, account.passwordHash())) {
			failures.record(account.id(), Reason.PASSWORD, client.address(), now);
			return new Refused();
		}
		if (!account.enabled()) {
			throttle.reset(key, client.key());
			return new Disabled();
		}
		if (account.totpEnabled()) {
			if (totp == null || totp.isBlank()) {
				// the password was right: the code may follow at once (the attempt stays counted until it does)
				throttle.clearDelay(key, client.key());
				return new SecondFactorRequired(account);
			}
			if (!twoFactor.verify(account.id(), totp)) {
				failures.record(account.id(), Reason.TOTP, client.address(), now);
				return new SecondFactorWrong();
			}
		}
		upgradeHash(account, password);
		if (!known) {
			// the reservation on the strangers' counter was the owner's own: give it back
			throttle.refund(key, LoginThrottle.UNKNOWN_CLIENTS);
		}
		return succeed(account, key, client, now);
	}

	/** The second step of a page login whose password was right. */
	public LoginOutcome secondFactor(long userId, String code, LoginClient client) {
		Instant now = clock.instant();
		Optional<Account> found = accounts.findById(userId);
		if (found.isEmpty() || !found.get().enabled()) {
			return new Refused();
		}
		Account account = found.get();
		String key = counterKey(account.username());
		Decision own = throttle.reserve(key, client.key(), clientPolicy, now);
		if (!own.allowed()) {
			return new Throttled(own.retryAfter());
		}
		if (!twoFactor.verify(userId, code)) {
			failures.record(userId, Reason.TOTP, client.address(), now);
			return new SecondFactorWrong();
		}
		return succeed(account, key, client, now);
	}

	/**
	 * The current password on the change form: a wrong one counts as a failed login of the holder, so a session
	 * left open cannot be used to guess the password.
	 */
	public LoginOutcome checkCurrentPassword(long userId, String password, LoginClient client) {
		Instant now = clock.instant();
		Account account = accounts.findById(userId).orElseThrow();
		String key = counterKey(account.username());
		Decision own = throttle.reserve(key, client.key(), clientPolicy, now);
		if (!own.allowed()) {
			return new Throttled(own.retryAfter());
		}
		if (!passwords.matches(password, account.passwordHash())) {
			failures.record(userId, Reason.CURRENT_PASSWORD, client.address(), now);
			return new Refused();
		}
		throttle.reset(key, client.key());
		return new Success(account);
	}

	private LoginOutcome succeed(Account account, String key, LoginClient client, Instant now) {
		throttle.reset(key, client.key());
		knownClients.remember(account.id(), client, now);
		accounts.recordSuccess(account.id(), now);
		return new Success(account);
	}

	private void upgradeHash(Account account, String password) {
		if (passwords.needsUpgrade(account.passwordHash())) {
			accounts.upgradeHash(account.id(), account.passwordHash(), passwords.encode(password));
		}
	}
}
