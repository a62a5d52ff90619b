package org.mindgrid.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster of Debian's {@code postgresql} package (initdb and pg_ctl from
 * {@code /usr/lib/postgresql/<version>/bin}), on a free port on 127.0.0.1 and no Unix socket: the "external
 * PostgreSQL" of a production setup, for tests with more than one app instance. As root (CI) the server runs as the
 * package's {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class PostgresCluster implements AutoCloseable {

	private final Path bin;

	private final Path data;

	private final int port;

	private final boolean asPostgres;

	private final boolean temporary;

	private boolean running;

	private PostgresCluster(Path bin, Path data, int port, boolean asPostgres, boolean temporary) {
		this.bin = bin;
		this.data = data;
		this.port = port;
		this.asPostgres = asPostgres;
		this.temporary = temporary;
	}

	/** The newest installed server's bin directory, if the package is installed. */
	public static Optional<Path> binaries() {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		List<Path> found = new ArrayList<>();
		try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
			for (Path version : versions) {
				Path bin = version.resolve("bin");
				if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
					found.add(bin);
				}
			}
		}
		catch (IOException e) {
			return Optional.empty();
		}
		return found.stream()
			.max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
	}

	/**
	 * A new cluster in {@code dir} (emptied first), started and answering. As root, when the {@code postgres} user
	 * cannot reach {@code dir} (a checkout under a private directory), the cluster goes to a temporary directory.
	 */
	public static PostgresCluster start(Path bin, Path dir) throws IOException, InterruptedException {
		PostgresCluster cluster = prepare(bin, dir);
		cluster.run(60, bin.resolve("initdb").toString(), "-D", cluster.data.toString(), "-U",
				"postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
		cluster.startServer();
		return cluster;
	}

	/**
	 * A hot standby of this cluster in {@code dir}: a base backup streaming from it ({@code pg_basebackup -R}),
	 * started on a port of its own, its WAL receiver named {@code applicationName} (what
	 * {@code synchronous_standby_names} refers to).
	 */
	public PostgresCluster standby(Path dir, String applicationName) throws IOException, InterruptedException {
		PostgresCluster standby = prepare(bin, dir);
		standby.run(120, bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
				"-U", "postgres", "-D", standby.data.toString(), "-R", "-X", "stream", "--no-sync");
		// -R wrote primary_conninfo; the later line wins and names the standby
		Files.writeString(standby.data.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port="
				+ port + " user=postgres application_name=" + applicationName + "'\n", StandardOpenOption.APPEND);
		standby.startServer();
		return standby;
	}

	private static PostgresCluster prepare(Path bin, Path dir) throws IOException, InterruptedException {
		delete(dir);
		Files.createDirectories(dir);
		boolean asPostgres = "root".equals(System.getProperty("user.name"));
		boolean temporary = false;
		if (asPostgres) {
			UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
			Files.setOwner(dir, postgres);
			if (!reachableByPostgres(dir)) {
				dir = Files.createTempDirectory("mindgrid-pg-");
				Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
				Files.setOwner(dir, postgres);
				temporary = true;
			}
		}
		return new PostgresCluster(bin, dir.resolve("data"), freePort(), asPostgres, temporary);
	}

	private void startServer() throws IOException, InterruptedException {
		run(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
				data.resolveSibling("postgres.log").toString(), "-w", "-t", "60", "-o",
				"-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=60",
				"start");
		running = true;
	}

	/** A standby becomes a primary ({@code pg_ctl promote}, waiting until it accepts writes). */
	public void promote() throws IOException, InterruptedException {
		run(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "promote");
	}

	/** The server dies as with a power cut ({@code pg_ctl stop -m immediate}: no shutdown checkpoint). */
	public void kill() throws IOException, InterruptedException {
		if (running) {
			run(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
			running = false;
		}
	}

	public int port() {
		return port;
	}

	/** The server's log (for a failing test's message). */
	public Path log() {
		return data.resolveSibling("postgres.log");
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** A connection as the superuser {@code postgres} (no password: trust on loopback). */
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
	}

	public void createDatabase(String name) throws SQLException {
		try (Connection c = connect("postgres"); var s = c.createStatement()) {
			s.execute("create database " + name);
		}
	}

	/** Immediate stop: the cluster is thrown away. */
	@Override
	public void close() throws IOException, InterruptedException {
		kill();
		if (temporary) {
			delete(data.getParent());
		}
	}

	private void run(int seconds, String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>();
		if (asPostgres) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.addAll(List.of(command));
		Path log = data.resolveSibling(Path.of(command[0]).getFileName() + ".out");
		Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException(String.join(" ", line) + " did not finish in " + seconds + " s");
		}
		if (p.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", line) + " failed (" + p.exitValue() + "):\n"
					+ Files.readString(log));
		}
	}

	private static boolean reachableByPostgres(Path dir) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-w", dir.toString())
			.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
	}

	/** A port nobody listens on now. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
