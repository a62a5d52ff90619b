package org.mindgrid.notification;

/** Published for each inbox notification; channels (e-mail, webhook) forward it after commit. */
public record NotificationSent(long notificationId, long userId, String kind, String title, String link) {
}
