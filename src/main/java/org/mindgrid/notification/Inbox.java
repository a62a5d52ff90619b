package org.mindgrid.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;

import org.mindgrid.shared.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own inbox. A user only ever sees and marks their own notifications (404 for anyone else's). */
@Service
public class Inbox {

	private static final String SELECT = "select id, kind, message_key, args, link, created_at, read_at from notification";

	/** A row before its title is rendered. */
	private record Row(long id, String kind, String key, List<NoticeArg> args, String link, Instant createdAt,
			Instant readAt) {
	}

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final Clock clock;

	private final NoticeTexts texts;

	Inbox(JdbcClient jdbc, CurrentUsers users, Clock clock, NoticeTexts texts) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		this.texts = texts;
	}

	/**
	 * Unread first, then newest first; titles in {@code locale}. Each part is read from its own index up to the end
	 * of the page, so the cost is the page's, not the inbox's (issue 11 point 2); the total is exact up to
	 * {@link Page#COUNT_CAP} and capped beyond.
	 */
	@Transactional(readOnly = true)
	public InboxPage page(boolean unreadOnly, int page, int size, Locale locale) {
		long me = users.current().id();
		long upTo = (long) page * size + size;
		// each part counted on its own index (one count over both would read the table)
		long total = jdbc.sql("""
				select (select count(*) from (select 1 from notification where user_id = :me and read_at is null
				         limit :cap) u)
				     + (select count(*) from (select 1 from notification where user_id = :me and read_at is not null
				         and not :unreadOnly limit :cap) r)""")
			.param("me", me)
			.param("unreadOnly", unreadOnly)
			.param("cap", Page.COUNT_CAP + 1)
			.query(Long.class)
			.single();
		List<Row> rows = jdbc.sql("select * from ((" + SELECT + """
				 where user_id = :me and read_at is null order by created_at desc, id desc limit :upTo)
				union all
				(""" + SELECT + """
				 where user_id = :me and read_at is not null and not :unreadOnly order by created_at desc, id desc
				 limit :upTo)) x
				order by read_at is null desc, created_at desc, id desc limit :size offset :offset""")
			.param("me", me)
			.param("unreadOnly", unreadOnly)
			.param("upTo", upTo)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(Inbox::row)
			.list();
		return new InboxPage(items(rows, locale), Math.min(total, Page.COUNT_CAP), page, size, unreadCount(me),
				total > Page.COUNT_CAP);
	}

	/** The badge: one count on a partial index, cheap enough to poll. */
	@Transactional(readOnly = true)
	public long unreadCount(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = :me and read_at is null")
			.param("me", userId)
			.query(Long.class)
			.single();
	}

	/** Marks the caller's notification read (keeping the first read time) and returns it. */
	@Transactional
	public NotificationItem markRead(long id, Locale locale) {
		long me = users.current().id();
		jdbc.sql("update notification set read_at = :now where id = :id and user_id = :me and read_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("me", me)
			.update();
		Row row = jdbc.sql(SELECT + " where id = :id and user_id = :me")
			.param("id", id)
			.param("me", me)
			.query(Inbox::row)
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("notification.not-found"));
		return items(List.of(row), locale).get(0);
	}

	/**
	 * The user opened {@code link} (a page they may read, it was just shown to them): their unread notifications
	 * pointing there are read now, however they got there.
	 * @return how many were marked
	 */
	@Transactional
	public int markOpened(long userId, String link) {
		return jdbc.sql("update notification set read_at = :now where user_id = :me and read_at is null and link = :link")
			.param("now", Timestamp.from(clock.instant()))
			.param("me", userId)
			.param("link", link)
			.update();
	}

	@Transactional
	public int markAllRead() {
		return jdbc.sql("update notification set read_at = :now where user_id = :me and read_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("me", users.current().id())
			.update();
	}

	private List<NotificationItem> items(List<Row> rows, Locale locale) {
		List<String> titles = texts.renderAll(rows.stream().map(r -> new NoticeTexts.Keyed(r.key(), r.args())).toList(),
				locale);
		List<NotificationItem> items = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			items.add(new NotificationItem(r.id(), r.kind(), titles.get(i), r.key(), r.args(), r.link(), r.createdAt(),
					r.readAt()));
		}
		return items;
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("message_key"),
				NoticeTexts.fromJson(rs.getString("args")), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant());
	}
}
