package org.mindgrid.audit.refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.mindgrid.audit.web.Addresses;
import org.mindgrid.shared.web.Page;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The 安全事件 page of a school: refused reads of students' records, for its leaders and psychology teachers. */
@Controller
class SecurityEventPageController {

	static final int PAGE_SIZE = 50;

	/** One line as the page shows it. */
	record Row(String occurredAt, String username, String method, Integer status, String path, Long studentId,
			String remoteAddr) {
	}

	private final SecurityEvents events;

	private final Clock clock;

	private final MessageSource messages;

	SecurityEventPageController(SecurityEvents events, Clock clock, MessageSource messages) {
		this.events = events;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/security-events")
	String mine() {
		return "redirect:/schools/" + events.ownSchool() + "/security-events";
	}

	@GetMapping("/schools/{id}/security-events")
	String events(@PathVariable long id, @RequestParam(required = false) Long user,
			@RequestParam(required = false) Integer page, Model model) {
		Page<SecurityEvent> result = events.page(id, user, Page.clampPage(page), PAGE_SIZE);
		model.addAttribute("schoolId", id);
		model.addAttribute("user", user);
		model.addAttribute("result", result);
		model.addAttribute("rows", result.items()
			.stream()
			.map(e -> new Row(format(e.occurredAt()), e.username(), e.method(), e.status(), e.path(), e.studentId(),
					Addresses.shown(e.remoteAddr(), messages, LocaleContextHolder.getLocale())))
			.toList());
		return "audit/security-events";
	}

	private String format(Instant instant) {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		DateTimeFormatter f = DateTimeFormatter.ofPattern(english ? "yyyy-MM-dd HH:mm:ss" : "yyyy年M月d日 HH:mm:ss",
				english ? Locale.ENGLISH : Locale.CHINA);
		return f.format(instant.atZone(clock.getZone()));
	}
}
