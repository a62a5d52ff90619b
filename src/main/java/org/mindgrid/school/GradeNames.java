package org.mindgrid.school;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads how schools write a grade (八年级, 初二, 8, 8年级, 高一, 九年级) and the standard name for a level.
 */
public final class GradeNames {

	private static final String[] NAMES = { "一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级",
			"高一", "高二", "高三" };

	private static final Map<String, Integer> ALIASES = Map.ofEntries(Map.entry("初一", 7), Map.entry("初二", 8),
			Map.entry("初三", 9), Map.entry("高一", 10), Map.entry("高二", 11), Map.entry("高三", 12),
			Map.entry("十年级", 10), Map.entry("十一年级", 11), Map.entry("十二年级", 12));

	private static final String DIGITS = "零一二三四五六七八九";

	private GradeNames() {
	}

	public static String nameOf(int level) {
		if (level < 1 || level > 12) {
			throw new IllegalArgumentException("grade level " + level);
		}
		return NAMES[level - 1];
	}

	public static OptionalInt parse(String raw) {
		if (raw == null) {
			return OptionalInt.empty();
		}
		String s = raw.strip().replace(" ", "");
		if (ALIASES.containsKey(s)) {
			return OptionalInt.of(ALIASES.get(s));
		}
		s = s.replace("年级", "").replace("级", "");
		if (s.matches("\\d{1,2}")) {
			int level = Integer.parseInt(s);
			return level >= 1 && level <= 12 ? OptionalInt.of(level) : OptionalInt.empty();
		}
		if (s.length() == 1 && DIGITS.indexOf(s.charAt(0)) > 0) {
			return OptionalInt.of(DIGITS.indexOf(s.charAt(0)));
		}
		return OptionalInt.empty();
	}

	/** "1", "1班", "（1）班", "(1)班" → "1班"; other names (e.g. 实验班) are kept as written. */
	public static String normalizeClassName(String raw) {
		if (raw == null) {
			return "";
		}
		String s = raw.strip().replace(" ", "").replace("（", "(").replace("）", ")");
		String digits = s.replaceAll("^\\(?(\\d{1,2})\\)?班?$", "$1");
		if (digits.matches("\\d{1,2}")) {
			return Integer.parseInt(digits) + "班";
		}
		return s;
	}
}
