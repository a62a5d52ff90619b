package org.mindgrid.identity.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.identity.security.ApiTokens;
import org.mindgrid.identity.security.ApiTokens.TokenInfo;
import org.mindgrid.identity.security.AuthenticatedUser;
import org.mindgrid.identity.security.LoginClient;
import org.mindgrid.identity.security.LoginFailures;
import org.mindgrid.identity.security.LoginFailures.LoginFailure;
import org.mindgrid.identity.security.LoginOutcome;
import org.mindgrid.identity.security.Logins;
import org.mindgrid.identity.security.UserAccounts;
import org.mindgrid.identity.security.CurrentToken;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AuthApiController {

	record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password,
			@Size(max = 32) String totp) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	record Scope(String kind, Long cityId, Long districtId, Long schoolId, List<Long> classIds) {
	}

	record Me(long id, String username, String name, List<Role> roles, Long schoolId, Scope scope, List<Post> posts) {
	}

	private final Logins logins;

	private final UserAccounts accounts;

	private final ApiTokens tokens;

	private final LoginFailures failures;

	private final CurrentUsers users;

	AuthApiController(Logins logins, UserAccounts accounts, ApiTokens tokens, LoginFailures failures,
			CurrentUsers users) {
		this.logins = logins;
		this.accounts = accounts;
		this.tokens = tokens;
		this.failures = failures;
		this.users = users;
	}

	@Operation(summary = "Log in: get a bearer token",
			description = "Username and password (and totp, the six-digit code, when two-factor login is on) give an "
					+ "opaque token and its expiresAt; send it as Authorization: Bearer <token>. It ends after 8 h "
					+ "unused and at the latest at expiresAt (24 h). Wrong passwords slow the client down and five "
					+ "lock that client out for 15 minutes (429 with Retry-After); accounts that must change their "
					+ "password or enrol two-factor login do so on the pages first (403).")
	@PostMapping("/auth/token")
	ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		LoginOutcome outcome = logins.attempt(request.username(), request.password(), request.totp(),
				new LoginClient(http.getRemoteAddr(), null));
		if (outcome instanceof LoginOutcome.Success success) {
			AuthenticatedUser user = accounts.load(success.account());
			if (user.mustChangePassword()) {
				throw ApiProblem.forbidden("problem.password-change-required");
			}
			if (user.mustEnrolTwoFactor()) {
				throw ApiProblem.forbidden("problem.two-factor-enrolment-required");
			}
			var issued = tokens.issue(user.currentUser().id(), http.getRemoteAddr());
			return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
		}
		if (outcome instanceof LoginOutcome.Throttled throttled) {
			throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "login.throttled", throttled.retryAfterSeconds(),
					(throttled.retryAfterSeconds() + 59) / 60)
				.withRetryAfter(throttled.retryAfterSeconds());
		}
		if (outcome instanceof LoginOutcome.Disabled) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "login.disabled");
		}
		if (outcome instanceof LoginOutcome.SecondFactorRequired) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "login.two-factor-required");
		}
		if (outcome instanceof LoginOutcome.SecondFactorWrong) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "login.two-factor-wrong");
		}
		throw new ApiProblem(HttpStatus.UNAUTHORIZED, "login.bad-credentials");
	}

	/** Revokes the token of this request. */
	@Operation(summary = "Log out: revoke this token",
			description = "Revokes the token this request carries; 204. Other tokens of the account stay valid.")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@PostMapping("/auth/logout")
	ResponseEntity<Void> logout(HttpServletRequest http) {
		Long id = CurrentToken.id(http);
		if (id != null) {
			tokens.revoke(users.current().id(), id);
		}
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The caller's open tokens",
			description = "Every unrevoked, unexpired token of the caller: id, when and from where issued, last used, "
					+ "expiry; the one of this request is marked current. The token itself is never shown again.")
	@GetMapping("/auth/tokens")
	List<TokenInfo> myTokens(HttpServletRequest http) {
		return tokens.of(users.current().id(), CurrentToken.id(http));
	}

	@Operation(summary = "Revoke one of the caller's tokens",
			description = "Ends the token at once (e.g. on a lost phone); 204. Only the caller's own tokens; others "
					+ "answer 404.")
	@Parameter(name = "tokenId", in = ParameterIn.PATH, description = "Token id from GET /api/v1/auth/tokens")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@DeleteMapping("/auth/tokens/{tokenId}")
	ResponseEntity<Void> revoke(@PathVariable long tokenId) {
		if (!tokens.revoke(users.current().id(), tokenId)) {
			throw ApiProblem.notFound("token.not-found");
		}
		return ResponseEntity.noContent().build();
	}

	/** The caller's own failed logins, newest first (the last 50). */
	@Operation(summary = "The caller's failed logins",
			description = "The last 50 failed logins of the caller's account, newest first: when, from which address, "
					+ "and why (wrong password or two-factor code).")
	@GetMapping("/auth/login-failures")
	List<LoginFailure> myLoginFailures() {
		return failures.recent(users.current().id(), 50);
	}

	@Operation(summary = "Who the caller is",
			description = "Id, username, display name, roles, posts (role at a place), school and the scope of "
					+ "students the caller may know (SYSTEM, CITY, DISTRICT, SCHOOL, CLASS or NONE).")
	@GetMapping("/me")
	Me me() {
		CurrentUser user = users.current();
		return new Me(user.id(), user.username(), user.displayName(), List.copyOf(user.roles()), user.schoolId(),
				scopeOf(user), user.posts());
	}

	private static Scope scopeOf(CurrentUser user) {
		List<Long> classIds = user.posts().stream().map(Post::classId).filter(java.util.Objects::nonNull).distinct().toList();
		Long schoolId = user.schoolId();
		if (user.hasRole(Role.CITY_OFFICER)) {
			return new Scope("CITY", first(user, Post::cityId), null, null, List.of());
		}
		if (user.hasRole(Role.DISTRICT_OFFICER)) {
			return new Scope("DISTRICT", null, first(user, Post::districtId), null, List.of());
		}
		if (user.posts().stream().anyMatch(p -> p.role().isSchoolLevel())) {
			return new Scope("SCHOOL", null, null, schoolId, classIds);
		}
		if (!classIds.isEmpty()) {
			return new Scope("CLASS", null, null, schoolId, classIds);
		}
		return new Scope(user.hasRole(Role.SYSTEM_ADMIN) ? "SYSTEM" : "NONE", null, null, null, List.of());
	}

	private static Long first(CurrentUser user, java.util.function.Function<Post, Long> f) {
		return user.posts().stream().map(f).filter(java.util.Objects::nonNull).findFirst().orElse(null);
	}
}
