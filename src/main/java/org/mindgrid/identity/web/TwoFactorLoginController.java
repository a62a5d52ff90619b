package org.mindgrid.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mindgrid.identity.security.LoginOutcome;
import org.mindgrid.identity.security.SecondFactorLogin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page's second step: the code from the authenticator app, or a recovery code. */
@Controller
class TwoFactorLoginController {

	private final SecondFactorLogin secondFactor;

	TwoFactorLoginController(SecondFactorLogin secondFactor) {
		this.secondFactor = secondFactor;
	}

	@GetMapping("/login/two-factor")
	String form(HttpServletRequest request) {
		return secondFactor.pending(request) ? "identity/login-two-factor" : "redirect:/login";
	}

	@PostMapping("/login/two-factor")
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!secondFactor.pending(request)) {
			return "redirect:/login?expired";
		}
		String input = code.length() > 32 ? "" : code;
		LoginOutcome outcome = secondFactor.complete(request, response, input);
		if (outcome instanceof LoginOutcome.Success) {
			return "redirect:" + secondFactor.continueUrl(request, response);
		}
		if (outcome instanceof LoginOutcome.Throttled throttled) {
			model.addAttribute("error", "login.throttled");
			model.addAttribute("wait", WaitText.of(throttled.retryAfterSeconds()));
		}
		else if (outcome instanceof LoginOutcome.Refused) {
			secondFactor.cancel(request);
			return "redirect:/login?error";
		}
		else {
			model.addAttribute("error", "login.two-factor-wrong");
		}
		return "identity/login-two-factor";
	}
}
