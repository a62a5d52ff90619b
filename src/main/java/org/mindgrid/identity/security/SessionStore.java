package org.mindgrid.identity.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.mindgrid.shared.db.JobLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Page sessions live in PostgreSQL (Spring Session JDBC, ADR 0028), so a user signed in on one instance is signed in
 * on every other and an instance may die without logging anybody out. Timeout and cookie flags are the
 * {@code server.servlet.session.*} settings; the tables are the identity module's migration.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionStore {

	/** The servlet container's name: pages, proxies and tests know the session cookie by it. */
	static final String COOKIE = "JSESSIONID";

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

	private final JobLock jobLock;

	SessionStore(ObjectProvider<JdbcIndexedSessionRepository> sessions, JobLock jobLock) {
		this.sessions = sessions;
		this.jobLock = jobLock;
	}

	@Bean
	DefaultCookieSerializerCustomizer sessionCookieName() {
		return serializer -> serializer.setCookieName(COOKIE);
	}

	/**
	 * Attributes written with {@code insert ... on conflict do update}: two requests of one session (a page and the
	 * badge's poll) setting the same attribute would otherwise fail on the primary key.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * Expired sessions deleted every minute by one instance (Spring Session's own cleanup is off:
	 * {@code spring.session.jdbc.cleanup-cron=-}, it would run on every instance).
	 */
	@Scheduled(cron = "${mindgrid.session.cleanup-cron:0 * * * * *}")
	void deleteExpired() {
		JdbcIndexedSessionRepository repository = sessions.getIfAvailable();
		if (repository == null) {
			return;
		}
		try {
			jobLock.runAlone("identity-session-cleanup", repository::cleanUpExpiredSessions);
		}
		catch (RuntimeException e) {
			log.warn("Deleting expired sessions failed; retried at the next run", e);
		}
	}
}
