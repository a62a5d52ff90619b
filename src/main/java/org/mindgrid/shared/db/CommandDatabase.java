package org.mindgrid.shared.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database a command line mode works on. Embedded: the server of the running application when there is one
 * (found through {@code postmaster.pid}), else a server this command starts on the data directory and stops
 * again, holding the directory's lock meanwhile. External: {@code spring.datasource.*}.
 */
public final class CommandDatabase implements AutoCloseable {

	private final Path root;

	private final DataDirLock lock;

	private final EmbeddedPostgres server;

	private final int port;

	private final DataSource external;

	private CommandDatabase(Path root, DataDirLock lock, EmbeddedPostgres server, int port, DataSource external) {
		this.root = root;
		this.lock = lock;
		this.server = server;
		this.port = port;
		this.external = external;
	}

	public static CommandDatabase external(String url, String username, String password) {
		DriverManagerDataSource ds = new DriverManagerDataSource(url, username, password == null ? "" : password);
		ds.setDriverClassName("org.postgresql.Driver");
		return new CommandDatabase(null, null, null, -1, ds);
	}

	/**
	 * The embedded database of {@code root}, shared with a running application if there is one. Refused when the
	 * directory holds no database yet.
	 */
	public static CommandDatabase embedded(Path root, String holder) throws IOException {
		if (!EmbeddedDatabase.exists(root)) {
			throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.no-database", root);
		}
		Optional<DataDirLock> lock = DataDirLock.tryAcquire(root, holder);
		if (lock.isPresent()) {
			return started(root, lock.get());
		}
		OptionalInt port = EmbeddedDatabase.runningPort(root);
		if (port.isEmpty()) {
			throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.not-reachable", root,
					DataDirLock.holder(root));
		}
		return new CommandDatabase(root, null, null, port.getAsInt(), null);
	}

	/** The embedded database of {@code root} for this command alone: refused while anything else runs on it. */
	public static CommandDatabase exclusive(Path root, String holder) throws IOException {
		Optional<DataDirLock> lock = DataDirLock.tryAcquire(root, holder);
		if (lock.isEmpty()) {
			throw new DatabaseCommandException(DatabaseCommandException.REFUSED, "command.in-use", root,
					DataDirLock.holder(root));
		}
		return started(root, lock.get());
	}

	private static CommandDatabase started(Path root, DataDirLock lock) throws IOException {
		try {
			EmbeddedPostgres server = EmbeddedDatabase.start(root, false);
			return new CommandDatabase(root, lock, server, server.getPort(), null);
		}
		catch (IOException | RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	public boolean embedded() {
		return external == null;
	}

	/** True when this command started the server itself (no application runs on the directory). */
	public boolean exclusiveAccess() {
		return server != null;
	}

	public Path root() {
		return root;
	}

	/** The application's database. */
	public DataSource dataSource() {
		return external != null ? external : dataSource("postgres");
	}

	/** Another database of the embedded server, connected to as its superuser. */
	public DataSource dataSource(String database) {
		if (external != null) {
			throw new IllegalStateException("only the embedded server has other databases");
		}
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setServerNames(new String[] { "localhost" });
		ds.setPortNumbers(new int[] { port });
		ds.setDatabaseName(database);
		ds.setUser("postgres");
		ds.setApplicationName("mindgrid-command");
		return ds;
	}

	@Override
	public void close() throws IOException {
		try {
			if (server != null) {
				server.close();
			}
		}
		finally {
			if (lock != null) {
				lock.close();
			}
		}
	}
}
