package org.mindgrid.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.identity.security.NextUrl;
import org.mindgrid.shared.Deployment;

import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/**
	 * Where Spring Security's session request cache keeps the page to continue with after login; both the password
	 * step and the two-factor step read it ({@code HttpSessionRequestCache}).
	 */
	static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

	private final Deployment deployment;

	LoginController(Deployment deployment) {
		this.deployment = deployment;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String throttled, @RequestParam(required = false) String next,
			HttpServletRequest request, Model model) {
		model.addAttribute("demo", deployment.demo());
		// ?next= (a form whose session expired): log in, then back to that page of this application, nothing else.
		NextUrl.of(next).ifPresent(path -> request.getSession(true).setAttribute(SAVED_REQUEST, new SimpleSavedRequest(path)));
		if (throttled != null) {
			long seconds = throttled.matches("\\d{1,6}") ? Long.parseLong(throttled) : 60;
			model.addAttribute("wait", WaitText.of(seconds));
		}
		return "identity/login";
	}
}
