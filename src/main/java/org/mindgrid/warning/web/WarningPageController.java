package org.mindgrid.warning.web;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.warning.WarningQueue;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The psychology teacher's queue (urgent first, with the time left) and a report's page. */
@Controller
class WarningPageController {

	private final WarningQueue queue;

	private final MessageSource messages;

	private final CurrentUsers users;

	WarningPageController(WarningQueue queue, MessageSource messages, CurrentUsers users) {
		this.queue = queue;
		this.messages = messages;
		this.users = users;
	}

	@GetMapping("/warnings")
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			Model model) {
		String s = status == null || status.isBlank() ? "OPEN" : status;
		model.addAttribute("status", s);
		model.addAttribute("reports", queue.queue("ALL".equals(s) ? null : s, Page.clampPage(page), 50));
		var user = users.current();
		// Only those who may change the school's risk phrases are offered the page (point 14).
		model.addAttribute("managesPhrases", user.schoolId() != null
				&& user.hasRoleAtSchool(user.schoolId(), Role.PSYCH_TEACHER, Role.SCHOOL_ADMIN));
		return "warning/queue";
	}

	@GetMapping("/warnings/{id}")
	String report(@PathVariable long id, Model model) {
		model.addAttribute("report", queue.open(id));
		return "warning/report";
	}

	@PostMapping("/warnings/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model) {
		try {
			queue.resolve(id, reason);
			return "redirect:/warnings/" + id;
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			model.addAttribute("report", queue.open(id));
			model.addAttribute("reason", reason);
			model.addAttribute("error",
					messages.getMessage(problem.messageKey(), null, LocaleContextHolder.getLocale()));
			return "warning/report";
		}
	}
}
