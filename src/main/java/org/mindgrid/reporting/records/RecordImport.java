package org.mindgrid.reporting.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.reporting.records.RecordInputs.ActivityInput;
import org.mindgrid.reporting.records.RecordInputs.JointMeetingInput;
import org.mindgrid.reporting.records.RecordInputs.LessonInput;
import org.mindgrid.reporting.records.RecordInputs.ParentSessionInput;
import org.mindgrid.reporting.records.RecordInputs.TrainingInput;
import org.mindgrid.reporting.records.RecordLedgers.Kind;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk entry of a ledger from the import template (.xlsx, one record per row). All or nothing: every row is checked
 * first (the same rules as the forms, by row and column); only a file without errors is written, in one transaction,
 * through the same writes as the API. Bulk entry is for the school's keepers (admin, leaders, psychology teachers)
 * and, for the district's trainings and joint meetings, its officers (ADR 0031).
 */
@Service
public class RecordImport {

	/** A district's semester of lessons is a few thousand rows; one file stays below this. */
	public static final int MAX_ROWS = 2_000;

	private static final DateTimeFormatter LOOSE_DATE = DateTimeFormatter.ofPattern("uuuu-M-d");

	private static final Locale[] LABEL_LOCALES = { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH };

	/** A problem in one cell (row 0, column empty: the file). */
	public record RowError(int row, String column, String message) {
	}

	public record Result(int imported, List<RowError> errors) {

		public boolean rejected() {
			return !errors.isEmpty();
		}
	}

	private final OversightRecords records;

	private final RecordAccess access;

	private final JdbcClient jdbc;

	private final Validator validator;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	RecordImport(OversightRecords records, RecordAccess access, JdbcClient jdbc, Validator validator,
			MessageSource messages, TransactionTemplate tx, AuditLog audit) {
		this.records = records;
		this.access = access;
		this.jdbc = jdbc;
		this.validator = validator;
		this.messages = messages;
		this.tx = tx;
		this.audit = audit;
	}

	/** The columns of the import template, in order (message keys {@code records.col.<column>}). */
	public static List<String> columns(Kind kind) {
		return switch (kind) {
			case LESSON -> List.of("date", "class", "periods", "topic", "teacher");
			case ACTIVITY -> List.of("date", "kind", "title", "organiser", "classes");
			case PARENT_SESSION -> List.of("date", "class", "topic", "headTeacher", "families");
			case TRAINING -> List.of("date", "kind", "title", "hours", "attendeeNames");
			case JOINT_MEETING -> List.of("date", "departments", "minutes", "decisions");
		};
	}

	/** Refuses, before the file is read, a caller who may not bulk-enter this ledger for the place. */
	public void checkImporter(Kind kind, Long schoolId, Long districtId) {
		boolean district = kind == Kind.JOINT_MEETING || (kind == Kind.TRAINING && schoolId == null);
		if (district) {
			if (districtId == null) {
				throw access.field("districtId", "records.v.required");
			}
			if (!access.isDistrictOfficer(districtId)) {
				throw access.forbidden();
			}
		}
		else {
			if (schoolId == null) {
				throw access.field("schoolId", "records.v.required");
			}
			if (!access.holds(schoolId, RecordAccess.SCHOOL_KEEPERS, null, List.of())) {
				throw access.forbidden();
			}
		}
	}

	public Result importFile(Kind kind, Long schoolId, Long districtId, byte[] content) {
		checkImporter(kind, schoolId, districtId);
		Locale locale = LocaleContextHolder.getLocale();
		List<SheetCells.Line> lines = SheetCells.read(content, MAX_ROWS);
		Places places = new Places(kind == Kind.JOINT_MEETING || (kind == Kind.TRAINING && schoolId == null)
				? null : schoolId, districtId);
		List<RowError> errors = new ArrayList<>();
		List<Object> inputs = new ArrayList<>();
		List<Integer> rows = new ArrayList<>();
		for (SheetCells.Line line : lines.subList(Math.min(1, lines.size()), lines.size())) {
			if (line.blank()) {
				continue;
			}
			RowParse parse = new RowParse(kind, line, locale, places, errors);
			Object input = parse.input(schoolId, districtId);
			if (input != null) {
				for (ConstraintViolation<Object> v : validator.validate(input)) {
					errors.add(new RowError(line.row(), label(column(v.getPropertyPath().toString()), locale),
							v.getMessage()));
				}
				inputs.add(input);
				rows.add(line.row());
			}
		}
		if (inputs.isEmpty() && errors.isEmpty()) {
			errors.add(new RowError(0, "", message("records.import.no-rows", locale)));
		}
		if (!errors.isEmpty()) {
			return new Result(0, errors);
		}
		int[] current = { 0 };
		try {
			tx.executeWithoutResult(status -> {
				for (current[0] = 0; current[0] < inputs.size(); current[0]++) {
					write(inputs.get(current[0]));
				}
				audit.record("RECORDS_IMPORT", "records/" + kind.name(), null,
						"school " + schoolId + " district " + districtId + " rows " + inputs.size());
			});
		}
		catch (ApiProblem e) {
			if (e.status().value() == 403) {
				throw e;
			}
			return new Result(0, List.of(rowError(rows.get(current[0]), e, locale)));
		}
		return new Result(inputs.size(), List.of());
	}

	/** Staff named in a form's text (accounts or names separated by 、), or a 400 naming attendeeUserIds. */
	public List<Long> staffNamed(Long schoolId, Long districtId, String text) {
		Places places = new Places(schoolId, districtId);
		List<Long> ids = new ArrayList<>();
		for (String who : split(text == null ? "" : text)) {
			List<Long> found = places.staff(who);
			if (found.size() != 1) {
				throw access.field("attendeeUserIds",
						found.isEmpty() ? "records.import.staff" : "records.import.staff-ambiguous", who);
			}
			ids.add(found.get(0));
		}
		return ids;
	}

	private void write(Object input) {
		records.record(input);
	}

	@SuppressWarnings("unchecked")
	private RowError rowError(int row, ApiProblem e, Locale locale) {
		Object fields = e.properties().get("errors");
		if (fields instanceof Map<?, ?> map && !map.isEmpty()) {
			Map.Entry<?, ?> first = map.entrySet().iterator().next();
			return new RowError(row, label(column(String.valueOf(first.getKey())), locale), String.valueOf(first.getValue()));
		}
		return new RowError(row, "", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
	}

	/** The template column an input's field comes from. */
	public static String column(String field) {
		return switch (field) {
			case "givenOn", "heldOn" -> "date";
			case "classId" -> "class";
			case "teacherUserId" -> "teacher";
			case "classIds" -> "classes";
			case "headTeacherUserId" -> "headTeacher";
			case "familiesAttended" -> "families";
			case "attendeeUserIds" -> "attendeeNames";
			default -> field;
		};
	}

	private String label(String column, Locale locale) {
		return messages.getMessage("records.col." + column, null, column, locale);
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/** One row read into the input of its ledger; a cell that cannot be read adds an error and gives null. */
	private final class RowParse {

		private final Kind kind;

		private final SheetCells.Line line;

		private final Locale locale;

		private final Places places;

		private final List<RowError> errors;

		private final List<String> columns;

		private boolean failed;

		RowParse(Kind kind, SheetCells.Line line, Locale locale, Places places, List<RowError> errors) {
			this.kind = kind;
			this.line = line;
			this.locale = locale;
			this.places = places;
			this.errors = errors;
			this.columns = columns(kind);
		}

		Object input(Long schoolId, Long districtId) {
			LocalDate date = date();
			Object input = switch (kind) {
				case LESSON -> new LessonInput(schoolId, classId(), date, integer("periods"), text("topic"),
						staffOrNull("teacher"));
				case ACTIVITY -> new ActivityInput(schoolId, code("kind", RecordCodes.ACTIVITY_KINDS, "records.activity."),
						text("title"), date, text("organiser"), classIds());
				case PARENT_SESSION -> new ParentSessionInput(schoolId, classId(), date, text("topic"),
						staffOrNull("headTeacher"), integer("families"));
				case TRAINING -> new TrainingInput(districtId, schoolId,
						code("kind", RecordCodes.TRAINING_KINDS, "records.training."), text("title"), date,
						decimal("hours"), staffList("attendeeNames"));
				case JOINT_MEETING -> new JointMeetingInput(districtId, date, departments(), text("minutes"),
						text("decisions"));
			};
			return failed ? null : input;
		}

		private String cell(String column) {
			return line.cell(columns.indexOf(column));
		}

		private String text(String column) {
			String v = cell(column);
			return v.isEmpty() ? null : v;
		}

		private void error(String column, String key, Object... args) {
			failed = true;
			errors.add(new RowError(line.row(), label(column, locale), message(key, locale, args)));
		}

		private LocalDate date() {
			String v = cell("date").replace('/', '-').replace('.', '-');
			if (v.isEmpty()) {
				return null;
			}
			try {
				return LocalDate.parse(v, LOOSE_DATE);
			}
			catch (DateTimeParseException e) {
				error("date", "records.import.date");
				return null;
			}
		}

		private Integer integer(String column) {
			String v = cell(column);
			if (v.isEmpty()) {
				return null;
			}
			try {
				return Integer.valueOf(v);
			}
			catch (NumberFormatException e) {
				error(column, "records.import.number");
				return null;
			}
		}

		private BigDecimal decimal(String column) {
			String v = cell(column);
			if (v.isEmpty()) {
				return null;
			}
			try {
				return new BigDecimal(v);
			}
			catch (NumberFormatException e) {
				error(column, "records.import.number");
				return null;
			}
		}

		private Long classId() {
			String v = cell("class");
			if (v.isEmpty()) {
				return null;
			}
			Long id = places.classes().get(Places.key(v));
			if (id == null) {
				error("class", "records.import.class", v);
			}
			return id;
		}

		private List<Long> classIds() {
			List<Long> ids = new ArrayList<>();
			for (String name : split(cell("classes"))) {
				Long id = places.classes().get(Places.key(name));
				if (id == null) {
					error("classes", "records.import.class", name);
				}
				else {
					ids.add(id);
				}
			}
			return ids;
		}

		private Long staffOrNull(String column) {
			String v = cell(column);
			return v.isEmpty() ? null : staff(column, v).orElse(null);
		}

		private List<Long> staffList(String column) {
			List<Long> ids = new ArrayList<>();
			for (String name : split(cell(column))) {
				staff(column, name).ifPresent(ids::add);
			}
			return ids;
		}

		private Optional<Long> staff(String column, String who) {
			List<Long> found = places.staff(who);
			if (found.size() == 1) {
				return Optional.of(found.get(0));
			}
			error(column, found.isEmpty() ? "records.import.staff" : "records.import.staff-ambiguous", who);
			return Optional.empty();
		}

		/** A code, or its label in Chinese or English. */
		private String code(String column, List<String> codes, String prefix) {
			String v = cell(column);
			if (v.isEmpty()) {
				return null;
			}
			for (String code : codes) {
				if (code.equalsIgnoreCase(v) || labels(prefix + code).contains(v)) {
					return code;
				}
			}
			error(column, "records.import.option", v);
			return null;
		}

		private List<String> departments() {
			List<String> codes = new ArrayList<>();
			for (String v : split(cell("departments"))) {
				String found = null;
				for (String code : RecordCodes.DEPARTMENTS) {
					if (code.equalsIgnoreCase(v) || labels("records.department." + code).contains(v)) {
						found = code;
					}
				}
				if (found == null) {
					error("departments", "records.import.option", v);
				}
				else {
					codes.add(found);
				}
			}
			return codes;
		}

		private List<String> labels(String key) {
			List<String> labels = new ArrayList<>(2);
			for (Locale l : LABEL_LOCALES) {
				labels.add(messages.getMessage(key, null, key, l));
			}
			return labels;
		}
	}

	/** Lists separated as people type them: 、，,；; or new lines. */
	static List<String> split(String cell) {
		List<String> parts = new ArrayList<>();
		for (String p : cell.split("[、，,；;\\n]+")) {
			if (!p.isBlank()) {
				parts.add(p.strip());
			}
		}
		return new ArrayList<>(new LinkedHashSet<>(parts));
	}

	/** The school's classes by name and its (or the district's) staff by account or name, read once per file. */
	private final class Places {

		private final Long schoolId;

		private final Long districtId;

		private Map<String, Long> classes;

		private Map<String, List<Long>> staff;

		Places(Long schoolId, Long districtId) {
			this.schoolId = schoolId;
			this.districtId = districtId;
		}

		static String key(String name) {
			return name.replaceAll("\\s+", "");
		}

		Map<String, Long> classes() {
			if (classes == null) {
				classes = new HashMap<>();
				if (schoolId != null) {
					jdbc.sql("""
							select c.id, g.name || c.name from school_class c join grade g on g.id = c.grade_id
							 where c.school_id = :s""").param("s", schoolId)
						.query((rs, i) -> Map.entry(key(rs.getString(2)), rs.getLong(1))).list()
						.forEach(e -> classes.put(e.getKey(), e.getValue()));
				}
			}
			return classes;
		}

		/** By account (username) first, else by name if one staff member has it. */
		List<Long> staff(String who) {
			if (staff == null) {
				staff = new HashMap<>();
				jdbc.sql("""
						select distinct u.id, u.username, u.display_name from post p join app_user u on u.id = p.user_id
						  join school s on s.id = p.school_id
						 where p.role <> 'PSYCH_COMMITTEE' and u.enabled
						   and (s.id = :school or (:school = -1 and s.district_id = :district))""")
					.param("school", schoolId == null ? -1L : schoolId).param("district", districtId == null ? -1L : districtId)
					.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list()
					.forEach(r -> {
						staff.computeIfAbsent("@" + r[1], k -> new ArrayList<>()).add(Long.valueOf(r[0]));
						List<Long> byName = staff.computeIfAbsent(r[2], k -> new ArrayList<>());
						if (!byName.contains(Long.valueOf(r[0]))) {
							byName.add(Long.valueOf(r[0]));
						}
					});
			}
			List<Long> byAccount = staff.get("@" + who);
			return byAccount != null ? byAccount : staff.getOrDefault(who, List.of());
		}
	}
}
