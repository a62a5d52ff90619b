package org.mindgrid.duty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the duty jobs run. Every instance schedules them; the advisory locks in {@link SemesterDuties} and
 * {@link DutyEscalation} let one of them do the work. A failing run is logged and retried at the next tick.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "mindgrid.duty.jobs.enabled", havingValue = "true", matchIfMissing = true)
class DutyJobs {

	private static final Logger log = LoggerFactory.getLogger(DutyJobs.class);

	private final SemesterDuties semesterDuties;

	private final DutyEscalation escalation;

	DutyJobs(SemesterDuties semesterDuties, DutyEscalation escalation) {
		this.semesterDuties = semesterDuties;
		this.escalation = escalation;
	}

	/** After the demo data (an ApplicationRunner) is in, so a fresh demo has its semester duties at once. */
	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		generate();
	}

	@Scheduled(cron = "${mindgrid.duty.generate-cron:0 0 6 * * *}", zone = "${mindgrid.zone}")
	void generate() {
		try {
			semesterDuties.generate();
		}
		catch (RuntimeException e) {
			log.error("Semester duty generation failed; retried at the next run", e);
		}
	}

	/** Daily, before school starts: overdue duties reach the head teacher and leaders with the morning. */
	@Scheduled(cron = "${mindgrid.duty.escalate-cron:0 30 7 * * *}", zone = "${mindgrid.zone}")
	void escalateDaily() {
		try {
			var result = escalation.runEscalation();
			log.info("Duty escalation: {}", result);
		}
		catch (RuntimeException e) {
			log.error("Duty escalation failed; retried at the next run", e);
		}
	}

	@Scheduled(cron = "${mindgrid.duty.urgent-cron:0 */15 * * * *}", zone = "${mindgrid.zone}")
	void escalateUrgent() {
		try {
			escalation.runUrgentEscalation();
		}
		catch (RuntimeException e) {
			log.error("Urgent duty escalation failed; retried at the next run", e);
		}
	}
}
