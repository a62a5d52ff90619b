package org.mindgrid.identity.web;

import java.time.Duration;
import java.time.LocalDateTime;

import org.mindgrid.identity.security.ApiTokens;
import org.mindgrid.identity.security.AuthenticatedUser;
import org.mindgrid.identity.security.LoginFailures;
import org.mindgrid.identity.security.TwoFactor;
import org.mindgrid.shared.qr.QrCodes;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The account page: password, two-factor login, API tokens and failed logins of the signed-in user. */
@Controller
class AccountController {

	private final TwoFactor twoFactor;

	private final ApiTokens tokens;

	private final LoginFailures failures;

	private final java.time.Clock clock;

	AccountController(TwoFactor twoFactor, ApiTokens tokens, LoginFailures failures, java.time.Clock clock) {
		this.twoFactor = twoFactor;
		this.tokens = tokens;
		this.failures = failures;
		this.clock = clock;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal AuthenticatedUser principal, Model model) {
		long id = principal.currentUser().id();
		model.addAttribute("user", principal.currentUser());
		model.addAttribute("twoFactorOn", twoFactor.enabled(id));
		model.addAttribute("twoFactorRequired", principal.mustEnrolTwoFactor());
		model.addAttribute("recoveryLeft", twoFactor.unusedRecoveryCodes(id));
		model.addAttribute("tokens", tokens.of(id, null).stream()
			.map(t -> new TokenRow(t.id(), local(t.createdAt()), local(t.lastUsedAt()), local(t.expiresAt()), t.address()))
			.toList());
		model.addAttribute("failures", failures.recent(id, 20).stream()
			.map(f -> new FailureRow(local(f.at()), f.address(), f.reason().name()))
			.toList());
		model.addAttribute("failuresToday", failures.countSince(id, clock.instant().minus(Duration.ofDays(1))));
		return "identity/account";
	}

	record TokenRow(long id, LocalDateTime createdAt, LocalDateTime lastUsedAt, LocalDateTime expiresAt, String address) {
	}

	record FailureRow(LocalDateTime at, String address, String reason) {
	}

	private LocalDateTime local(java.time.Instant instant) {
		return LocalDateTime.ofInstant(instant, clock.getZone());
	}

	@PostMapping("/account/tokens/{tokenId}/revoke")
	String revoke(@PathVariable long tokenId, @AuthenticationPrincipal AuthenticatedUser principal) {
		tokens.revoke(principal.currentUser().id(), tokenId);
		return "redirect:/account?revoked";
	}

	@GetMapping("/account/two-factor")
	String twoFactor(@AuthenticationPrincipal AuthenticatedUser principal, Model model) {
		var user = principal.currentUser();
		if (twoFactor.enabled(user.id())) {
			return "redirect:/account";
		}
		twoFactor.pending(user.id(), user.username()).ifPresent(e -> {
			model.addAttribute("enrolment", e);
			model.addAttribute("qr", QrCodes.dataUri(e.otpauthUri()));
		});
		model.addAttribute("required", principal.mustEnrolTwoFactor());
		return "identity/two-factor";
	}

	@PostMapping("/account/two-factor/start")
	String start(@AuthenticationPrincipal AuthenticatedUser principal) {
		var user = principal.currentUser();
		if (!twoFactor.enabled(user.id())) {
			twoFactor.begin(user.id(), user.username());
		}
		return "redirect:/account/two-factor";
	}

	@PostMapping("/account/two-factor")
	String confirm(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal AuthenticatedUser principal,
			Model model) {
		var user = principal.currentUser();
		var codes = twoFactor.confirm(user.id(), code.length() > 32 ? "" : code);
		if (codes.isEmpty()) {
			model.addAttribute("error", "two-factor.code-wrong");
			return twoFactor(principal, model);
		}
		model.addAttribute("codes", codes.get());
		return "identity/recovery-codes";
	}

	@PostMapping("/account/two-factor/recovery-codes")
	String newCodes(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal AuthenticatedUser principal,
			Model model) {
		long id = principal.currentUser().id();
		if (!twoFactor.verify(id, code)) {
			return "redirect:/account?codeWrong";
		}
		model.addAttribute("codes", twoFactor.newRecoveryCodes(id));
		return "identity/recovery-codes";
	}

	@PostMapping("/account/two-factor/disable")
	String disable(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal AuthenticatedUser principal) {
		long id = principal.currentUser().id();
		if (!twoFactor.verify(id, code)) {
			return "redirect:/account?codeWrong";
		}
		twoFactor.disable(id);
		return "redirect:/account?twoFactorOff";
	}
}
