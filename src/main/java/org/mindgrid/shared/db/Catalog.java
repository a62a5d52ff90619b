package org.mindgrid.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The tables, columns and sequences of the application's schema ({@code public}), as backup and restore see them. */
final class Catalog {

	private Catalog() {
	}

	static List<String> tables(Connection c) throws SQLException {
		return names(c, """
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = 'public' and c.relkind = 'r' order by c.relname""");
	}

	static List<String> sequences(Connection c) throws SQLException {
		return names(c, """
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = 'public' and c.relkind = 'S' order by c.relname""");
	}

	/** Stored columns in table order; generated columns are recomputed on restore. */
	static List<String> columns(Connection c, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("""
				select a.attname from pg_attribute a
				 where a.attrelid = ('public.' || quote_ident(?))::regclass and a.attnum > 0 and not a.attisdropped
				   and a.attgenerated = '' order by a.attnum""")) {
			ps.setString(1, table);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
		}
		return columns;
	}

	static String quote(String name) {
		return "public.\"" + name.replace("\"", "\"\"") + "\"";
	}

	static String quoteAll(List<String> columns) {
		return columns.stream().map(n -> "\"" + n.replace("\"", "\"\"") + "\"").collect(Collectors.joining(", "));
	}

	private static List<String> names(Connection c, String sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}
}
