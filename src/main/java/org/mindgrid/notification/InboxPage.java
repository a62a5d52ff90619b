package org.mindgrid.notification;

import java.util.List;

/**
 * A page of the inbox, as every list answers ({@code items,total,page,size}), plus the unread count.
 * {@code totalCapped}: the inbox holds more than {@code total} (the count stops at {@code Page.COUNT_CAP}).
 */
public record InboxPage(List<NotificationItem> items, long total, int page, int size, long unread,
		boolean totalCapped) {

	public InboxPage {
		items = List.copyOf(items);
	}
}
