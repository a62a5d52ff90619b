package org.mindgrid.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mindgrid.identity.security.AuthenticatedUser;
import org.mindgrid.identity.security.LoginClient;
import org.mindgrid.identity.security.LoginOutcome;
import org.mindgrid.identity.security.Logins;
import org.mindgrid.identity.security.PasswordPolicy;
import org.mindgrid.identity.security.UserAccounts;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Change one's own password; new accounts are sent here until they do. A wrong current password counts as a failed
 * login; a change ends every other session and token of the account.
 */
@Controller
class PasswordController {

	private final UserAccounts accounts;

	private final Logins logins;

	private final PasswordEncoder encoder;

	PasswordController(UserAccounts accounts, Logins logins, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.logins = logins;
		this.encoder = encoder;
	}

	@GetMapping("/account/password")
	String form() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirm, @AuthenticationPrincipal AuthenticatedUser principal,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		var user = principal.currentUser();
		String error = null;
		LoginOutcome check = logins.checkCurrentPassword(user.id(), current, new LoginClient(request.getRemoteAddr(), null));
		if (check instanceof LoginOutcome.Throttled throttled) {
			model.addAttribute("wait", WaitText.of(throttled.retryAfterSeconds()));
			error = "login.throttled";
		}
		else if (!(check instanceof LoginOutcome.Success)) {
			error = "password.current-wrong";
		}
		else if (!password.equals(confirm)) {
			error = "password.mismatch";
		}
		else if (password.equals(current)) {
			error = "password.same";
		}
		else {
			error = PasswordPolicy.check(user.username(), password).orElse(null);
		}
		if (error != null) {
			model.addAttribute("error", error);
			return "identity/password";
		}
		int epoch = accounts.changePassword(user.id(), encoder.encode(password));
		// This session carries on with the new epoch; every other session ends at its next request.
		var updated = principal.withNewPassword(epoch);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.authorities()));
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		return "redirect:/account?passwordChanged";
	}
}
