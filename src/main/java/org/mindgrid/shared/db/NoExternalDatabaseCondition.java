package org.mindgrid.shared.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no external database is configured (SPRING_DATASOURCE_URL / spring.datasource.url). */
public class NoExternalDatabaseCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isEmbedded(context.getEnvironment().getProperty("spring.datasource.url"));
	}

	public static boolean isEmbedded(String url) {
		return !StringUtils.hasText(url);
	}
}
