package org.mindgrid.counselling;

import org.mindgrid.shared.db.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every ten minutes, the reminders of appointments in the next 24 hours (once across instances: ADR 0028). */
@Component
class AppointmentReminderJob {

	private static final Logger log = LoggerFactory.getLogger(AppointmentReminderJob.class);

	private final Appointments appointments;

	private final JobLock lock;

	AppointmentReminderJob(Appointments appointments, JobLock lock) {
		this.appointments = appointments;
		this.lock = lock;
	}

	@Scheduled(cron = "${mindgrid.counselling.remind-cron:0 */10 * * * *}", zone = "${mindgrid.zone}")
	void remind() {
		try {
			lock.runAlone("counselling-reminders", () -> {
				int n = appointments.remind();
				if (n > 0) {
					log.info("Counselling: {} appointments reminded", n);
				}
			});
		}
		catch (RuntimeException e) {
			log.error("Counselling reminders failed; retried at the next run", e);
		}
	}
}
