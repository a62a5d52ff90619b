package org.mindgrid.warning.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.warning.WarningQueue;
import org.mindgrid.warning.WarningReportItem;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
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

	private static final int PAGE_SIZE = 50;

	private static final Set<String> STATUSES = Set.of("OPEN", "RESOLVED", "MERGED", "ALL");

	private final WarningQueue queue;

	private final MessageSource messages;

	private final Clock clock;

	private final CurrentUsers users;

	WarningPageController(WarningQueue queue, MessageSource messages, Clock clock, CurrentUsers users) {
		this.queue = queue;
		this.messages = messages;
		this.clock = clock;
		this.users = users;
	}

	@GetMapping("/warnings")
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			Model model) {
		String s = status(status);
		int p = Page.clampPage(page);
		String filter = "ALL".equals(s) ? null : s;
		model.addAttribute("status", s);
		model.addAttribute("page", p);
		// read before the rows: a report raised in between changes the next poll's answer, never goes unseen
		model.addAttribute("version", queue.version(filter));
		model.addAttribute("since", clock.millis());
		model.addAttribute("reports", queue.queue(filter, p, PAGE_SIZE));
		model.addAttribute("fresh", Set.of());
		var user = users.current();
		// Only those who may change the school's risk phrases are offered the page (point 14).
		model.addAttribute("managesPhrases", user.schoolId() != null
				&& user.hasRoleAtSchool(user.schoolId(), Role.PSYCH_TEACHER, Role.SCHOOL_ADMIN));
		return "warning/queue";
	}

	/**
	 * The open queue polls this (mindgrid.js, every 15 s while the tab is visible): 204 while nothing changed
	 * ({@code v}, the fingerprint it has), else the rows with those an urgent record raised or joined after
	 * {@code since} (the page's opening) highlighted, and the new fingerprint in {@code X-Queue-Version}.
	 */
	@GetMapping("/warnings/rows")
	String rows(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String v, @RequestParam(required = false) Long since, Model model,
			HttpServletResponse response) {
		String s = status(status);
		String filter = "ALL".equals(s) ? null : s;
		String version = queue.version(filter);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (version.equals(v)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		response.setHeader("X-Queue-Version", version);
		var reports = queue.queue(filter, Page.clampPage(page), PAGE_SIZE);
		Instant opened = since == null ? clock.instant() : Instant.ofEpochMilli(Math.max(0, since));
		model.addAttribute("reports", reports);
		model.addAttribute("fresh", queue.urgentSince(reports.items().stream().map(WarningReportItem::id).toList(),
				opened));
		return "warning/queue-rows :: rows";
	}

	private static String status(String status) {
		if (status == null || status.isBlank()) {
			return "OPEN";
		}
		if (!STATUSES.contains(status)) {
			throw ApiProblem.badRequest("warning.status-invalid");
		}
		return status;
	}

	@PostMapping("/warnings/{id}/take-up")
	String takeUp(@PathVariable long id, Model model) {
		try {
			queue.takeUp(id);
			return "redirect:/warnings/" + id;
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			model.addAttribute("report", queue.open(id));
			model.addAttribute("error",
					messages.getMessage(problem.messageKey(), null, LocaleContextHolder.getLocale()));
			return "warning/report";
		}
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
