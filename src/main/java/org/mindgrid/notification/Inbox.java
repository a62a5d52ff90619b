package org.mindgrid.notification;

import java.sql.Timestamp;
import java.time.Clock;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own inbox. A user only ever sees and marks their own notifications (404 for anyone else's). */
@Service
public class Inbox {

	private static final String SELECT = "select id, kind, title, link, created_at, read_at from notification";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final Clock clock;

	Inbox(JdbcClient jdbc, CurrentUsers users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/** Unread first, then newest first. */
	@Transactional(readOnly = true)
	public InboxPage page(boolean unreadOnly, int page, int size) {
		long me = users.current().id();
		String where = " where user_id = :me and (not :unreadOnly or read_at is null)";
		long total = jdbc.sql("select count(*) from notification" + where)
			.param("me", me)
			.param("unreadOnly", unreadOnly)
			.query(Long.class)
			.single();
		var items = jdbc.sql(SELECT + where
				+ " order by read_at is null desc, created_at desc, id desc limit :size offset :offset")
			.param("me", me)
			.param("unreadOnly", unreadOnly)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(Inbox::item)
			.list();
		return new InboxPage(items, total, page, size, unreadCount(me));
	}

	@Transactional(readOnly = true)
	public long unreadCount(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = :me and read_at is null")
			.param("me", userId)
			.query(Long.class)
			.single();
	}

	/** Marks the caller's notification read (keeping the first read time) and returns it. */
	@Transactional
	public NotificationItem markRead(long id) {
		long me = users.current().id();
		jdbc.sql("update notification set read_at = :now where id = :id and user_id = :me and read_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("me", me)
			.update();
		return jdbc.sql(SELECT + " where id = :id and user_id = :me")
			.param("id", id)
			.param("me", me)
			.query(Inbox::item)
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("notification.not-found"));
	}

	@Transactional
	public int markAllRead() {
		return jdbc.sql("update notification set read_at = :now where user_id = :me and read_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("me", users.current().id())
			.update();
	}

	private static NotificationItem item(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new NotificationItem(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
				rs.getString("link"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}
}
