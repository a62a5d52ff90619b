package org.mindgrid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.audit.AuditChain;
import org.mindgrid.audit.AuditLog;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup}, {@code restore} and {@code audit-verify} as the jar runs them ({@link Commands}, in this JVM),
 * against an application with the demo data on a data directory of its own: back up while it runs, change data,
 * restore (refused while it runs), and find the old data with an intact audit chain.
 */
class BackupRestoreIntegrationTests {

	record Result(int exit, String out, String err) {
	}

	static final List<String> TABLES = List.of("school", "app_user", "post", "student", "growth_archive",
			"mentor_assignment", "flyway_schema_history");

	Path root;

	String dataDir;

	/** The data directories hold a cluster and the unpacked binaries each: don't keep them. */
	@AfterEach
	void removeDataDirectory() throws IOException {
		if (root != null) {
			try (var siblings = Files.list(root.getParent())) {
				for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(root.getFileName().toString()))
					.toList()) {
					FileSystemUtils.deleteRecursively(p);
				}
			}
		}
	}

	Result command(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = dataDir;
		int exit = Commands.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	ConfigurableApplicationContext app() {
		return SpringApplication.run(MindGridApplication.class, "--server.port=0", dataDir, "--mindgrid.demo=true");
	}

	Map<String, Long> counts(JdbcClient jdbc) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	@Test
	void backUpChangeRestoreAndFindTheOldData() throws Exception {
		root = Files.createDirectories(Path.of("target", "backup-restore-it")).resolve("run-" + System.nanoTime());
		dataDir = "--mindgrid.data-dir=" + root.toAbsolutePath();
		Path backup = root.resolveSibling(root.getFileName() + "-backup.mgbackup");
		long studentId;
		String name;
		Map<String, Long> before;
		long auditBefore;

		try (ConfigurableApplicationContext app = app()) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			studentId = jdbc.sql("select min(id) from student").query(Long.class).single();
			name = jdbc.sql("select name from student where id = :id").param("id", studentId).query(String.class).single();
			record(app, "BEFORE_BACKUP");
			before = counts(jdbc);
			auditBefore = jdbc.sql("select count(*) from audit_event").query(Long.class).single();

			// Hot backup while the application runs on the directory.
			Result done = command("backup", "--to", backup.toString());
			assertThat(done.exit()).as(done.err()).isZero();
			assertThat(done.out()).contains("备份完成").contains(backup.getFileName().toString());
			assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThat(jdbc.sql("select count(*) from audit_event where action = 'DATABASE_BACKUP' and resource = :r")
				.param("r", "backup/" + backup.getFileName()).query(Long.class).single()).isEqualTo(1);
			assertThat(command("backup", "--to", backup.toString()).exit()).isEqualTo(3);

			// Changes after the backup, which the restore must undo.
			jdbc.sql("update student set name = '改过的名字' where id = :id").param("id", studentId).update();
			record(app, "AFTER_BACKUP");

			Result refused = command("restore", "--from", backup.toString());
			assertThat(refused.exit()).isEqualTo(3);
			assertThat(refused.err()).contains("正被另一个 MindGrid 进程使用").contains("holder=app");
		}

		Result damaged = command("restore", "--from", damagedCopy(backup).toString());
		assertThat(damaged.exit()).as(damaged.out() + damaged.err()).isEqualTo(4);
		assertThat(damaged.err()).contains("已损坏").contains("student");
		Path notABackup = Files.writeString(root.resolveSibling(root.getFileName() + ".txt"), "hello");
		assertThat(command("restore", "--from", notABackup.toString(), "--lang=en").err())
			.contains("is not a MindGrid backup file");

		Result restored = command("restore", "--from", backup.toString());
		assertThat(restored.exit()).as(restored.err()).isZero();
		assertThat(restored.out()).contains("恢复完成").contains("mindgrid_before_restore");

		Result verified = command("audit-verify");
		assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
		assertThat(verified.out()).contains("访问记录哈希链完整");

		try (ConfigurableApplicationContext app = app()) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select name from student where id = :id").param("id", studentId)
				.query(String.class).single()).isEqualTo(name);
			assertThat(counts(jdbc)).isEqualTo(before);
			assertThat(jdbc.sql("select count(*) from audit_event where action = 'AFTER_BACKUP'").query(Long.class)
				.single()).isZero();
			assertThat(jdbc.sql("select count(*) from audit_event where action = 'BEFORE_BACKUP'").query(Long.class)
				.single()).isEqualTo(1);
			// The backup's rows and the restore's own line.
			assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(auditBefore + 1);
			assertThat(jdbc.sql("select count(*) from audit_event where action = 'DATABASE_RESTORE'").query(Long.class)
				.single()).isEqualTo(1);
			// Sequences came back too: new rows get fresh ids.
			record(app, "AFTER_RESTORE");
			assertThat(app.getBean(AuditChain.class).verifyAll().intact()).isTrue();

			// audit-verify against the running application names a row a superuser changed.
			long victim = jdbc.sql("select id from audit_event where action = 'BEFORE_BACKUP'").query(Long.class).single();
			app.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
				jdbc.sql("set local session_replication_role = replica").update();
				jdbc.sql("update audit_event set detail = 'forged' where id = :id").param("id", victim).update();
			});
			Result broken = command("audit-verify", "--lang=en");
			assertThat(broken.exit()).isEqualTo(1);
			assertThat(broken.out()).contains("first failing entry number " + victim)
				.contains("the entry's contents were changed");
			// The same check against an external database (here: this server, reached by its URL).
			int port = app.getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class).getPort();
			String own = dataDir;
			dataDir = "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres";
			Result external = command("audit-verify", "--spring.datasource.username=postgres");
			dataDir = own;
			assertThat(external.exit()).as(external.err()).isEqualTo(1);
			assertThat(external.out()).contains("外部数据库").contains("第一条异常记录编号 " + victim);
		}

		// Disaster recovery: the backup restored on a machine that has no data directory yet.
		Path elsewhere = root.resolveSibling(root.getFileName() + "-new-machine");
		String own = dataDir;
		dataDir = "--mindgrid.data-dir=" + elsewhere.toAbsolutePath();
		try {
			Result fresh = command("restore", "--from", backup.toString());
			assertThat(fresh.exit()).as(fresh.err()).isZero();
			assertThat(command("audit-verify").exit()).isZero();
			try (ConfigurableApplicationContext app = app()) {
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select name from student where id = :id").param("id", studentId)
					.query(String.class).single()).isEqualTo(name);
				assertThat(counts(jdbc)).isEqualTo(before);
			}
		}
		finally {
			dataDir = own;
			FileSystemUtils.deleteRecursively(elsewhere);
		}
	}

	@Test
	void externalDatabasesAreBackedUpWithPgDump() {
		dataDir = "--spring.datasource.url=jdbc:postgresql://localhost:1/none";
		Result r = command("backup", "--to", "target/never.mgbackup", "--lang=en");
		assertThat(r.exit()).isEqualTo(3);
		assertThat(r.err()).contains("pg_dump -Fc");
		assertThat(Path.of("target/never.mgbackup")).doesNotExist();
	}

	@Test
	void aDirectoryWithoutADatabaseIsNamed() throws IOException {
		Path empty = Files.createDirectories(Path.of("target", "backup-restore-it", "empty-" + System.nanoTime()));
		root = empty;
		dataDir = "--mindgrid.data-dir=" + empty.toAbsolutePath();
		Result r = command("audit-verify");
		assertThat(r.exit()).isEqualTo(4);
		assertThat(r.err()).contains(empty.toAbsolutePath().toString()).contains("还没有数据库");
		assertThat(command("backup", "--to", empty.resolve("x.mgbackup").toString()).exit()).isEqualTo(4);
		assertThat(empty.resolve("x.mgbackup")).doesNotExist();
	}

	private static void record(ConfigurableApplicationContext app, String action) {
		app.getBean(TransactionTemplate.class)
			.executeWithoutResult(s -> app.getBean(AuditLog.class).record(action, "test/backup", null, null));
	}

	/** The backup with one student's name changed in the copy of the student table: the checksum must catch it. */
	private Path damagedCopy(Path backup) throws IOException {
		Path damaged = root.resolveSibling(root.getFileName() + "-damaged.mgbackup");
		try (ZipFile in = new ZipFile(backup.toFile());
				OutputStream file = Files.newOutputStream(damaged);
				ZipOutputStream out = new ZipOutputStream(file)) {
			Enumeration<? extends ZipEntry> entries = in.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				byte[] bytes;
				try (InputStream data = in.getInputStream(entry)) {
					bytes = data.readAllBytes();
				}
				if (entry.getName().equals("data/student.copy")) {
					String text = new String(bytes, StandardCharsets.UTF_8);
					int tab = text.indexOf('\t');
					bytes = (text.substring(0, tab) + "\t9" + text.substring(tab + 2)).getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		return damaged;
	}
}
