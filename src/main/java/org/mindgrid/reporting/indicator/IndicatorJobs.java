package org.mindgrid.reporting.indicator;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes this month's indicators of every district each hour (and the last month's on the first two days, so
 * a month closes with its last records). Every instance schedules it; the per-district lock and the "computed in
 * the last 30 minutes" check of {@link IndicatorStore#refresh} leave the work to one.
 */
@Component
class IndicatorJobs {

	private static final Logger log = LoggerFactory.getLogger(IndicatorJobs.class);

	private final IndicatorStore store;

	private final JdbcClient jdbc;

	private final Clock clock;

	IndicatorJobs(IndicatorStore store, JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${mindgrid.indicator.refresh-cron:0 7 * * * *}", zone = "${mindgrid.zone}")
	void refresh() {
		YearMonth month = YearMonth.now(clock);
		List<YearMonth> months = clock.instant().atZone(clock.getZone()).getDayOfMonth() <= 2
				? List.of(month.minusMonths(1), month) : List.of(month);
		List<Long> districts = jdbc.sql("select id from district order by id").query(Long.class).list();
		long started = System.nanoTime();
		int computed = 0;
		for (YearMonth m : months) {
			for (long district : districts) {
				try {
					if (store.refresh(district, m, clock.instant().minus(Duration.ofMinutes(30)))) {
						computed++;
					}
				}
				catch (RuntimeException e) {
					log.error("Indicators of district {} for {} not computed; retried at the next run", district, m, e);
				}
			}
		}
		log.info("Indicators: {} district-months computed in {} ms", computed,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}
}
