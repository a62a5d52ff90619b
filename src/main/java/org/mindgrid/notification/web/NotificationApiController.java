package org.mindgrid.notification.web;

import org.mindgrid.notification.Inbox;
import org.mindgrid.notification.InboxPage;
import org.mindgrid.notification.NotificationItem;
import org.mindgrid.shared.web.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox: {@code {"items","total","page","size","unread"}}, unread first. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

	private final Inbox inbox;

	NotificationApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	InboxPage list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return inbox.page(unread, Page.clampPage(page), Page.clampSize(size));
	}

	@PostMapping("/{id}/read")
	NotificationItem read(@PathVariable long id) {
		return inbox.markRead(id);
	}
}
