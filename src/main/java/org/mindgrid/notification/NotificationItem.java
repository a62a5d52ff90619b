package org.mindgrid.notification;

import java.time.Instant;

/** One inbox entry: a title without sensitive details and a link into MindGrid. */
public record NotificationItem(long id, String kind, String title, String link, Instant createdAt, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}
}
