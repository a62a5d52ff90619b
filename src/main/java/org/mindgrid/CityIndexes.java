package org.mindgrid;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plain indexes (those backing no constraint) of the bulk tables, kept as their definitions while they are
 * dropped for the load: one sort per index at the end costs a fraction of maintaining it row by row in 128 MB of
 * shared buffers. Dropped and recreated in the generator's transaction, so a failure restores them by rolling back.
 * Unique ones (one open report or case per student, one open duty per source) are checked again as they are built.
 */
record CityIndexes(List<Definition> definitions) {

	record Definition(String name, String sql) {
	}

	static CityIndexes drop(JdbcClient jdbc, List<String> tables) {
		List<Definition> found = jdbc.sql("""
				select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
				  from pg_index i join pg_class t on t.oid = i.indrelid
				 where t.relname = any(:tables) and t.relnamespace = current_schema()::regnamespace
				   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
				 order by 1""")
			.param("tables", tables.toArray(String[]::new))
			.query((rs, n) -> new Definition(rs.getString(1), rs.getString(2)))
			.list();
		for (Definition d : found) {
			jdbc.sql("drop index " + d.name()).update();
		}
		return new CityIndexes(found);
	}

	int count() {
		return definitions.size();
	}

	long recreate(JdbcClient jdbc) {
		for (Definition d : definitions) {
			jdbc.sql(d.sql()).update();
		}
		return 0;
	}
}
