package org.mindgrid.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications. The inbox row is written in the caller's transaction, so a warning and its notice commit
 * together; outside channels (e-mail, webhook) are sent after commit by listeners of {@link NotificationSent}.
 * A row keeps the message key and its arguments, never a sentence: the words are chosen when it is read.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Notifications(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Tells each user once; the notice carries no student's name or details (SECURITY.md threat 3). */
	@Transactional
	public void notify(Collection<Long> userIds, Notice notice) {
		String args = NoticeTexts.toJson(notice.args());
		for (long userId : new LinkedHashSet<>(userIds)) {
			long id = jdbc.sql("""
					insert into notification (user_id, kind, message_key, args, link, created_at)
					values (:user, :kind, :key, cast(:args as jsonb), :link, :at) returning id""")
				.param("user", userId)
				.param("kind", notice.kind())
				.param("key", notice.key())
				.param("args", args)
				.param("link", notice.link())
				.param("at", Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
			events.publishEvent(
					new NotificationSent(id, userId, notice.kind(), notice.key(), notice.args(), notice.link()));
		}
	}
}
