package org.mindgrid.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, started from the test's classpath without the test classes (the jar is not
 * built yet when integration tests run), so that a test can kill it with SIGKILL like a machine that dies.
 */
public final class AppProcess implements AutoCloseable {

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private AppProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/** Starts {@code MindGridApplication} on {@code port} with these {@code --key=value} arguments. */
	public static AppProcess start(String name, int port, Path log, List<String> args) throws IOException {
		return start(name, port, log, args, Map.of());
	}

	/** The same with these environment variables added to the test's own. */
	public static AppProcess start(String name, int port, Path log, List<String> args, Map<String, String> env)
			throws IOException {
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp", classpath,
				"org.mindgrid.MindGridApplication", "--server.port=" + port));
		command.addAll(args);
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(env);
		Process process = builder.start();
		return new AppProcess(name, port, process, log);
	}

	public int port() {
		return port;
	}

	public String base() {
		return "http://localhost:" + port;
	}

	public boolean alive() {
		return process.isAlive();
	}

	/** Waits until readiness answers 200 (demo data in, duties generated); fails with the log's end if it dies. */
	public void awaitReady(Duration limit) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long until = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < until) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
			}
			try {
				var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(name + " not ready after " + limit.toSeconds() + " s:\n" + logTail());
	}

	/** SIGKILL: no shutdown hook, no graceful close of connections, as when the machine dies. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(10, TimeUnit.SECONDS);
	}

	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}
}
