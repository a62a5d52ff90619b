package org.mindgrid.shared.db;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * A consistent copy of every table of the application's schema into one file, while the application keeps
 * running: a read-only repeatable-read transaction (one snapshot) and PostgreSQL's {@code COPY ... TO STDOUT} per
 * table into a zip, with a manifest last (ADR 0013). Needs no {@code pg_dump}: the embedded binaries have none.
 */
public final class DatabaseBackup {

	/** What was written. */
	public record Summary(Path file, int tables, long rows, long bytes, String schemaVersion) {
	}

	private DatabaseBackup() {
	}

	public static Summary write(DataSource dataSource, Path file) throws IOException, SQLException {
		Path target = file.toAbsolutePath().normalize();
		if (Files.exists(target)) {
			throw new DatabaseCommandException(DatabaseCommandException.REFUSED, "command.backup.exists", target);
		}
		Files.createDirectories(target.getParent());
		// Written aside and moved into place: an interrupted backup never leaves a file that looks complete.
		Path partial = target.resolveSibling("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
		Files.deleteIfExists(partial);
		createPrivate(partial);
		try {
			BackupManifest manifest;
			try (Connection c = dataSource.getConnection();
					OutputStream file0 = Files.newOutputStream(partial, StandardOpenOption.WRITE);
					ZipOutputStream zip = new ZipOutputStream(file0)) {
				c.setAutoCommit(false);
				try (Statement s = c.createStatement()) {
					s.execute("set transaction isolation level repeatable read, read only");
				}
				manifest = BackupManifest.create(Instant.now().toString(), serverVersion(c), schemaVersions(c));
				for (String table : Catalog.tables(c)) {
					List<String> columns = Catalog.columns(c, table);
					zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
					MessageDigest sha = sha256();
					long rows = c.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyOut("copy " + Catalog.quote(table) + " (" + Catalog.quoteAll(columns) + ") to stdout",
								new DigestOutputStream(new KeepOpen(zip), sha));
					zip.closeEntry();
					manifest.add(new BackupManifest.Table(table, columns, rows, HexFormat.of().formatHex(sha.digest())));
				}
				// Read after the tables: a sequence is never behind the ids in the copy.
				for (String sequence : Catalog.sequences(c)) {
					try (Statement s = c.createStatement();
							ResultSet rs = s.executeQuery("select last_value, is_called from " + Catalog.quote(sequence))) {
						rs.next();
						manifest.add(new BackupManifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2)));
					}
				}
				c.rollback();
				zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
				manifest.write(zip);
				zip.closeEntry();
			}
			try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
				ch.force(true);
			}
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException e) {
				throw new DatabaseCommandException(DatabaseCommandException.REFUSED, "command.backup.exists", target);
			}
			List<BackupManifest.Table> tables = manifest.tables();
			return new Summary(target, tables.size(), tables.stream().mapToLong(BackupManifest.Table::rows).sum(),
					Files.size(target), manifest.schemaVersion());
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static void createPrivate(Path path) throws IOException {
		try {
			Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException e) {
			Files.createFile(path);
		}
	}

	private static String serverVersion(Connection c) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static List<String> schemaVersions(Connection c) throws SQLException {
		if (!Catalog.tables(c).contains("flyway_schema_history")) {
			throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.backup.no-schema");
		}
		List<String> versions = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
				"select version from flyway_schema_history where success and version is not null order by installed_rank")) {
			while (rs.next()) {
				versions.add(rs.getString(1));
			}
		}
		return versions;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** COPY must not close the zip it writes an entry of. */
	private static final class KeepOpen extends FilterOutputStream {

		KeepOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
