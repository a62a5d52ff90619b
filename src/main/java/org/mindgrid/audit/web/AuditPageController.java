package org.mindgrid.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.mindgrid.audit.AuditRecord;
import org.mindgrid.shared.web.Page;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The 访问记录 tab of a student's page. */
@Controller
class AuditPageController {

	static final int PAGE_SIZE = 50;

	record Row(String occurredAt, String username, String action, String resource, String detail, String remoteAddr) {
	}

	private final TrailAccess trails;

	private final Clock clock;

	private final TrailWords words;

	AuditPageController(TrailAccess trails, Clock clock, TrailWords words) {
		this.trails = trails;
		this.clock = clock;
		this.words = words;
	}

	@GetMapping("/students/{id}/audit")
	String trail(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		var student = trails.student(id);
		Page<AuditRecord> records = trails.read(id, Page.clampPage(page), PAGE_SIZE);
		model.addAttribute("student", student);
		model.addAttribute("result", records);
		Locale locale = LocaleContextHolder.getLocale();
		var people = words.people(records.items());
		var classes = words.classes(records.items());
		model.addAttribute("rows", records.items()
			.stream()
			.map(r -> new Row(format(r.occurredAt()), words.who(r, people, locale), words.action(r.action(), locale),
					words.resource(r.resource(), locale), words.detail(r, people, classes, locale),
					words.address(r.remoteAddr(), locale)))
			.toList());
		return "audit/trail";
	}

	private String format(Instant instant) {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		DateTimeFormatter f = DateTimeFormatter.ofPattern(english ? "yyyy-MM-dd HH:mm:ss" : "yyyy年M月d日 HH:mm:ss",
				english ? Locale.ENGLISH : Locale.CHINA);
		return f.format(instant.atZone(clock.getZone()));
	}
}
