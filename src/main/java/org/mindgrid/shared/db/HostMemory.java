package org.mindgrid.shared.db;

import java.lang.management.ManagementFactory;

/**
 * The embedded PostgreSQL's memory from the host's: a quarter for shared buffers (at most 4 GB), half as the
 * planner's idea of the file cache. The JVM, PostgreSQL's own processes and the OS cache share the rest.
 */
final class HostMemory {

	private static final long MB = 1024L * 1024;

	private HostMemory() {
	}

	static long totalMb() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getTotalMemorySize() / MB;
		}
		return 4096;
	}

	static String sharedBuffers() {
		return Math.max(128, Math.min(4096, totalMb() / 4)) + "MB";
	}

	static String effectiveCacheSize() {
		return Math.max(512, totalMb() / 2) + "MB";
	}
}
