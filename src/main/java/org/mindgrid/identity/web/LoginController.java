package org.mindgrid.identity.web;

import org.mindgrid.shared.Deployment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private final Deployment deployment;

	LoginController(Deployment deployment) {
		this.deployment = deployment;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String throttled, Model model) {
		model.addAttribute("demo", deployment.demo());
		if (throttled != null) {
			long seconds = throttled.matches("\\d{1,6}") ? Long.parseLong(throttled) : 60;
			model.addAttribute("wait", WaitText.of(seconds));
		}
		return "identity/login";
	}
}
