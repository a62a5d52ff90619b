package org.mindgrid.identity.security;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.mindgrid.identity.security.LoginOutcome.Success;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/**
 * The second step of a page login: after the right password, the session holds a pending login (the user id, for
 * five minutes); the right code turns it into a signed-in session with a new session id.
 */
@Component
public class SecondFactorLogin {

	static final String PENDING = SecondFactorLogin.class.getName() + ".pending";

	private static final Duration VALID_FOR = Duration.ofMinutes(5);

	record Pending(long userId, Instant until) implements Serializable {
	}

	private final Logins logins;

	private final UserAccounts accounts;

	private final DeviceCookies devices;

	private final Clock clock;

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

	SecondFactorLogin(Logins logins, UserAccounts accounts, DeviceCookies devices, Clock clock) {
		this.logins = logins;
		this.accounts = accounts;
		this.devices = devices;
		this.clock = clock;
	}

	void start(HttpServletRequest request, long userId) {
		request.getSession(true).setAttribute(PENDING, new Pending(userId, clock.instant().plus(VALID_FOR)));
	}

	/** Whether this session has a password step waiting for its code. */
	public boolean pending(HttpServletRequest request) {
		return pendingOf(request) != null;
	}

	/**
	 * Checks the code; on success signs the session in and returns where to go next (the page asked for before
	 * login, or "/"). Otherwise the outcome says why.
	 */
	public LoginOutcome complete(HttpServletRequest request, HttpServletResponse response, String code) {
		Pending pending = pendingOf(request);
		if (pending == null) {
			return new LoginOutcome.Refused();
		}
		String username = accounts.findById(pending.userId()).map(UserAccounts.Account::username).orElse("");
		String key = Logins.counterKey(username);
		LoginClient client = new LoginClient(request.getRemoteAddr(), devices.deviceOf(request, key));
		LoginOutcome outcome = logins.secondFactor(pending.userId(), code, client);
		if (outcome instanceof Success success) {
			request.getSession().removeAttribute(PENDING);
			request.changeSessionId();
			AuthenticatedUser user = accounts.load(success.account());
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			devices.issue(request, response, key);
		}
		return outcome;
	}

	/** Where a completed login continues. */
	public String continueUrl(HttpServletRequest request, HttpServletResponse response) {
		var saved = requests.getRequest(request, response);
		if (saved != null) {
			requests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return request.getContextPath() + "/";
	}

	public void cancel(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PENDING);
		}
	}

	private Pending pendingOf(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending p)) {
			return null;
		}
		if (p.until().isBefore(clock.instant())) {
			session.removeAttribute(PENDING);
			return null;
		}
		return p;
	}
}
