package org.mindgrid.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a data directory: {@code pg/} holds the cluster, {@code pg-bin/} the unpacked
 * binaries. The application and the backup/restore commands start it the same way.
 */
public final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private EmbeddedDatabase() {
	}

	public static Path cluster(Path root) {
		return root.resolve("pg");
	}

	/** True when the data directory holds an initialised cluster. */
	public static boolean exists(Path root) {
		return Files.exists(cluster(root).resolve("PG_VERSION"));
	}

	/** Starts the server; the caller must hold the {@link DataDirLock} of {@code root}. */
	public static EmbeddedPostgres start(Path root, boolean clean) throws IOException {
		Path pgData = cluster(root);
		Path work = root.resolve("pg-bin");
		Files.createDirectories(pgData);
		Files.createDirectories(work);
		StalePostmaster.stopIfRunning(pgData);
		long started = System.nanoTime();
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(clean)
			.setOverrideWorkingDirectory(work.toFile())
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "50")
			// sized for the host (issue 11 point 3): the defaults (128 MB buffers) are for a 1990s machine
			.setServerConfig("shared_buffers", HostMemory.sharedBuffers())
			.setServerConfig("effective_cache_size", HostMemory.effectiveCacheSize())
			.setServerConfig("work_mem", "16MB")
			.setServerConfig("maintenance_work_mem", "256MB")
			.setServerConfig("random_page_cost", "1.1")
			// JIT compiles plans for seconds-long analytics; our queries take milliseconds and it only adds to them
			.setServerConfig("jit", "off")
			// a small scope must not start parallel workers (they cost more than they save below ~10k rows)
			.setServerConfig("parallel_setup_cost", "10000")
			.setServerConfig("min_parallel_table_scan_size", "64MB")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		log.info("Embedded PostgreSQL on port {} with data in {} started in {} ms", pg.getPort(), pgData,
				(System.nanoTime() - started) / 1_000_000);
		return pg;
	}

	/**
	 * The port of the server running on {@code root}, read from {@code postmaster.pid} (line 4), when its process
	 * is alive: how a command reaches the database of a running application.
	 */
	public static OptionalInt runningPort(Path root) {
		Path pidFile = cluster(root).resolve("postmaster.pid");
		try {
			List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
			if (lines.size() < 4) {
				return OptionalInt.empty();
			}
			long pid = Long.parseLong(lines.get(0).trim());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				return OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
			}
		}
		catch (IOException | NumberFormatException e) {
			log.warn("Could not read {}: {}", pidFile, e.getMessage());
		}
		return OptionalInt.empty();
	}
}
