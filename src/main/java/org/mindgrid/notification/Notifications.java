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

	/**
	 * @param kind e.g. {@code WARNING_REPORT}, {@code DUTY_OVERDUE}
	 * @param title plain text without a student's name or details (SECURITY.md threat 3)
	 * @param link a path inside MindGrid, e.g. {@code /warnings/12}
	 */
	@Transactional
	public void notify(Collection<Long> userIds, String kind, String title, String link) {
		for (long userId : new LinkedHashSet<>(userIds)) {
			long id = jdbc.sql("""
					insert into notification (user_id, kind, title, link, created_at)
					values (:user, :kind, :title, :link, :at) returning id""")
				.param("user", userId)
				.param("kind", kind)
				.param("title", title)
				.param("link", link)
				.param("at", Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
			events.publishEvent(new NotificationSent(id, userId, kind, title, link));
		}
	}
}
