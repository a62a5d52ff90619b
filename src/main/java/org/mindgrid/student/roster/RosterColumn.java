package org.mindgrid.student.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a roster file, in the order of the template. The first six are required: without them a student
 * cannot be placed in a class; the rest are filled in where the school has them.
 */
public enum RosterColumn {

	STUDENT_NO("学号", true, 32, "studentno", "student_no"),
	NAME("姓名", true, 50, "name"),
	GENDER("性别", true, 8, "gender", "sex"),
	BIRTH_DATE("出生日期", true, 30, "出生年月日", "生日", "birthdate", "birth_date", "birthday"),
	GRADE("年级", true, 10, "grade"),
	CLASS_NAME("班级", true, 20, "class", "classname"),
	ETHNICITY("民族", false, 20, "ethnicity"),
	NATIVE_PLACE("籍贯", false, 100, "nativeplace", "native_place"),
	ADDRESS("家庭住址", false, 200, "家庭地址", "住址", "address"),
	GUARDIAN("监护人", false, 50, "监护人姓名", "家长", "家长姓名", "guardian"),
	GUARDIAN_PHONE("监护人电话", false, 20, "监护人手机", "家长电话", "联系电话", "guardianphone", "guardian_phone");

	private static final Map<String, RosterColumn> BY_HEADER = new HashMap<>();

	static {
		for (RosterColumn c : values()) {
			BY_HEADER.put(c.header, c);
			for (String alias : c.aliases) {
				BY_HEADER.put(alias, c);
			}
		}
	}

	private final String header;

	private final boolean required;

	private final int maxLength;

	private final List<String> aliases;

	RosterColumn(String header, boolean required, int maxLength, String... aliases) {
		this.header = header;
		this.required = required;
		this.maxLength = maxLength;
		this.aliases = List.of(aliases);
	}

	/** The header as the template writes it; also the {@code column} of an error. */
	public String header() {
		return header;
	}

	public boolean required() {
		return required;
	}

	public int maxLength() {
		return maxLength;
	}

	/**
	 * The column a header cell names. Spaces, full-width forms, a required-marker ({@code *}, {@code （必填）}) and
	 * the case of English names do not matter.
	 */
	public static Optional<RosterColumn> byHeader(String cell) {
		if (cell == null) {
			return Optional.empty();
		}
		String key = RosterText.ascii(cell)
			.replaceAll("\\s+", "")
			.replace("*", "")
			.replace("(必填)", "")
			.replace("(选填)", "")
			.toLowerCase(Locale.ROOT);
		return Optional.ofNullable(BY_HEADER.get(key));
	}
}
