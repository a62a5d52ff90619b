package org.mindgrid.identity.web;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;

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
		if (user.roles().equals(java.util.Set.of(Role.PSYCH_COMMITTEE))) {
			return "redirect:/concerns/new";
		}
		// UX.md: "My duties" is the first screen of mentors, head teachers and psychology teachers.
		if (user.hasAnyRole(Role.MENTOR, Role.HEAD_TEACHER, Role.PSYCH_TEACHER)) {
			return "forward:/duties";
		}
		model.addAttribute("user", user);
		model.addAttribute("roles", user.roles());
		return "identity/home";
	}
}
