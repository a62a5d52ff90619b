package org.mindgrid.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After a kill -9 of the app the embedded server may still run on our data directory: stop it first. */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	private StalePostmaster() {
	}

	static void stopIfRunning(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.isEmpty()) {
				return;
			}
			long pid = Long.parseLong(lines.get(0).trim());
			ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
				log.warn("Stopping stale embedded PostgreSQL (pid {}) left on {}", pid, pgData);
				process.destroy();
				process.onExit().orTimeout(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
					.exceptionally(e -> {
						process.destroyForcibly();
						return process;
					}).join();
			});
		}
		catch (IOException | NumberFormatException e) {
			log.warn("Could not read {}: {}", pidFile, e.getMessage());
		}
	}
}
