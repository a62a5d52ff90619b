package org.mindgrid.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;

/**
 * Restores a backup into the embedded server (ADR 0013): builds the backup's schema version with the migrations in
 * this program in a fresh database, loads every table with {@code COPY ... FROM STDIN} as superuser with triggers
 * off ({@code session_replication_role = replica}, so the append-only audit triggers and foreign keys do not
 * interfere), checks each table's row count and SHA-256 against the manifest, and only then swaps the fresh
 * database in. The replaced database is kept as {@value #PREVIOUS} until the next restore.
 */
public final class DatabaseRestore {

	public static final String PREVIOUS = "mindgrid_before_restore";

	static final String FRESH = "mindgrid_restore";

	static final String LIVE = "postgres";

	/** What was restored. */
	public record Summary(Path file, String created, String schemaVersion, int tables, long rows, String previous) {
	}

	private DatabaseRestore() {
	}

	/** {@code db} must be exclusive: no application runs on the data directory. */
	public static Summary restore(CommandDatabase db, Path file, String... flywayLocations)
			throws IOException, SQLException {
		if (!db.embedded() || !db.exclusiveAccess()) {
			throw new IllegalArgumentException("restore needs the embedded database to itself");
		}
		Path source = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(source)) {
			throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.restore.no-file", source);
		}
		try (ZipFile zip = open(source)) {
			BackupManifest manifest = manifest(zip, source);
			execute(db.dataSource(LIVE), "drop database if exists " + FRESH, "create database " + FRESH
					+ " template template0 encoding 'UTF8'");
			DataSource fresh = db.dataSource(FRESH);
			long rows;
			try {
				migrate(fresh, manifest, flywayLocations);
				rows = load(fresh, zip, manifest, source);
			}
			catch (IOException | SQLException | RuntimeException e) {
				// Nothing live was touched: only the half-built database goes.
				execute(db.dataSource(LIVE), "drop database if exists " + FRESH + " with (force)");
				throw e;
			}
			swap(db.dataSource("template1"));
			return new Summary(source, manifest.created(), manifest.schemaVersion(), manifest.tables().size(), rows,
					PREVIOUS);
		}
	}

	private static ZipFile open(Path source) throws IOException {
		try {
			return new ZipFile(source.toFile());
		}
		catch (ZipException e) {
			throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.restore.not-a-backup", source);
		}
	}

	private static BackupManifest manifest(ZipFile zip, Path source) throws IOException {
		ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
		if (entry == null) {
			throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.restore.not-a-backup", source);
		}
		try (InputStream in = zip.getInputStream(entry)) {
			BackupManifest manifest = BackupManifest.read(in);
			if (!BackupManifest.FORMAT.equals(manifest.format())) {
				throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.restore.not-a-backup",
						source);
			}
			return manifest;
		}
	}

	/** The backup's schema, from this program's migrations: refused if the backup is newer than the program. */
	private static void migrate(DataSource fresh, BackupManifest manifest, String[] locations) {
		String version = manifest.schemaVersion();
		Flyway probe = Flyway.configure().dataSource(fresh).locations(locations).load();
		Set<String> known = java.util.Arrays.stream(probe.info().all())
			.map(MigrationInfo::getVersion)
			.filter(v -> v != null)
			.map(MigrationVersion::getVersion)
			.collect(Collectors.toSet());
		if (!known.containsAll(manifest.schemaVersions())) {
			throw new DatabaseCommandException(DatabaseCommandException.REFUSED, "command.restore.newer-backup",
					version);
		}
		Flyway flyway = Flyway.configure()
			.dataSource(fresh)
			.locations(locations)
			.target(MigrationVersion.fromVersion(version))
			.load();
		flyway.migrate();
		Set<String> applied = java.util.Arrays.stream(flyway.info().applied())
			.filter(i -> i.getVersion() != null)
			.map(i -> i.getVersion().getVersion())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (!applied.equals(new LinkedHashSet<>(manifest.schemaVersions()))) {
			throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.restore.schema-mismatch",
					version);
		}
	}

	private static long load(DataSource fresh, ZipFile zip, BackupManifest manifest, Path source)
			throws IOException, SQLException {
		long total = 0;
		try (Connection c = fresh.getConnection()) {
			c.setAutoCommit(false);
			List<String> present = Catalog.tables(c);
			try (Statement s = c.createStatement()) {
				s.execute("set local session_replication_role = replica");
				List<String> tables = manifest.tables().stream().map(BackupManifest.Table::name).toList();
				for (String table : tables) {
					if (!present.contains(table)) {
						throw new DatabaseCommandException(DatabaseCommandException.FAILED,
								"command.restore.schema-mismatch", table);
					}
				}
				// Rows the migrations themselves inserted are replaced by the backup's.
				if (!tables.isEmpty()) {
					s.execute("truncate " + tables.stream().map(Catalog::quote).collect(Collectors.joining(", ")));
				}
			}
			for (BackupManifest.Table table : manifest.tables()) {
				ZipEntry entry = zip.getEntry(table.entry());
				if (entry == null) {
					throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.restore.damaged",
							source, table.name());
				}
				MessageDigest sha = DatabaseBackup.sha256();
				long rows;
				try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
					rows = c.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("copy " + Catalog.quote(table.name()) + " (" + Catalog.quoteAll(table.columns())
								+ ") from stdin", in);
				}
				if (rows != table.rows() || !HexFormat.of().formatHex(sha.digest()).equals(table.sha256())) {
					throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.restore.damaged",
							source, table.name());
				}
				total += rows;
			}
			for (BackupManifest.Sequence sequence : manifest.sequences()) {
				try (PreparedStatement ps = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
					ps.setString(1, Catalog.quote(sequence.name()));
					ps.setLong(2, sequence.lastValue());
					ps.setBoolean(3, sequence.called());
					ps.execute();
				}
			}
			c.commit();
		}
		return total;
	}

	/** Both renames in one transaction: the live database is either the old or the restored one, never missing. */
	private static void swap(DataSource template1) throws SQLException {
		try (Connection c = template1.getConnection()) {
			try (Statement s = c.createStatement()) {
				s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname in ('" + LIVE + "', '"
						+ FRESH + "') and pid <> pg_backend_pid()");
				s.execute("drop database if exists " + PREVIOUS);
			}
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("alter database " + LIVE + " rename to " + PREVIOUS);
				s.execute("alter database " + FRESH + " rename to " + LIVE);
			}
			c.commit();
		}
	}

	private static void execute(DataSource ds, String... statements) throws SQLException {
		try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
			for (String sql : statements) {
				s.execute(sql);
			}
		}
	}
}
