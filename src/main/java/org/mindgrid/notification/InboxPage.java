package org.mindgrid.notification;

import java.util.List;

/** A page of the inbox, as every list answers ({@code items,total,page,size}), plus the unread count. */
public record InboxPage(List<NotificationItem> items, long total, int page, int size, long unread) {

	public InboxPage {
		items = List.copyOf(items);
	}
}
