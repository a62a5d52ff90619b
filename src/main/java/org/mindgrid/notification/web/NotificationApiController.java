package org.mindgrid.notification.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import org.mindgrid.notification.Inbox;
import org.mindgrid.notification.InboxPage;
import org.mindgrid.notification.NotificationItem;
import org.mindgrid.shared.web.Page;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's inbox: {@code {"items","total","page","size","unread"}}, unread first; each item's {@code title} in
 * the request's language, with {@code titleKey} and {@code args} for clients that render it themselves.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

	private final Inbox inbox;

	NotificationApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@Operation(summary = "The caller's inbox (通知)",
			description = "Notifications to the caller, unread first, then newest first, with the unread count: "
					+ "{items, total, page, size, unread}. Messages carry a link, never a student's name.")
	@Parameter(name = "unread", in = ParameterIn.QUERY,
			description = "true: only unread notifications (default false)")
	@GetMapping
	InboxPage list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return inbox.page(unread, Page.clampPage(page), Page.clampSize(size), LocaleContextHolder.getLocale());
	}

	@Operation(summary = "Mark a notification read",
			description = "Keeps the first read time; answers the notification. Only the caller's own (others: 404).")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Notification id")
	@PostMapping("/{id}/read")
	NotificationItem read(@PathVariable long id) {
		return inbox.markRead(id, LocaleContextHolder.getLocale());
	}

	/** {@code {"marked": n, "unread": 0}}. */
	@PostMapping("/read-all")
	@Operation(summary = "Mark all of the caller's notifications read",
			description = "Marks every unread notification of the caller read; answers {marked, unread}. Touches "
					+ "nobody else's.")
	Map<String, Long> readAll() {
		return Map.of("marked", (long) inbox.markAllRead(), "unread", 0L);
	}
}
