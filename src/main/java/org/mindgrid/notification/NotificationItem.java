package org.mindgrid.notification;

import java.time.Instant;
import java.util.List;

/**
 * One inbox entry: {@code title} rendered in the reader's language from {@code titleKey} and {@code args}, a link
 * into MindGrid (null when there is nothing the reader may open).
 */
public record NotificationItem(long id, String kind, String title, String titleKey, List<NoticeArg> args,
		String link, Instant createdAt, Instant readAt) {

	public NotificationItem {
		args = List.copyOf(args);
	}

	public boolean unread() {
		return readAt == null;
	}
}
