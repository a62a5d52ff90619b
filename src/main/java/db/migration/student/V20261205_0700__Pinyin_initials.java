package db.migration.student;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 11 point 2: the first letters of every reading of each Chinese character (CJK Unified Ideographs and
 * Extension A), so that the database can give each student's name its pinyin initials (张三 → zs) whoever writes
 * the row. A character with several readings keeps them all (曾 → cz): a name is found by any of its readings.
 */
public class V20261205_0700__Pinyin_initials extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("create table pinyin_initial (ch text primary key, initials text not null)");
		}
		try (PreparedStatement insert = connection
			.prepareStatement("insert into pinyin_initial (ch, initials) values (?, ?)")) {
			int batched = 0;
			for (int[] range : new int[][] { { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF } }) {
				for (int cp = range[0]; cp <= range[1]; cp++) {
					String initials = initials((char) cp);
					if (initials.isEmpty()) {
						continue;
					}
					insert.setString(1, String.valueOf((char) cp));
					insert.setString(2, initials);
					insert.addBatch();
					if (++batched % 2000 == 0) {
						insert.executeBatch();
					}
				}
			}
			insert.executeBatch();
		}
	}

	/** Distinct first letters of the character's readings, in pinyin4j's order (the common reading first). */
	static String initials(char ch) {
		String[] readings = PinyinHelper.toHanyuPinyinStringArray(ch);
		if (readings == null) {
			return "";
		}
		Set<Character> letters = new LinkedHashSet<>();
		for (String reading : readings) {
			if (!reading.isEmpty() && reading.charAt(0) >= 'a' && reading.charAt(0) <= 'z') {
				letters.add(reading.charAt(0));
			}
		}
		StringBuilder out = new StringBuilder();
		letters.forEach(out::append);
		return out.toString();
	}
}
