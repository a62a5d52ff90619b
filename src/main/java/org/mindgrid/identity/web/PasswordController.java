package org.mindgrid.identity.web;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.security.AuthenticatedUser;
import org.mindgrid.identity.security.PasswordPolicy;
import org.mindgrid.identity.security.UserAccounts;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Change one's own password; new accounts are sent here until they do. */
@Controller
class PasswordController {

	private final CurrentUsers users;

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	PasswordController(CurrentUsers users, UserAccounts accounts, PasswordEncoder encoder) {
		this.users = users;
		this.accounts = accounts;
		this.encoder = encoder;
	}

	@GetMapping("/account/password")
	String form() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		var user = users.current();
		var account = accounts.findById(user.id()).orElseThrow();
		String error = null;
		if (!encoder.matches(current, account.passwordHash())) {
			error = "password.current-wrong";
		}
		else if (!password.equals(confirm)) {
			error = "password.mismatch";
		}
		else if (encoder.matches(password, account.passwordHash())) {
			error = "password.same";
		}
		else {
			error = PasswordPolicy.check(user.username(), password).orElse(null);
		}
		if (error != null) {
			model.addAttribute("error", error);
			return "identity/password";
		}
		accounts.changePassword(user.id(), encoder.encode(password));
		// The session keeps its principal: replace it so the forced-change flag is gone.
		var updated = new AuthenticatedUser(user, false);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.authorities()));
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		return "redirect:/?passwordChanged";
	}
}
