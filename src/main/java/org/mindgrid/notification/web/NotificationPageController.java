package org.mindgrid.notification.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.notification.Inbox;
import org.mindgrid.notification.NotificationItem;
import org.mindgrid.shared.web.Page;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The inbox page. Opening a notification marks it read and follows its link. */
@Controller
class NotificationPageController {

	private static final int PAGE_SIZE = 30;

	/** An entry with its time in the schools' zone. */
	record Entry(NotificationItem n, LocalDateTime at) {
	}

	private final Inbox inbox;

	private final CurrentUsers users;

	private final Clock clock;

	NotificationPageController(Inbox inbox, CurrentUsers users, Clock clock) {
		this.inbox = inbox;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/notifications")
	String inbox(@RequestParam(required = false) Integer page, Model model, Locale locale) {
		var result = inbox.page(false, Page.clampPage(page), PAGE_SIZE, locale);
		model.addAttribute("inbox", result);
		model.addAttribute("entries", result.items().stream()
			.map(n -> new Entry(n, LocalDateTime.ofInstant(n.createdAt(), clock.getZone())))
			.toList());
		model.addAttribute("hasNext", (long) (result.page() + 1) * result.size() < result.total());
		return "notification/inbox";
	}

	/** The layout's badge polls this (mindgrid.js): one indexed count, no student data. */
	@GetMapping("/notifications/unread-count")
	@ResponseBody
	ResponseEntity<Map<String, Long>> unreadCount() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("unread", inbox.unreadCount(users.current().id())));
	}

	/** Marking read is idempotent and only touches the caller's own row, so a plain link may do it. */
	@GetMapping("/notifications/{id}")
	String open(@PathVariable long id, Locale locale) {
		NotificationItem item = inbox.markRead(id, locale);
		return "redirect:" + safeLink(item.link());
	}

	@PostMapping("/notifications/read-all")
	String readAll() {
		inbox.markAllRead();
		return "redirect:/notifications";
	}

	/** Links are paths inside MindGrid; anything else (e.g. {@code //evil.example}) goes to the inbox instead. */
	static String safeLink(String link) {
		if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
			return "/notifications";
		}
		return link;
	}
}
