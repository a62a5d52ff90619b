package org.mindgrid.identity.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.db.JobLock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Puts the idempotency filter behind Spring Security and forgets expired keys every hour (on one instance). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
class IdempotencyConfiguration {

	/** Right after the security filter chain: the caller is known and allowed. */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

	private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

	private final IdempotencyStore store;

	private final JobLock jobLock;

	IdempotencyConfiguration(IdempotencyStore store, JobLock jobLock) {
		this.store = store;
		this.jobLock = jobLock;
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(CurrentUsers users) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(store, users));
		registration.setOrder(ORDER);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Scheduled(fixedDelayString = "${mindgrid.idempotency.cleanup-interval:1h}",
			initialDelayString = "${mindgrid.idempotency.cleanup-interval:1h}")
	void deleteExpired() {
		try {
			jobLock.runAlone("identity-idempotency-cleanup", () -> {
				int deleted = store.deleteExpired();
				if (deleted > 0) {
					log.info("Deleted {} expired idempotency keys", deleted);
				}
			});
		}
		catch (RuntimeException e) {
			log.warn("Deleting expired idempotency keys failed; retried at the next run", e);
		}
	}
}
