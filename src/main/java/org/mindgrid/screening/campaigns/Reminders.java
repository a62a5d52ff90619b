package org.mindgrid.screening.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignClass;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignView;
import org.mindgrid.screening.campaigns.CampaignViews.ClassProgress;
import org.mindgrid.shared.db.JobLock;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders to the head teachers of classes behind (completed under 80 % of consented): on the psychology teacher's
 * click, and each day once half of an open campaign's window has passed; a class is reminded at most once a day.
 */
@Service
public class Reminders {

	static final Duration AT_MOST_EVERY = Duration.ofHours(20);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Campaigns campaigns;

	private final CurrentUsers users;

	private final Notifications notifications;

	private final AuditLog audit;

	private final JobLock jobLock;

	Reminders(JdbcClient jdbc, Clock clock, Campaigns campaigns, CurrentUsers users, Notifications notifications,
			AuditLog audit, JobLock jobLock) {
		this.jobLock = jobLock;
		this.jdbc = jdbc;
		this.clock = clock;
		this.campaigns = campaigns;
		this.users = users;
		this.notifications = notifications;
		this.audit = audit;
	}

	/** The psychology teacher's button: the classes behind now, whatever the day. Answers how many were told. */
	@Transactional
	public int remindBehind(long campaignId) {
		CurrentUser user = users.current();
		CampaignView campaign = campaigns.load(campaignId)
			.orElseThrow(() -> ApiProblem.notFound("screening.campaign.not-found"));
		campaigns.requireProgressReader(user, campaign);
		if (!user.hasRoleAtSchool(campaign.schoolId(), Role.PSYCH_TEACHER)) {
			throw ApiProblem.forbidden("screening.campaign.psych-only");
		}
		int sent = remind(campaign, false);
		audit.record("SCREENING_REMINDERS_SENT", "screening-campaign/" + campaignId, null, sent + " classes");
		return sent;
	}

	@Scheduled(cron = "${mindgrid.screening.remind-cron:0 0 8 * * *}", zone = "${mindgrid.zone}")
	@Transactional
	public void daily() {
		if (!jobLock.tryTake("screening-reminders")) {
			return;
		}
		Instant now = clock.instant();
		List<Long> open = jdbc.sql("""
				select id from screening_campaign
				 where opens_at + (closes_at - opens_at) / 2 <= :now and closes_at > :now""")
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
		for (long id : open) {
			campaigns.load(id).ifPresent(c -> remind(c, true));
		}
	}

	private int remind(CampaignView campaign, boolean daily) {
		Instant now = clock.instant();
		int sent = 0;
		for (ClassProgress p : campaigns.progressOf(campaign,
				campaign.classes().stream().map(CampaignClass::classId).toList()).classes()) {
			if (!p.behind()) {
				continue;
			}
			int marked = jdbc.sql("""
					update screening_campaign_class set reminded_at = :now
					 where campaign_id = :c and class_id = :k
					   and (reminded_at is null or reminded_at <= :before or not :daily)""")
				.param("now", Timestamp.from(now))
				.param("c", campaign.id())
				.param("k", p.classId())
				.param("before", Timestamp.from(now.minus(AT_MOST_EVERY)))
				.param("daily", daily)
				.update();
			if (marked == 0) {
				continue;
			}
			List<Long> heads = jdbc.sql("""
					select distinct p.user_id from post p join app_user u on u.id = p.user_id
					 where p.role = 'HEAD_TEACHER' and p.class_id = :k and u.enabled""")
				.param("k", p.classId())
				.query(Long.class)
				.list();
			notifications.notify(heads, Notice.of("SCREENING", "notification.screening.behind",
					"/screening/campaigns/" + campaign.id() + "/classes/" + p.classId(), NoticeArg.text(campaign.name()),
					NoticeArg.schoolClass(p.classId()), NoticeArg.number(p.counts().completedPercent())));
			sent++;
		}
		return sent;
	}
}
