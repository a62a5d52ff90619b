package org.mindgrid.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code mindgrid-backup.properties}, the last entry of a backup file: what it holds (schema version, tables with
 * their columns, row counts and SHA-256, sequences) so that a restore can check every byte before it replaces
 * anything.
 */
final class BackupManifest {

	static final String ENTRY = "mindgrid-backup.properties";

	static final String FORMAT = "mindgrid-backup/1";

	record Table(String name, List<String> columns, long rows, String sha256) {

		String entry() {
			return "data/" + name + ".copy";
		}
	}

	record Sequence(String name, long lastValue, boolean called) {
	}

	final Properties props;

	BackupManifest(Properties props) {
		this.props = props;
	}

	static BackupManifest create(String created, String server, List<String> schemaVersions) {
		Properties p = new Properties();
		p.setProperty("format", FORMAT);
		p.setProperty("created", created);
		p.setProperty("server", server);
		p.setProperty("schema.version", schemaVersions.isEmpty() ? "" : schemaVersions.get(schemaVersions.size() - 1));
		p.setProperty("schema.versions", String.join(",", schemaVersions));
		p.setProperty("tables", "");
		p.setProperty("sequences", "");
		return new BackupManifest(p);
	}

	void add(Table t) {
		append("tables", t.name());
		props.setProperty("table." + t.name() + ".columns", String.join(",", t.columns()));
		props.setProperty("table." + t.name() + ".rows", Long.toString(t.rows()));
		props.setProperty("table." + t.name() + ".sha256", t.sha256());
	}

	void add(Sequence s) {
		append("sequences", s.name());
		props.setProperty("sequence." + s.name(), s.lastValue() + "," + s.called());
	}

	private void append(String key, String value) {
		String list = props.getProperty(key);
		props.setProperty(key, list.isEmpty() ? value : list + "," + value);
	}

	String format() {
		return props.getProperty("format", "");
	}

	String created() {
		return props.getProperty("created", "");
	}

	String schemaVersion() {
		return props.getProperty("schema.version", "");
	}

	List<String> schemaVersions() {
		return split(props.getProperty("schema.versions", ""));
	}

	List<Table> tables() {
		List<Table> tables = new ArrayList<>();
		for (String name : split(props.getProperty("tables", ""))) {
			tables.add(new Table(name, split(props.getProperty("table." + name + ".columns", "")),
					Long.parseLong(props.getProperty("table." + name + ".rows", "0")),
					props.getProperty("table." + name + ".sha256", "")));
		}
		return tables;
	}

	List<Sequence> sequences() {
		List<Sequence> sequences = new ArrayList<>();
		for (String name : split(props.getProperty("sequences", ""))) {
			String[] v = props.getProperty("sequence." + name, "1,false").split(",");
			sequences.add(new Sequence(name, Long.parseLong(v[0]), Boolean.parseBoolean(v[1])));
		}
		return sequences;
	}

	void write(OutputStream out) throws IOException {
		var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		props.store(writer, "MindGrid backup: restore with java -jar mindgrid.jar restore --from FILE");
		writer.flush();
	}

	static BackupManifest read(InputStream in) throws IOException {
		Properties p = new Properties();
		p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		return new BackupManifest(p);
	}

	private static List<String> split(String list) {
		return list.isBlank() ? List.of() : Arrays.asList(list.split(","));
	}
}
