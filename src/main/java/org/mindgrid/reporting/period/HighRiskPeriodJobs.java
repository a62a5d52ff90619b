package org.mindgrid.reporting.period;

import org.mindgrid.shared.db.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each morning, the reminders of the periods of high risk that start (once across instances: ADR 0028). */
@Component
class HighRiskPeriodJobs {

	private static final Logger log = LoggerFactory.getLogger(HighRiskPeriodJobs.class);

	private final HighRiskPeriods periods;

	private final JobLock lock;

	HighRiskPeriodJobs(HighRiskPeriods periods, JobLock lock) {
		this.periods = periods;
		this.lock = lock;
	}

	@Scheduled(cron = "${mindgrid.period.remind-cron:0 5 7 * * *}", zone = "${mindgrid.zone}")
	void remind() {
		try {
			lock.runAlone("high-risk-period-reminders", () -> {
				int n = periods.remindStarted();
				if (n > 0) {
					log.info("High-risk periods: {} announced to head teachers and mentors", n);
				}
			});
		}
		catch (RuntimeException e) {
			log.error("High-risk period reminders failed; retried at the next run", e);
		}
	}
}
