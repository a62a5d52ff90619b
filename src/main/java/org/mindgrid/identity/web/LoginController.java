package org.mindgrid.identity.web;

import org.mindgrid.shared.Deployment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final Deployment deployment;

	LoginController(Deployment deployment) {
		this.deployment = deployment;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", deployment.demo());
		return "identity/login";
	}
}
