package org.mindgrid.crisis.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.db.JobLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 1-hour clock (issue 10 point 3). While the report is missing: at 40 minutes the school's leaders are reminded,
 * at 50 minutes again with the psychology teachers and the crisis team, at 60 minutes the event is overdue and the
 * district's officers are told as well. Each level is sent once (the event keeps the level reached); a run that
 * finds an event past several levels sends only the highest. An advisory lock lets one instance run at a time.
 */
@Component
public class ReportClock {

	private static final String JOB = "crisis-report-clock";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EventAccess access;

	private final CrisisPeople people;

	private final Notifications notifications;

	private final JobLock jobLock;

	ReportClock(JdbcClient jdbc, Clock clock, EventAccess access, CrisisPeople people, Notifications notifications,
			JobLock jobLock) {
		this.jobLock = jobLock;
		this.jdbc = jdbc;
		this.clock = clock;
		this.access = access;
		this.people = people;
		this.notifications = notifications;
	}

	/**
	 * Through the proxy's transaction: {@code run()} called from here is a self-call, so without this the lock and
	 * the {@code for update} would each end with their own statement and two instances could remind twice.
	 */
	@Scheduled(fixedDelayString = "${mindgrid.crisis.report-clock-ms:30000}", initialDelay = 20_000)
	@Transactional
	void scheduled() {
		run();
	}

	/** One pass; answers how many reminders went out. */
	@Transactional
	public int run() {
		if (!jobLock.tryTake(JOB)) {
			return 0;
		}
		Instant now = clock.instant();
		record Due(long id, int level) {
		}
		List<Due> due = jdbc.sql("""
				select e.id, case when e.raised_at + interval '60 minutes' <= :now then 3
				                  when e.raised_at + interval '50 minutes' <= :now then 2 else 1 end
				  from crisis_event e
				 where e.report_submitted_at is null and e.closed_at is null
				   and e.report_due_at <= cast(:now as timestamptz) + interval '20 minutes'
				   and e.reminder_level < case when e.raised_at + interval '60 minutes' <= :now then 3
				                               when e.raised_at + interval '50 minutes' <= :now then 2 else 1 end
				 order by e.id for update of e skip locked""")
			.param("now", Timestamp.from(now))
			.query((rs, i) -> new Due(rs.getLong(1), rs.getInt(2)))
			.list();
		for (Due d : due) {
			jdbc.sql("update crisis_event set reminder_level = :l where id = :id").param("l", d.level())
				.param("id", d.id()).update();
			remind(access.ref(d.id()), d.level());
		}
		return due.size();
	}

	private void remind(EventRef e, int level) {
		List<Long> to = new ArrayList<>(people.leaders(e));
		if (level >= 2) {
			to.addAll(people.atSchool(e.schoolId(), null, "PSYCH_TEACHER", "CRISIS_TEAM"));
		}
		String link = "/crisis/" + e.id();
		if (level < 3) {
			long left = Duration.between(clock.instant(), e.reportDueAt()).toMinutes();
			notifications.notify(to.stream().distinct().toList(), Notice.of("CRISIS_REPORT",
					"notification.crisis.report-reminder", link, NoticeArg.code("crisis.kind." + e.kind()),
					NoticeArg.number(Math.max(1, left)), NoticeArg.time(e.reportDueAt())));
			return;
		}
		to.addAll(people.districtOfficers(e));
		notifications.notify(to.stream().distinct().toList(), Notice.of("CRISIS_REPORT",
				"notification.crisis.report-overdue", link, NoticeArg.code("crisis.kind." + e.kind()),
				NoticeArg.time(e.reportDueAt())));
	}
}
