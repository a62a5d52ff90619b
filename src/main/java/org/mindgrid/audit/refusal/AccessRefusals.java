package org.mindgrid.audit.refusal;

import org.mindgrid.audit.AuditLog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes refusals as {@code ACCESS_REFUSED} lines of the audit log, in a transaction of their own (the refused
 * request's transaction has rolled back), and turns a burst of them into one notification to the leaders and
 * psychology teachers of the user's school.
 */
@Component
class AccessRefusals {

	static final String ACTION = "ACCESS_REFUSED";

	static final String NOTIFICATION_KIND = "ACCESS_REFUSALS";

	/** A refused request: who, what, when (now) and from where; the student when the request names one. */
	record Refusal(long userId, String username, String method, String path, int status, Long studentId,
			String remoteAddr) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Notifications notifications;

	private final RefusalProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	AccessRefusals(JdbcClient jdbc, PlatformTransactionManager transactions, Notifications notifications,
			RefusalProperties properties, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock;
	}

	void record(Refusal refusal) {
		ownTransaction.executeWithoutResult(tx -> {
			Instant now = clock.instant();
			audit.recordFor(refusal.userId(), refusal.username(), ACTION, refusal.path(), refusal.studentId(),
					refusal.method() + " " + refusal.status(), refusal.remoteAddr());
			alertOnBurst(refusal, now);
		});
	}

	private void alertOnBurst(Refusal refusal, Instant now) {
		Instant windowStart = now.minus(properties.window());
		long recent = jdbc.sql("""
				select count(*) from audit_event where action = :action and user_id = :user
				   and occurred_at > :since and occurred_at <= :now""")
			.param("action", ACTION)
			.param("user", refusal.userId())
			.param("since", Timestamp.from(windowStart))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		if (recent <= properties.threshold()) {
			return;
		}
		// One alert per user and window, even when parallel refusals cross the threshold together: the upsert
		// takes the row lock and only the first of them gets a row back.
		boolean first = jdbc.sql("""
				insert into refusal_alert (user_id, notified_at) values (:user, :now)
				on conflict (user_id) do update set notified_at = excluded.notified_at
				 where refusal_alert.notified_at <= :windowStart or refusal_alert.notified_at > :now
				returning user_id""")
			.param("user", refusal.userId())
			.param("now", Timestamp.from(now))
			.param("windowStart", Timestamp.from(windowStart))
			.query(Long.class)
			.optional()
			.isPresent();
		if (!first) {
			return;
		}
		String displayName = jdbc.sql("select display_name from app_user where id = :id")
			.param("id", refusal.userId())
			.query(String.class)
			.optional()
			.orElse(refusal.username());
		List<NoticeArg> args = List.of(NoticeArg.text(displayName), NoticeArg.text(refusal.username()),
				NoticeArg.number(recent), NoticeArg.number(properties.window().toMinutes()));
		for (long school : schoolsOf(refusal.userId())) {
			notifications.notify(overseers(school, refusal.userId()), new Notice(NOTIFICATION_KIND,
					"audit.refusals.notify", args, "/schools/" + school + "/security-events?user=" + refusal.userId()));
		}
	}

	/** The schools the user works at (posts), or was created for. Bureau accounts have none: nobody to tell. */
	private List<Long> schoolsOf(long userId) {
		return jdbc.sql("""
				select school_id from post where user_id = :user and school_id is not null
				union select school_id from app_user where id = :user and school_id is not null""")
			.param("user", userId)
			.query(Long.class)
			.list();
	}

	/** The school's leaders and psychology teachers, but not the user themselves. */
	private List<Long> overseers(long schoolId, long userId) {
		return jdbc.sql("""
				select distinct p.user_id from post p join app_user u on u.id = p.user_id
				 where p.school_id = :school and p.role in ('SCHOOL_LEADER', 'PSYCH_TEACHER') and u.enabled
				   and p.user_id <> :user order by p.user_id""")
			.param("school", schoolId)
			.param("user", userId)
			.query(Long.class)
			.list();
	}
}
