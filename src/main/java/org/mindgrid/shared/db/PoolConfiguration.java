package org.mindgrid.shared.db;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool sizing for an external database too: Spring Boot builds that pool unstarted, so the sizing is applied
 * before its first connection. Explicit {@code spring.datasource.hikari.*} settings of a deployment are kept when
 * they differ from Hikari's defaults. With {@code MINDGRID_REPLICA_URL} set, the application's pool (embedded or
 * external) is wrapped so that read-only transactions go to the replica (ADR 0030).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PoolSizing.class, ReplicaSettings.class })
class PoolConfiguration {

	@Bean
	static BeanPostProcessor poolSizingAndReplicaRouting(ObjectProvider<PoolSizing> sizing,
			ObjectProvider<ReplicaSettings> replica) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				Object sized = sized(bean);
				if ("dataSource".equals(name) && sized instanceof HikariDataSource primary
						&& replica.getObject().enabled()) {
					return ReplicaRoutingDataSource.over(primary, replica.getObject());
				}
				return sized;
			}

			private Object sized(Object bean) {
				if (bean instanceof HikariDataSource pool && !pool.isRunning() && pool.getPoolName() == null) {
					PoolSizing s = sizing.getObject();
					if (pool.getMaximumPoolSize() < 1 || pool.getMaximumPoolSize() == 10) {
						pool.setMaximumPoolSize(s.poolSize());
					}
					if (pool.getConnectionTimeout() == 30_000) {
						pool.setConnectionTimeout(s.connectionTimeout().toMillis());
					}
					if (pool.getConnectionInitSql() == null) {
						pool.setConnectionInitSql("set statement_timeout = " + s.statementTimeout().toMillis());
					}
				}
				return bean;
			}
		};
	}
}
