package org.mindgrid.reporting.records.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.reporting.records.OversightRecords;
import org.mindgrid.reporting.records.RecordCodes;
import org.mindgrid.reporting.records.RecordImport;
import org.mindgrid.reporting.records.RecordInputs.ActivityInput;
import org.mindgrid.reporting.records.RecordInputs.Filter;
import org.mindgrid.reporting.records.RecordInputs.JointMeetingInput;
import org.mindgrid.reporting.records.RecordInputs.LessonInput;
import org.mindgrid.reporting.records.RecordInputs.ParentSessionInput;
import org.mindgrid.reporting.records.RecordInputs.TrainingInput;
import org.mindgrid.reporting.records.RecordLedgers;
import org.mindgrid.reporting.records.RecordLedgers.Kind;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ledgers as pages (issue 12 point 1): a tab per ledger, the list of a school (or the district's), the form
 * that adds one record (phone first; a refused form keeps what was typed and names the field), the import of the
 * template and the export. The services decide access in SQL; the page only hides what the caller cannot use.
 */
@Controller
class RecordPageController {

	static final String KINDS = "psych-lessons|theme-activities|parent-sessions|staff-trainings|joint-meetings";

	/** What the form sends, as typed; one form for the five ledgers, each using its fields. */
	record RecordForm(String date, String classId, String periods, String topic, String kind, String title,
			String organiser, List<String> classIds, String families, String hours, String attendees,
			List<String> departments, String minutes, String decisions, String level) {

		static RecordForm empty() {
			return new RecordForm("", "", "1", "", "", "", "", List.of(), "", "", "", List.of(), "", "", "school");
		}
	}

	/** A tab of the page. */
	record Tab(String path, Kind kind) {
	}

	private final OversightRecords records;

	private final RecordLedgers ledgers;

	private final RecordImport imports;

	private final LedgerWorkbook workbook;

	private final CurrentUsers users;

	private final Validator validator;

	private final MessageSource messages;

	RecordPageController(OversightRecords records, RecordLedgers ledgers, RecordImport imports, LedgerWorkbook workbook,
			CurrentUsers users, Validator validator, MessageSource messages) {
		this.records = records;
		this.ledgers = ledgers;
		this.imports = imports;
		this.workbook = workbook;
		this.users = users;
		this.validator = validator;
		this.messages = messages;
	}

	@GetMapping("/records")
	String first() {
		for (Kind k : Kind.values()) {
			if (ledgers.readable(k)) {
				return "redirect:/records/" + path(k);
			}
		}
		throw ApiProblem.forbidden("records.forbidden");
	}

	@GetMapping("/records/{kind:" + KINDS + "}")
	String list(@PathVariable String kind, @RequestParam(required = false) Long schoolId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer saved, Model model,
			Locale locale) {
		Kind k = RecordApiController.kind(kind);
		model.addAttribute("saved", saved);
		return render(k, schoolId, from, to, page, RecordForm.empty(), Map.of(), null, model, locale);
	}

	@PostMapping("/records/{kind:" + KINDS + "}")
	String add(@PathVariable String kind, @RequestParam(required = false) Long schoolId,
			@ModelAttribute RecordForm form, Model model, Locale locale) {
		Kind k = RecordApiController.kind(kind);
		Long school = school(schoolId);
		Long district = officerDistrict();
		Map<String, String> errors = new LinkedHashMap<>();
		Object input = input(k, form, school, district, errors, locale);
		if (errors.isEmpty()) {
			for (ConstraintViolation<Object> v : validator.validate(input)) {
				errors.putIfAbsent(formField(RecordImport.column(v.getPropertyPath().toString())), v.getMessage());
			}
		}
		if (errors.isEmpty()) {
			try {
				save(input);
				return "redirect:/records/" + kind + "?saved=1" + (schoolId == null ? "" : "&schoolId=" + schoolId);
			}
			catch (ApiProblem e) {
				if (e.status().value() == 403) {
					throw e;
				}
				errors.putAll(fieldErrors(e, locale));
			}
		}
		return render(k, schoolId, null, null, null, form, errors, null, model, locale);
	}

	@PostMapping("/records/{kind:" + KINDS + "}/import")
	String importFile(@PathVariable String kind, @RequestParam(required = false) Long schoolId,
			@RequestParam(required = false) MultipartFile file, Model model, Locale locale) throws IOException {
		Kind k = RecordApiController.kind(kind);
		Long school = district(k) ? null : school(schoolId);
		// the officer's district also for trainings: an officer has no school, and imports the district's
		Long district = officerDistrict();
		RecordImport.Result result;
		try {
			imports.checkImporter(k, school, district);
			if (file == null || file.isEmpty()) {
				throw ApiProblem.badRequest("records.import.empty");
			}
			result = imports.importFile(k, school, district, file.getBytes());
		}
		catch (ApiProblem e) {
			if (e.status().value() == 403) {
				throw e;
			}
			result = new RecordImport.Result(0, List.of(new RecordImport.RowError(0, "",
					messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale))));
		}
		return render(k, schoolId, null, null, null, RecordForm.empty(), Map.of(), result, model, locale);
	}

	private String render(Kind k, Long schoolId, String from, String to, Integer page, RecordForm form,
			Map<String, String> errors, RecordImport.Result imported, Model model, Locale locale) {
		if (!ledgers.readable(k)) {
			throw ApiProblem.forbidden("records.forbidden");
		}
		Long school = school(schoolId);
		Long district = officerDistrict();
		LocalDate fromDay = day(from);
		LocalDate toDay = day(to);
		// a head teacher reads their class's rows, not the school's: no school filter, the SQL scopes the rows
		boolean wholeSchool = school != null && k != Kind.JOINT_MEETING && ledgers.readsSchool(school);
		Filter filter = new Filter(wholeSchool ? school : null, null,
				k == Kind.JOINT_MEETING ? district : null, fromDay, toDay);
		Page<?> rows = ledgers.read(k, filter, Page.clampPage(page), 20);
		List<List<Object>> cells = new ArrayList<>();
		for (Object r : rows.items()) {
			cells.add(workbook.cells(r, locale));
		}
		boolean keepsSchool = school != null && records.keepsSchool(school);
		boolean keepsDistrict = district != null && records.keepsDistrict(district);
		List<OversightRecords.ClassOption> classes = school == null ? List.of() : records.keptClasses(school);
		boolean canWrite = switch (k) {
			case LESSON, PARENT_SESSION -> !classes.isEmpty();
			case ACTIVITY -> keepsSchool;
			case TRAINING -> keepsSchool || keepsDistrict;
			case JOINT_MEETING -> keepsDistrict;
		};
		boolean canImport = switch (k) {
			case LESSON, PARENT_SESSION, ACTIVITY -> keepsSchool;
			case TRAINING -> keepsSchool || keepsDistrict;
			case JOINT_MEETING -> keepsDistrict;
		};
		List<Tab> tabs = new ArrayList<>();
		for (Kind t : Kind.values()) {
			if (ledgers.readable(t)) {
				tabs.add(new Tab(path(t), t));
			}
		}
		model.addAttribute("tabs", tabs);
		model.addAttribute("kind", k);
		model.addAttribute("path", path(k));
		model.addAttribute("columns", LedgerWorkbook.columns(k));
		model.addAttribute("rows", cells);
		model.addAttribute("page", rows);
		model.addAttribute("schools", user().isSchoolStaff() ? List.of() : ledgers.readableSchools());
		model.addAttribute("schoolId", school);
		model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
		model.addAttribute("to", toDay == null ? "" : toDay.toString());
		model.addAttribute("canWrite", canWrite);
		model.addAttribute("canImport", canImport);
		model.addAttribute("keepsSchool", keepsSchool);
		model.addAttribute("keepsDistrict", keepsDistrict);
		model.addAttribute("classes", classes);
		model.addAttribute("activityKinds", RecordCodes.ACTIVITY_KINDS);
		model.addAttribute("trainingKinds", RecordCodes.TRAINING_KINDS);
		model.addAttribute("departments", RecordCodes.DEPARTMENTS);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("imported", imported);
		model.addAttribute("exportQuery", exportQuery(filter));
		model.addAttribute("importQuery", district(k) || (k == Kind.TRAINING && !keepsSchool)
				? "districtId=" + district : "schoolId=" + school);
		return "reporting/records";
	}

	/** The form's text as the ledger's input; a cell that cannot be read is an error under its field. */
	private Object input(Kind k, RecordForm f, Long school, Long district, Map<String, String> errors, Locale locale) {
		LocalDate date = null;
		try {
			date = blank(f.date()) ? null : LocalDate.parse(f.date().strip());
		}
		catch (DateTimeParseException e) {
			errors.put("date", label("date", locale) + "：" + msg("records.import.date", locale));
		}
		Long classId = number(f.classId(), "classId", errors, locale, Long::valueOf);
		return switch (k) {
			case LESSON -> new LessonInput(school, classId, date, number(f.periods(), "periods", errors, locale,
					Integer::valueOf), text(f.topic()), null);
			case ACTIVITY -> {
				List<Long> ids = new ArrayList<>();
				for (String id : f.classIds() == null ? List.<String>of() : f.classIds()) {
					Long v = number(id, "classIds", errors, locale, Long::valueOf);
					if (v != null) {
						ids.add(v);
					}
				}
				yield new ActivityInput(school, text(f.kind()), text(f.title()), date, text(f.organiser()), ids);
			}
			case PARENT_SESSION -> new ParentSessionInput(school, classId, date, text(f.topic()), null,
					number(f.families(), "families", errors, locale, Integer::valueOf));
			case TRAINING -> {
				boolean ofDistrict = "district".equals(f.level()) || school == null || !records.keepsSchool(school);
				List<Long> attendees = List.of();
				try {
					attendees = imports.staffNamed(ofDistrict ? null : school, district, f.attendees());
				}
				catch (ApiProblem e) {
					errors.putAll(fieldErrors(e, locale));
				}
				yield new TrainingInput(ofDistrict ? district : null, ofDistrict ? null : school, text(f.kind()),
						text(f.title()), date, number(f.hours(), "hours", errors, locale, BigDecimal::new), attendees);
			}
			case JOINT_MEETING -> new JointMeetingInput(district, date,
					f.departments() == null ? List.of() : f.departments(), text(f.minutes()), text(f.decisions()));
		};
	}

	private void save(Object input) {
		records.record(input);
	}

	private Map<String, String> fieldErrors(ApiProblem e, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (e.properties().get("errors") instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((field, message) -> errors.put(formField(RecordImport.column(String.valueOf(field))),
					String.valueOf(message)));
		}
		else {
			errors.put("form", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		}
		return errors;
	}

	/** The form's name for a template column. */
	private static String formField(String column) {
		return switch (column) {
			case "class" -> "classId";
			case "classes" -> "classIds";
			case "attendeeNames" -> "attendees";
			default -> column;
		};
	}

	private interface Parse<T> {
		T apply(String s);
	}

	private <T> T number(String value, String field, Map<String, String> errors, Locale locale, Parse<T> parse) {
		if (blank(value)) {
			return null;
		}
		try {
			return parse.apply(value.strip());
		}
		catch (NumberFormatException e) {
			errors.put(field, label(RecordImport.column(field), locale) + "：" + msg("records.import.number", locale));
			return null;
		}
	}

	private static LocalDate day(String s) {
		try {
			return blank(s) ? null : LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String exportQuery(Filter f) {
		StringBuilder q = new StringBuilder();
		if (f.schoolId() != null) {
			q.append("&schoolId=").append(f.schoolId());
		}
		if (f.districtId() != null) {
			q.append("&districtId=").append(f.districtId());
		}
		if (f.from() != null) {
			q.append("&from=").append(f.from());
		}
		if (f.to() != null) {
			q.append("&to=").append(f.to());
		}
		return q.length() == 0 ? "" : q.substring(1);
	}

	private static boolean district(Kind k) {
		return k == Kind.JOINT_MEETING;
	}

	/** The school the page shows: the one asked for, else the caller's own. */
	private Long school(Long schoolId) {
		return schoolId != null ? schoolId : user().schoolId();
	}

	private Long officerDistrict() {
		return user().posts().stream().filter(p -> p.role() == Role.DISTRICT_OFFICER && p.districtId() != null)
			.map(Post::districtId).findFirst().orElse(null);
	}

	private CurrentUser user() {
		return users.current();
	}

	static String path(Kind k) {
		return switch (k) {
			case LESSON -> "psych-lessons";
			case ACTIVITY -> "theme-activities";
			case PARENT_SESSION -> "parent-sessions";
			case TRAINING -> "staff-trainings";
			case JOINT_MEETING -> "joint-meetings";
		};
	}

	private String label(String column, Locale locale) {
		return messages.getMessage("records.col." + column, null, column, locale);
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String text(String s) {
		return blank(s) ? null : s.strip();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
