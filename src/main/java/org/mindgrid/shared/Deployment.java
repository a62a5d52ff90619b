package org.mindgrid.shared;

import org.mindgrid.shared.db.NoExternalDatabaseCondition;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How this instance runs: on the embedded database or an external one, and whether it is a demo. The embedded
 * default is a demo; an external database is a demo only with {@code MINDGRID_DEMO=true}.
 */
@Component
public class Deployment {

	private final boolean embedded;

	private final boolean demo;

	public Deployment(Environment env) {
		this.embedded = NoExternalDatabaseCondition.isEmbedded(env.getProperty("spring.datasource.url"));
		String demoSetting = env.getProperty("mindgrid.demo");
		this.demo = demoSetting == null || demoSetting.isBlank() ? embedded : Boolean.parseBoolean(demoSetting.trim());
	}

	public boolean embedded() {
		return embedded;
	}

	public boolean demo() {
		return demo;
	}
}
