package org.mindgrid.reporting.records.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

import org.mindgrid.reporting.records.OversightRecords;
import org.mindgrid.reporting.records.RecordImport;
import org.mindgrid.reporting.records.RecordLedgers;
import org.mindgrid.reporting.records.RecordLedgers.Kind;
import org.mindgrid.reporting.records.RecordInputs.ActivityInput;
import org.mindgrid.reporting.records.RecordInputs.Filter;
import org.mindgrid.reporting.records.RecordInputs.JointMeetingInput;
import org.mindgrid.reporting.records.RecordInputs.LessonInput;
import org.mindgrid.reporting.records.RecordInputs.ParentSessionInput;
import org.mindgrid.reporting.records.RecordInputs.TrainingInput;
import org.mindgrid.reporting.records.RecordViews.Activity;
import org.mindgrid.reporting.records.RecordViews.JointMeeting;
import org.mindgrid.reporting.records.RecordViews.Lesson;
import org.mindgrid.reporting.records.RecordViews.ParentSession;
import org.mindgrid.reporting.records.RecordViews.Training;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The oversight records (issue 12 point 1): psychology lessons, theme activities, parent sessions, staff training
 * and the district's joint meetings. Each is written one at a time, listed newest first and exported as the
 * ledger (台账, xlsx). Access is decided in SQL by {@link OversightRecords}.
 */
@RestController
@RequestMapping("/api/v1")
class RecordApiController {

	/** The most rows one ledger export holds: a district's year of lessons is well below it. */
	static final int EXPORT_ROWS = 20_000;

	private final OversightRecords records;

	private final RecordLedgers ledgers;

	private final LedgerWorkbook workbook;

	private final RecordImport imports;

	RecordApiController(OversightRecords records, RecordLedgers ledgers, LedgerWorkbook workbook, RecordImport imports) {
		this.imports = imports;
		this.records = records;
		this.ledgers = ledgers;
		this.workbook = workbook;
	}

	@Operation(summary = "Record a psychology lesson given to a class (心理辅导课)",
			description = "The school's admin, leaders and psychology teachers, or the class's head teacher. "
					+ "teacherUserId left out: the caller.")
	@PostMapping({ "/psych-lessons", "/lessons" })
	@ResponseStatus(HttpStatus.CREATED)
	Lesson lesson(@Valid @RequestBody LessonInput in) {
		return records.recordLesson(in);
	}

	@Operation(summary = "Record a theme activity (心理健康活动周, 5·25 …)",
			description = "kind ACTIVITY_WEEK, FESTIVAL_525, TERM_START, GRADUATION, EXAM or OTHER; no classIds: the "
					+ "whole school. The school's admin, leaders and psychology teachers.")
	@PostMapping({ "/theme-activities", "/activities" })
	@ResponseStatus(HttpStatus.CREATED)
	Activity activity(@Valid @RequestBody ActivityInput in) {
		return records.recordActivity(in);
	}

	@Operation(summary = "Record a parent session of a class (家长课堂)",
			description = "The school's admin, leaders and psychology teachers, or the class's head teacher.")
	@PostMapping("/parent-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	ParentSession parentSession(@Valid @RequestBody ParentSessionInput in) {
		return records.recordParentSession(in);
	}

	@Operation(summary = "Record a staff training (who, hours, kind)",
			description = "kind CRISIS_IDENTIFICATION, MENTOR, PSYCH_ADVANCED or OTHER. With schoolId: the school's "
					+ "own (its admin, leaders, psychology teachers); without: the district's (its officers).")
	@PostMapping({ "/staff-trainings", "/trainings" })
	@ResponseStatus(HttpStatus.CREATED)
	Training training(@Valid @RequestBody TrainingInput in) {
		return records.recordTraining(in);
	}

	@Operation(summary = "Record a joint meeting of the district's departments (联席会议)",
			description = "departments from EDUCATION, POLITICAL_LEGAL, PUBLIC_SECURITY, CYBERSPACE, HEALTH, "
					+ "CIVIL_AFFAIRS, YOUTH_LEAGUE, WOMEN_FEDERATION, OTHER. The district's officers.")
	@PostMapping("/joint-meetings")
	@ResponseStatus(HttpStatus.CREATED)
	JointMeeting jointMeeting(@Valid @RequestBody JointMeetingInput in) {
		return records.recordJointMeeting(in);
	}

	@Operation(summary = "A ledger of oversight records, newest first",
			description = "kind psych-lessons, theme-activities, parent-sessions, staff-trainings or joint-meetings. "
					+ "The school's readers (admin, leaders, psychology teachers, crisis team), its district's and "
					+ "city's officers; head teachers their class's lessons and parent sessions. Others 403.")
	@GetMapping("/{kind:psych-lessons|theme-activities|parent-sessions|staff-trainings|joint-meetings}")
	Page<?> list(@Parameter(description = "Ledger") @PathVariable String kind,
			@Parameter(description = "School id") @RequestParam(required = false) Long schoolId,
			@Parameter(description = "Class id") @RequestParam(required = false) Long classId,
			@Parameter(description = "District id") @RequestParam(required = false) Long districtId,
			@Parameter(description = "First day (ISO date)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day (ISO date)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "Page, from 0") @RequestParam(required = false) Integer page,
			@Parameter(description = "Page size, at most 200") @RequestParam(required = false) Integer size) {
		return ledgers.read(kind(kind), new Filter(schoolId, classId, districtId, from, to), Page.clampPage(page),
				Page.clampSize(size));
	}

	@Operation(summary = "A ledger as an Excel workbook (台账)",
			description = "The same filter and readers as the list; the first rows name the place and the date "
					+ "range; at most 20,000 rows.")
	@GetMapping("/{kind:psych-lessons|theme-activities|parent-sessions|staff-trainings|joint-meetings}/export.xlsx")
	ResponseEntity<byte[]> export(@Parameter(description = "Ledger") @PathVariable String kind,
			@Parameter(description = "School id") @RequestParam(required = false) Long schoolId,
			@Parameter(description = "Class id") @RequestParam(required = false) Long classId,
			@Parameter(description = "District id") @RequestParam(required = false) Long districtId,
			@Parameter(description = "First day (ISO date)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day (ISO date)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Kind k = kind(kind);
		Filter f = new Filter(schoolId, classId, districtId, from, to);
		List<?> rows = ledgers.read(k, f, 0, EXPORT_ROWS).items();
		byte[] xlsx = workbook.ledger(k, ledgers.placeName(f), f, rows, LocaleContextHolder.getLocale());
		return xlsx(xlsx, workbook.filename(k, LocaleContextHolder.getLocale()));
	}

	@Operation(summary = "Import a ledger from the template (.xlsx, one record per row)",
			description = "All or nothing: 200 with the count, or 422 with every error by row and column and nothing "
					+ "written. schoolId for a school's ledger (its admin, leaders, psychology teachers); districtId for "
					+ "joint meetings and the district's trainings (its officers). At most 2,000 rows.")
	@PostMapping(path = "/{kind:psych-lessons|theme-activities|parent-sessions|staff-trainings|joint-meetings}/import",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportView> importFile(@Parameter(description = "Ledger") @PathVariable String kind,
			@Parameter(description = "School id") @RequestParam(required = false) Long schoolId,
			@Parameter(description = "District id") @RequestParam(required = false) Long districtId,
			@Parameter(description = "The filled template") @RequestParam(value = "file", required = false) MultipartFile file)
			throws IOException {
		Kind k = kind(kind);
		imports.checkImporter(k, schoolId, districtId);
		if (file == null || file.isEmpty()) {
			throw ApiProblem.badRequest("records.import.empty");
		}
		RecordImport.Result result = imports.importFile(k, schoolId, districtId, file.getBytes());
		return ResponseEntity.status(result.rejected() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
			.body(new ImportView(result.imported(), result.errors()));
	}

	@Operation(summary = "The import template of a ledger (.xlsx)",
			description = "The columns on the first sheet, what each takes on the second. Anyone signed in.")
	@GetMapping("/{kind:psych-lessons|theme-activities|parent-sessions|staff-trainings|joint-meetings}/import-template.xlsx")
	ResponseEntity<byte[]> template(@Parameter(description = "Ledger") @PathVariable String kind) {
		Kind k = kind(kind);
		Locale locale = LocaleContextHolder.getLocale();
		return xlsx(workbook.template(k, locale), workbook.templateFilename(k, locale));
	}

	/** The answer of an import: what was written, or why nothing was. */
	record ImportView(int imported, List<RecordImport.RowError> errors) {
	}

	private static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	static Kind kind(String path) {
		return switch (path) {
			case "psych-lessons" -> Kind.LESSON;
			case "theme-activities" -> Kind.ACTIVITY;
			case "parent-sessions" -> Kind.PARENT_SESSION;
			case "staff-trainings" -> Kind.TRAINING;
			default -> Kind.JOINT_MEETING;
		};
	}
}
