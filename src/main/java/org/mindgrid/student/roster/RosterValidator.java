package org.mindgrid.student.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mindgrid.school.Stage;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Checks every line of a roster and turns the valid ones into {@link RosterRow}s. The header row may have its
 * columns in any order (unknown columns are ignored) and may sit below a title line; every problem is reported with
 * its row and column, so a school fixes the whole file in one go.
 */
final class RosterValidator {

	static final int MAX_ROWS = 50_000;

	/** A title row or two above the header is common; the header is the first line naming three columns. */
	private static final int HEADER_SEARCH_LINES = 10;

	record Result(List<RosterRow> rows, List<RosterError> errors) {
	}

	private final Stage stage;

	private final RosterFields fields;

	RosterValidator(Stage stage, LocalDate today) {
		this.stage = stage;
		this.fields = new RosterFields(today);
	}

	Result validate(RosterSheet sheet) {
		List<RosterSheet.Line> lines = sheet.lines().stream().filter(l -> !l.blank()).toList();
		List<RosterError> errors = new ArrayList<>();
		if (lines.isEmpty()) {
			return new Result(List.of(), List.of(RosterError.of(0, "", "roster.file.no-content")));
		}
		RosterSheet.Line header = findHeader(lines);
		Map<RosterColumn, Integer> columns = columns(header, errors);
		if (!errors.isEmpty()) {
			return new Result(List.of(), errors);
		}
		List<RosterSheet.Line> data = lines.subList(lines.indexOf(header) + 1, lines.size());
		if (data.isEmpty()) {
			return new Result(List.of(), List.of(RosterError.of(header.number(), "", "roster.file.no-rows")));
		}
		if (data.size() > MAX_ROWS) {
			return new Result(List.of(), List.of(RosterError.of(0, "", "roster.file.too-many-rows", MAX_ROWS)));
		}
		List<RosterRow> rows = new ArrayList<>(data.size());
		Map<String, Integer> firstRowOfNo = new HashMap<>();
		for (RosterSheet.Line line : data) {
			RosterRow row = row(line, columns, errors);
			if (row == null) {
				continue;
			}
			Integer first = firstRowOfNo.putIfAbsent(row.studentNo(), line.number());
			if (first != null) {
				errors.add(RosterError.of(line.number(), RosterColumn.STUDENT_NO.header(), "roster.student-no.duplicate",
						first));
				continue;
			}
			rows.add(row);
		}
		return new Result(errors.isEmpty() ? rows : List.of(), named(errors, data, columns));
	}

	/** Each row's errors name the row's 学号 and 姓名 as typed (cleaned of padding), whatever was wrong with them. */
	private static List<RosterError> named(List<RosterError> errors, List<RosterSheet.Line> data,
			Map<RosterColumn, Integer> columns) {
		Map<Integer, RosterSheet.Line> byNumber = new HashMap<>();
		data.forEach(l -> byNumber.put(l.number(), l));
		int no = columns.getOrDefault(RosterColumn.STUDENT_NO, -1);
		int name = columns.getOrDefault(RosterColumn.NAME, -1);
		return errors.stream().map(e -> {
			RosterSheet.Line line = byNumber.get(e.row());
			return line == null ? e : e.naming(RosterText.ascii(line.cell(no)),
					RosterFields.HAN_SPACE.matcher(RosterText.clean(line.cell(name))).replaceAll(""));
		}).toList();
	}

	private static RosterSheet.Line findHeader(List<RosterSheet.Line> lines) {
		return lines.stream()
			.limit(HEADER_SEARCH_LINES)
			.filter(l -> l.cells().stream().filter(c -> RosterColumn.byHeader(c).isPresent()).count() >= 3)
			.findFirst()
			.orElse(lines.get(0));
	}

	private static Map<RosterColumn, Integer> columns(RosterSheet.Line header, List<RosterError> errors) {
		Map<RosterColumn, Integer> columns = new EnumMap<>(RosterColumn.class);
		for (int i = 0; i < header.cells().size(); i++) {
			int index = i;
			RosterColumn.byHeader(header.cells().get(i)).ifPresent(c -> {
				if (columns.putIfAbsent(c, index) != null) {
					errors.add(RosterError.of(header.number(), c.header(), "roster.header.duplicate", c.header()));
				}
			});
		}
		List<String> missing = Stream.of(RosterColumn.values())
			.filter(c -> c.required() && !columns.containsKey(c))
			.map(RosterColumn::header)
			.toList();
		if (!missing.isEmpty()) {
			String required = Stream.of(RosterColumn.values())
				.filter(RosterColumn::required)
				.map(RosterColumn::header)
				.collect(Collectors.joining("、"));
			errors.add(RosterError.of(header.number(), String.join("、", missing), "roster.header.missing",
					String.join("、", missing), required));
		}
		return columns;
	}

	/** The row, or null when it has errors (added to {@code errors}). */
	private RosterRow row(RosterSheet.Line line, Map<RosterColumn, Integer> columns, List<RosterError> errors) {
		RosterFields.Row cells = fields.row(line, columns, errors);
		String studentNo = cells.studentNo();
		String name = cells.name();
		String gender = cells.gender();
		LocalDate birth = cells.birthDate();
		Integer level = cells.gradeLevel();
		if (level != null && !stage.hasGrade(level)) {
			cells.error(RosterColumn.GRADE, "roster.grade.not-in-school",
					new DefaultMessageSourceResolvable("roster.stage." + stage.name()),
					stage.firstGrade(), stage.lastGrade());
			level = null;
		}
		String className = cells.className(level);
		String ethnicity = cells.optional(RosterColumn.ETHNICITY);
		String nativePlace = cells.optional(RosterColumn.NATIVE_PLACE);
		String address = cells.optional(RosterColumn.ADDRESS);
		String guardian = cells.optional(RosterColumn.GUARDIAN);
		String phone = cells.phone();
		if (cells.failed()) {
			return null;
		}
		return new RosterRow(line.number(), studentNo, name, gender, birth, level, className, ethnicity, nativePlace,
				address, guardian, phone);
	}
}
