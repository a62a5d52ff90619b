package org.mindgrid.notification;

import java.util.List;

/** Published for each inbox notification; channels (e-mail, webhook) render and forward it after commit. */
public record NotificationSent(long notificationId, long userId, String kind, String key, List<NoticeArg> args,
		String link) {

	public NotificationSent {
		args = List.copyOf(args);
	}
}
