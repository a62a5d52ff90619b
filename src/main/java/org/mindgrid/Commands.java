package org.mindgrid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mindgrid.audit.AuditChain;
import org.mindgrid.audit.AuditLog;
import org.mindgrid.audit.ChainCheck;
import org.mindgrid.shared.db.CommandDatabase;
import org.mindgrid.shared.db.DatabaseBackup;
import org.mindgrid.shared.db.DatabaseCommandException;
import org.mindgrid.shared.db.DatabaseRestore;
import org.mindgrid.shared.db.NoExternalDatabaseCondition;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command line modes of the jar: {@code audit-verify}, {@code backup --to FILE}, {@code restore --from FILE},
 * {@code generate --schools N --students N --records N} (a city for benchmarks, {@link CityGenerator}).
 * They read the same configuration as the application (application.properties, environment, {@code --key=value})
 * but start neither the web server nor the modules nor the demo data: only the database they need. Exit codes:
 * 0 done, 1 audit chain broken, 2 wrong usage, 3 refused, 4 failed.
 */
final class Commands {

	static final int OK = 0;

	static final int BROKEN = 1;

	static final int USAGE = 2;

	static final Set<String> NAMES = Set.of("audit-verify", "backup", "restore", "generate", "help");

	/** Options of the commands themselves; all other {@code --key=value} go to the configuration. */
	private static final Set<String> OWN_OPTIONS = Set.of("--to", "--from", "--lang", "--schools", "--students", "--records");

	/** The parsed command line. */
	record Invocation(String command, Map<String, String> options, List<String> configuration) {
	}

	/** A configuration-only context: property sources and logging, no beans. */
	@Configuration(proxyBeanMethods = false)
	static class ConfigurationOnly {
	}

	private Commands() {
	}

	/** The first argument that is not an option, if any: the application runs when there is none. */
	static String find(String[] args) {
		for (String arg : args) {
			if (!arg.startsWith("-")) {
				return arg;
			}
		}
		return null;
	}

	static Invocation parse(String[] args) {
		String command = null;
		Map<String, String> options = new HashMap<>();
		List<String> configuration = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (OWN_OPTIONS.contains(name)) {
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
						: i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
				options.put(name.substring(2), value);
			}
			else if (arg.startsWith("--")) {
				configuration.add(arg);
			}
			else if (command == null) {
				command = arg;
			}
			else {
				// A second word: nothing takes one.
				return new Invocation(null, options, configuration);
			}
		}
		return new Invocation(command, options, configuration);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Invocation call = parse(args);
		Messages messages = new Messages("en".equalsIgnoreCase(call.options().get("lang")) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE);
		if (call.command() == null || !NAMES.contains(call.command())) {
			err.println(messages.get("command.usage"));
			return USAGE;
		}
		if ("help".equals(call.command())) {
			out.println(messages.get("command.usage"));
			return OK;
		}
		String file = call.options().get("backup".equals(call.command()) ? "to" : "from");
		boolean needsFile = !"audit-verify".equals(call.command()) && !"generate".equals(call.command());
		if (needsFile && (file == null || file.isBlank())) {
			err.println(messages.get("command.missing-file", call.command()));
			err.println(messages.get("command.usage"));
			return USAGE;
		}
		try (ConfigurableApplicationContext context = configuration(call.configuration())) {
			Environment env = context.getEnvironment();
			return switch (call.command()) {
				case "audit-verify" -> verify(env, out, messages);
				case "backup" -> backup(env, Path.of(file), out, messages);
				case "generate" -> generate(env, call.options(), out, err, messages);
				default -> restore(env, Path.of(file), out, messages);
			};
		}
		catch (DatabaseCommandException e) {
			err.println(messages.get(e.messageKey(), e.args()));
			return e.exitCode();
		}
		catch (Exception e) {
			err.println(messages.get("command.failed", call.command(), String.valueOf(e.getMessage())));
			return DatabaseCommandException.FAILED;
		}
	}

	private static ConfigurableApplicationContext configuration(List<String> args) {
		// Nothing here needs Boot's background warm-up (Jackson, validation ...), and waiting for it is slow.
		if (System.getProperty("spring.backgroundpreinitializer.ignore") == null) {
			System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		}
		SpringApplication app = new SpringApplication(ConfigurationOnly.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setBannerMode(Banner.Mode.OFF);
		app.setLogStartupInfo(false);
		app.setRegisterShutdownHook(false);
		app.setDefaultProperties(Map.of("logging.level.root", "WARN"));
		return app.run(args.toArray(String[]::new));
	}

	private static int verify(Environment env, PrintStream out, Messages messages) throws Exception {
		try (CommandDatabase db = open(env, "audit-verify")) {
			boolean chained = JdbcClient.create(db.dataSource())
				.sql("select to_regclass('audit_chain_head') is not null")
				.query(Boolean.class)
				.single();
			if (!chained) {
				throw new DatabaseCommandException(DatabaseCommandException.FAILED, "command.verify.not-migrated");
			}
			ChainCheck check = AuditChain.over(db.dataSource()).verifyAll();
			out.println(messages.get(db.embedded() ? "command.database.embedded" : "command.database.external",
					db.root()));
			if (check.intact()) {
				out.println(messages.get("command.verify.ok", check.days().size(), check.rows()));
				return OK;
			}
			for (ChainCheck.Break b : check.breaks()) {
				out.println(messages.get("command.verify.break", b.day().toString(),
						b.eventId() == null ? "—" : b.eventId().toString(), Long.toString(b.seq()),
						messages.get("audit.integrity.kind." + b.kind())));
			}
			out.println(messages.get("command.verify.broken", check.breaks().size(), check.days().size(),
					check.rows(), check.firstBreak().eventId() == null ? "—" : check.firstBreak().eventId().toString()));
			return BROKEN;
		}
	}

	private static int backup(Environment env, Path file, PrintStream out, Messages messages) throws Exception {
		refuseExternal(env, "backup");
		try (CommandDatabase db = open(env, "backup")) {
			DatabaseBackup.Summary summary = DatabaseBackup.write(db.dataSource(), file);
			AuditLog.recordCommand(db.dataSource(), clock(env), "DATABASE_BACKUP",
					"backup/" + summary.file().getFileName(), "tables " + summary.tables() + " rows " + summary.rows()
							+ " schema " + summary.schemaVersion());
			out.println(messages.get("command.backup.done", summary.file().toString(), summary.tables(),
					summary.rows(), summary.bytes() / 1024, summary.schemaVersion()));
			return OK;
		}
	}

	private static int restore(Environment env, Path file, PrintStream out, Messages messages) throws Exception {
		refuseExternal(env, "restore");
		Path root = dataDir(env);
		try (CommandDatabase db = CommandDatabase.exclusive(root, "restore")) {
			String locations = env.getProperty("spring.flyway.locations", "classpath:db/migration");
			DatabaseRestore.Summary summary = DatabaseRestore.restore(db, file, locations.split(","));
			AuditLog.recordCommand(db.dataSource(), clock(env), "DATABASE_RESTORE",
					"backup/" + summary.file().getFileName(), "created " + summary.created() + " tables "
							+ summary.tables() + " rows " + summary.rows() + " schema " + summary.schemaVersion());
			out.println(messages.get("command.restore.done", summary.file().toString(), summary.created(),
					summary.tables(), summary.rows(), summary.schemaVersion(), root, summary.previous()));
			return OK;
		}
	}

	/** A city into an empty database: the data directory's (created if new, held for the run) or the external one. */
	private static int generate(Environment env, Map<String, String> options, PrintStream out, PrintStream err,
			Messages messages) throws Exception {
		CityGenerator.Options city = CityGenerator.Options.parse(options);
		if (city == null) {
			err.println(CityGenerator.USAGE);
			return USAGE;
		}
		String url = env.getProperty("spring.datasource.url");
		try (CommandDatabase db = NoExternalDatabaseCondition.isEmbedded(url)
				? CommandDatabase.exclusive(dataDir(env), "generate")
				: CommandDatabase.external(url, env.getProperty("spring.datasource.username"),
						env.getProperty("spring.datasource.password"))) {
			out.println(messages.get(db.embedded() ? "command.database.embedded" : "command.database.external",
					db.root()));
			String locations = env.getProperty("spring.flyway.locations", "classpath:db/migration");
			CityGenerator.Result result = new CityGenerator(out, clock(env)).generate(db.dataSource(), city,
					locations.split(","), err);
			return result == null ? CityGenerator.REFUSED : OK;
		}
	}

	private static CommandDatabase open(Environment env, String holder) throws Exception {
		String url = env.getProperty("spring.datasource.url");
		if (!NoExternalDatabaseCondition.isEmbedded(url)) {
			return CommandDatabase.external(url, env.getProperty("spring.datasource.username"),
					env.getProperty("spring.datasource.password"));
		}
		return CommandDatabase.embedded(dataDir(env), holder);
	}

	private static void refuseExternal(Environment env, String command) {
		if (!NoExternalDatabaseCondition.isEmbedded(env.getProperty("spring.datasource.url"))) {
			throw new DatabaseCommandException(DatabaseCommandException.REFUSED, "command.external", command);
		}
	}

	private static Path dataDir(Environment env) {
		return Path.of(env.getProperty("mindgrid.data-dir", "./data")).toAbsolutePath().normalize();
	}

	private static Clock clock(Environment env) {
		return Clock.system(ZoneId.of(env.getProperty("mindgrid.zone", "Asia/Shanghai")));
	}

	/** The commands' messages (i18n/commands) and the audit module's names of chain breaks. */
	static final class Messages {

		private final MessageSource source;

		private final Locale locale;

		Messages(Locale locale) {
			ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
			bundles.setBasenames("i18n/commands", "i18n/audit");
			bundles.setDefaultEncoding("UTF-8");
			bundles.setFallbackToSystemLocale(false);
			this.source = bundles;
			this.locale = locale;
		}

		String get(String key, Object... args) {
			return source.getMessage(key, args, key, locale);
		}
	}
}
