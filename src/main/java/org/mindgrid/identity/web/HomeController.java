package org.mindgrid.identity.web;

import org.mindgrid.identity.CurrentUsers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after login: what this user can do, by role. */
@Controller
class HomeController {

	private final CurrentUsers users;

	HomeController(CurrentUsers users) {
		this.users = users;
	}

	@GetMapping("/")
	String home(Model model) {
		var user = users.current();
		if (user.roles().equals(java.util.Set.of(org.mindgrid.identity.Role.PSYCH_COMMITTEE))) {
			return "redirect:/concerns/new";
		}
		model.addAttribute("user", user);
		model.addAttribute("roles", user.roles());
		return "identity/home";
	}
}
