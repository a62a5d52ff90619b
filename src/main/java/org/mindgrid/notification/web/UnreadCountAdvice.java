package org.mindgrid.notification.web;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.notification.Inbox;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code unreadCount} for the badge in the layout's top and bottom bars; not computed for API calls. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCountAdvice {

	private final CurrentUsers users;

	private final Inbox inbox;

	UnreadCountAdvice(CurrentUsers users, Inbox inbox) {
		this.users = users;
		this.inbox = inbox;
	}

	@ModelAttribute("unreadCount")
	Long unreadCount(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		return users.find().map(user -> inbox.unreadCount(user.id())).orElse(null);
	}
}
