package org.mindgrid.identity.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.identity.security.ApiTokens;
import org.mindgrid.identity.security.AuthenticatedUser;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AuthApiController {

	record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	record Scope(String kind, Long cityId, Long districtId, Long schoolId, List<Long> classIds) {
	}

	record Me(long id, String username, String name, List<Role> roles, Long schoolId, Scope scope, List<Post> posts) {
	}

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final CurrentUsers users;

	AuthApiController(AuthenticationManager authentication, ApiTokens tokens, CurrentUsers users) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.users = users;
	}

	@PostMapping("/auth/token")
	TokenResponse token(@Valid @RequestBody TokenRequest request) {
		try {
			var auth = authentication
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
			AuthenticatedUser user = (AuthenticatedUser) auth.getPrincipal();
			if (user.mustChangePassword()) {
				throw ApiProblem.forbidden("problem.password-change-required");
			}
			var issued = tokens.issue(user.currentUser().id());
			return new TokenResponse(issued.token(), issued.expiresAt());
		}
		catch (LockedException e) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "login.locked");
		}
		catch (DisabledException e) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "login.disabled");
		}
		catch (AuthenticationException e) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "login.bad-credentials");
		}
	}

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
