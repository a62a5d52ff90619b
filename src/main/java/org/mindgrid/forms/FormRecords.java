package org.mindgrid.forms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workbook's records (issue 13): saved against their form's definition, as versioned answer documents that are
 * never deleted (a correction is a new version with its reason). Who may fill and read a form is its definition's
 * roles, each within the grid's scope, decided in SQL: the school's psychology teachers, crisis team, leaders and
 * administrators their school's students, head and subject teachers their class's, mentors the students assigned to
 * them. A student the caller may not reach is 404, as everywhere; every read and write is audited.
 */
@Service
public class FormRecords {

	public record Record(long id, long studentId, String formId, int version, Map<String, Object> answers,
			String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
	}

	private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
	};

	/** Whether the caller holds one of {@code :roles} over the student {@code s}, in the grid's scope. */
	static final String REACH = org.mindgrid.identity.StudentScope.BY_ROLES;

	private final JdbcClient jdbc;

	private final FormCatalog catalog;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final FormFiles files;

	FormRecords(JdbcClient jdbc, FormCatalog catalog, CurrentUsers users, AuditLog audit, MessageSource messages,
			JsonMapper json, Clock clock, FormFiles files) {
		this.files = files;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.users = users;
		this.audit = audit;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	/** The forms the caller may fill or read for some student: those whose roles they hold at a school. */
	public List<FormDefinition> usable() {
		Set<String> roles = Set.copyOf(jdbc.sql("select distinct p.role from post p where p.user_id = :me")
			.param("me", users.current().id()).query(String.class).list());
		return catalog.all().stream().filter(f -> f.read().stream().anyMatch(roles::contains)).toList();
	}

	public FormDefinition form(String formId) {
		return catalog.find(formId).orElseThrow(() -> ApiProblem.notFound("form.problem.unknown-form"));
	}

	@Transactional
	public Record create(long studentId, String formId, Map<String, Object> answers) {
		FormDefinition form = catalog.find(formId).orElseThrow(() -> field("formId", "form.problem.unknown-form"));
		long me = users.current().id();
		Student s = student(studentId, form.fill(), me);
		if (!form.stages().contains(FormDefinition.stageOf(s.grade()))) {
			throw field("formId", "form.problem.stage");
		}
		Map<String, Object> clean = checked(form, studentId, answers);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into form_record (student_id, school_id, form_id, version, answers, created_by, created_at,
				                         updated_by, updated_at)
				values (:st, :s, :f, 1, cast(:a as jsonb), :me, :now, :me, :now) returning id""")
			.param("st", studentId).param("s", s.schoolId()).param("f", formId).param("a", json.writeValueAsString(clean))
			.param("me", me).param("now", Timestamp.from(now)).query(Long.class).single();
		revision(id, 1, clean, null, me, now);
		audit.record("FORM_RECORD_CREATE", "form-record/" + id, studentId, formId);
		return get(id);
	}

	/** A new version of a record; {@code version} as read (409 if someone saved in between). */
	@Transactional
	public Record update(long id, int version, Map<String, Object> answers, String reason) {
		Record old = jdbc.sql("select " + COLUMNS + " from form_record r where r.id = :id").param("id", id)
			.query((rs, i) -> record(rs)).optional().orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		FormDefinition form = form(old.formId());
		long me = users.current().id();
		student(old.studentId(), form.fill(), me);
		String why = reason == null ? null : reason.strip();
		if (why == null || why.isEmpty() || why.length() > 500) {
			throw field("reason", "form.problem.reason");
		}
		Map<String, Object> clean = checked(form, old.studentId(), answers);
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				update form_record set version = version + 1, answers = cast(:a as jsonb), updated_by = :me, updated_at = :now
				 where id = :id and version = :v""")
			.param("a", json.writeValueAsString(clean)).param("me", me).param("now", Timestamp.from(now)).param("id", id)
			.param("v", version).update();
		if (changed == 0) {
			throw ApiProblem.conflict("form.problem.stale");
		}
		revision(id, version + 1, clean, why, me, now);
		audit.record("FORM_RECORD_UPDATE", "form-record/" + id, old.studentId(), old.formId() + " v" + (version + 1));
		return get(id);
	}

	/** A student's records of one form (or of every form the caller may read), newest first. */
	@Transactional
	public List<Record> ofStudent(long studentId, String formId) {
		long me = users.current().id();
		List<FormDefinition> forms = formId == null ? catalog.all() : List.of(form(formId));
		boolean any = false;
		List<Record> records = new java.util.ArrayList<>();
		for (FormDefinition f : forms) {
			boolean reads = reaches(studentId, f.read(), me);
			any |= reads;
			if (reads) {
				records.addAll(jdbc.sql("select " + COLUMNS + " from form_record r where r.student_id = :st and r.form_id = :f "
						+ "order by r.updated_at desc, r.id desc limit 200")
					.param("st", studentId).param("f", f.id()).query((rs, i) -> record(rs)).list());
			}
		}
		if (!any) {
			throw ApiProblem.notFound("problem.not-found");
		}
		audit.record("FORM_RECORDS_READ", "students/" + studentId + "/records" + (formId == null ? "" : "?formId=" + formId),
				studentId, null);
		return records;
	}

	/** A form in a student's workbook as the caller sees it: how many records, the last, and whether they may add one. */
	public record Entry(FormDefinition form, long count, Instant last, boolean canFill) {
	}

	/** The student's workbook: the forms the caller may read for them, by part; 404 when none. */
	@Transactional
	public List<Entry> workbook(long studentId) {
		long me = users.current().id();
		Integer grade = jdbc.sql("select g.level from student s join school_class c on c.id = s.class_id "
				+ "join grade g on g.id = c.grade_id where s.id = :st").param("st", studentId).query(Integer.class)
			.optional().orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		Map<String, Object[]> counts = new LinkedHashMap<>();
		jdbc.sql("select form_id, count(*), max(updated_at) from form_record where student_id = :st group by form_id")
			.param("st", studentId)
			.query((rs, i) -> counts.put(rs.getString(1), new Object[] { rs.getLong(2), rs.getTimestamp(3).toInstant() }))
			.list();
		List<Entry> entries = new java.util.ArrayList<>();
		for (FormDefinition f : catalog.all()) {
			if (!f.stages().contains(FormDefinition.stageOf(grade)) || !reaches(studentId, f.read(), me)) {
				continue;
			}
			Object[] c = counts.getOrDefault(f.id(), new Object[] { 0L, null });
			entries.add(new Entry(f, (Long) c[0], (Instant) c[1], reaches(studentId, f.fill(), me)));
		}
		if (entries.isEmpty()) {
			throw ApiProblem.notFound("problem.not-found");
		}
		entries.sort(java.util.Comparator.comparingInt((Entry e) -> e.form().part()));
		audit.record("WORKBOOK_READ", "students/" + studentId + "/workbook", studentId, null);
		return entries;
	}

	/**
	 * A typed record of another module that the workbook's table of contents links to (issue 13 point 5): the
	 * growth archive, screenings, observations, talks, home visits, counselling, the case and its plan. Counts only,
	 * read in SQL; the page it links to checks the reader again.
	 */
	public record Linked(String key, int part, String path, Long count, Instant last) {
	}

	/** The typed records of the student's workbook, in the seed's parts. */
	@Transactional(readOnly = true)
	public List<Linked> linked(long studentId) {
		String base = "/students/" + studentId;
		return jdbc.sql("""
				select (select count(*) from growth_archive where student_id = :st),
				       (select count(*) from screening_result where student_id = :st),
				       (select max(scored_at) from screening_result where student_id = :st),
				       (select count(*) from observation where student_id = :st),
				       (select max(created_at) from observation where student_id = :st),
				       (select count(*) from talk where student_id = :st and voided_at is null),
				       (select max(created_at) from talk where student_id = :st and voided_at is null),
				       (select count(*) from home_visit where student_id = :st and voided_at is null),
				       (select max(visited_at) from home_visit where student_id = :st and voided_at is null),
				       (select count(*) from counselling_appointment where student_id = :st),
				       (select max(created_at) from counselling_appointment where student_id = :st),
				       (select count(*) from warning_case where student_id = :st),
				       (select max(opened_at) from warning_case where student_id = :st)""")
			.param("st", studentId)
			.query((rs, i) -> List.of(
					new Linked("archive", 1, base, rs.getLong(1), null),
					new Linked("screenings", 2, base + "/screenings", rs.getLong(2), instant(rs.getTimestamp(3))),
					new Linked("observations", 3, base + "/timeline", rs.getLong(4), instant(rs.getTimestamp(5))),
					new Linked("talks", 3, base + "/timeline", rs.getLong(6), instant(rs.getTimestamp(7))),
					new Linked("visits", 3, base + "/timeline", rs.getLong(8), instant(rs.getTimestamp(9))),
					new Linked("counselling", 4, base + "/counselling", rs.getLong(10), instant(rs.getTimestamp(11))),
					new Linked("cases", 4, base + "/cases", rs.getLong(12), instant(rs.getTimestamp(13)))))
			.single();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	/** The form, if the caller may fill it for the student (the form page's check); 404 otherwise. */
	@Transactional(readOnly = true)
	public FormDefinition fillable(long studentId, String formId) {
		FormDefinition form = form(formId);
		student(studentId, form.fill(), users.current().id());
		return form;
	}

	/** The workbook's cover: school, class and name. */
	public record Cover(String school, String className, String name, String studentNo) {
	}

	/** Every record the caller may read of the student, by form in the workbook's order (parts 1–7); 404 when none. */
	@Transactional
	public Map<FormDefinition, List<Record>> printable(long studentId) {
		Map<FormDefinition, List<Record>> all = new LinkedHashMap<>();
		for (Entry e : workbook(studentId)) {
			if (e.count() > 0) {
				all.put(e.form(), jdbc.sql("select " + COLUMNS + " from form_record r where r.student_id = :st and r.form_id = :f "
						+ "order by r.created_at, r.id").param("st", studentId).param("f", e.form().id())
					.query((rs, i) -> record(rs)).list());
			}
		}
		audit.record("WORKBOOK_PRINT", "students/" + studentId + "/workbook.pdf", studentId,
				all.values().stream().mapToInt(List::size).sum() + " records");
		return all;
	}

	@Transactional(readOnly = true)
	public Cover cover(long studentId) {
		return jdbc.sql("""
				select sc.name, g.name || c.name, s.name, s.student_no from student s join school sc on sc.id = s.school_id
				  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id where s.id = :st""")
			.param("st", studentId).query((rs, i) -> new Cover(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	/** The student's name and class for a form's page, to a reader of some form for them. */
	@Transactional(readOnly = true)
	public String studentLabel(long studentId) {
		return jdbc.sql("""
				select s.name || ' · ' || g.name || c.name from student s join school_class c on c.id = s.class_id
				  join grade g on g.id = c.grade_id where s.id = :st""")
			.param("st", studentId).query(String.class).optional().orElse("");
	}

	/** A record in a form's ledger: the student and class with the record. */
	public record LedgerRow(String student, String studentNo, String className, Record record) {
	}

	/** The classes of the schools where the caller holds a post, for the ledger's filter: id, grade level, label. */
	public record ClassChoice(long id, int grade, String label) {
	}

	@Transactional(readOnly = true)
	public List<ClassChoice> classChoices() {
		return jdbc.sql("""
				select c.id, g.level, g.name || c.name from school_class c join grade g on g.id = c.grade_id
				 where c.school_id in (select coalesce(p.school_id, k.school_id) from post p
				                        left join school_class k on k.id = p.class_id where p.user_id = :me)
				 order by g.level, c.name limit 500""")
			.param("me", users.current().id())
			.query((rs, i) -> new ClassChoice(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
	}

	/** The most rows a ledger lists or exports at once. */
	public static final int LEDGER_ROWS = 2000;

	/**
	 * A form's ledger (台账) for a school or one class, newest first, optionally for a range of days: only the students
	 * the caller reads this form for, decided per row in SQL. Audited with the filter.
	 */
	@Transactional
	public List<LedgerRow> ledger(String formId, Long schoolId, Long classId, Integer grade, LocalDate from,
			LocalDate to) {
		FormDefinition form = form(formId);
		long me = users.current().id();
		java.time.ZoneId zone = clock.getZone();
		List<LedgerRow> rows = jdbc.sql("select " + COLUMNS + """
				, s.name, s.student_no, g.name || c.name
				  from form_record r join student s on s.id = r.student_id join school_class c on c.id = s.class_id
				  join grade g on g.id = c.grade_id
				 where r.form_id = :f
				   and (cast(:school as bigint) is null or r.school_id = :school)
				   and (cast(:class as bigint) is null or s.class_id = :class)
				   and (cast(:grade as int) is null or g.level = :grade)
				   and (cast(:from as timestamptz) is null or r.updated_at >= :from)
				   and (cast(:to as timestamptz) is null or r.updated_at < :to)
				   and """ + " " + REACH + """

				 order by r.updated_at desc, r.id desc limit """ + " " + LEDGER_ROWS)
			.param("f", formId).param("school", schoolId).param("class", classId).param("grade", grade)
			.param("from", from == null ? null : Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.param("me", me).param("roles", form.read())
			.query((rs, i) -> new LedgerRow(rs.getString(10), rs.getString(11), rs.getString(12), record(rs)))
			.list();
		audit.record("FORM_LEDGER_READ", "forms/" + formId + "/ledger", null,
				"school=" + schoolId + " class=" + classId + " grade=" + grade + " " + from + ".." + to + " rows=" + rows.size());
		return rows;
	}

	/** The words of a form in the reader's language: key (title, field ids, options) → text. */
	public Map<String, String> words(FormDefinition form, Locale locale) {
		Map<String, String> words = new LinkedHashMap<>();
		String base = "form." + form.id() + ".";
		for (String key : FormCatalog.keys(form)) {
			words.put(key.substring(base.length()), messages.getMessage(key, null, key, locale));
		}
		return words;
	}

	private record Student(long id, long schoolId, int grade) {
	}

	private static final String COLUMNS = """
			r.id, r.student_id, r.form_id, r.version, r.answers::text,
			(select display_name from app_user where id = r.created_by), r.created_at,
			(select display_name from app_user where id = r.updated_by), r.updated_at""";

	private Student student(long studentId, Set<String> roles, long me) {
		return jdbc.sql("""
				select s.id, s.school_id, g.level from student s join school_class c on c.id = s.class_id
				  join grade g on g.id = c.grade_id
				 where s.id = :st and """ + " " + REACH)
			.param("st", studentId).param("me", me).param("roles", roles)
			.query((rs, i) -> new Student(rs.getLong(1), rs.getLong(2), rs.getInt(3))).optional()
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
	}

	private boolean reaches(long studentId, Set<String> roles, long me) {
		return jdbc.sql("select exists (select 1 from student s where s.id = :st and " + REACH + ")")
			.param("st", studentId).param("me", me).param("roles", roles).query(Boolean.class).single();
	}

	private Map<String, Object> checked(FormDefinition form, long studentId, Map<String, Object> answers) {
		Map<String, Object> given = answers == null ? Map.of() : answers;
		Map<String, FormAnswers.Problem> problems = FormAnswers.check(form, given, LocalDate.now(clock));
		if (!problems.isEmpty()) {
			Locale locale = LocaleContextHolder.getLocale();
			Map<String, String> errors = new LinkedHashMap<>();
			problems.forEach((field, p) -> errors.put(field, messages.getMessage("input.named", new Object[] {
					label(form, field, locale), messages.getMessage(p.key(), p.args().toArray(), p.key(), locale) },
					locale)));
			throw ApiProblem.badRequest("problem.validation").with("errors", errors);
		}
		Map<String, Object> clean = FormAnswers.normalised(given);
		for (FormDefinition.Field f : form.fields()) {
			if (f.type() == FormDefinition.Type.FILE && clean.get(f.id()) instanceof List<?> ids) {
				clean.put(f.id(), files.refs(studentId, form.id(), ids).orElseThrow(() -> {
					Locale locale = LocaleContextHolder.getLocale();
					return ApiProblem.badRequest("problem.validation").with("errors", Map.of(f.id(),
							messages.getMessage("input.named", new Object[] { label(form, f.id(), locale),
									messages.getMessage("form.problem.file-unknown", null, locale) }, locale)));
				}));
			}
		}
		return clean;
	}

	/** A field's label for a message; a table's cell {@code family[2].relation} as "受访家庭成员 第 2 行 与学生关系". */
	private String label(FormDefinition form, String field, Locale locale) {
		String base = "form." + form.id() + ".";
		java.util.regex.Matcher cell = java.util.regex.Pattern.compile("([a-z0-9_]+)\\[(\\d+)](?:\\.([a-z0-9_]+))?").matcher(field);
		if (cell.matches()) {
			String table = messages.getMessage(base + cell.group(1), null, cell.group(1), locale);
			String column = cell.group(3) == null ? ""
					: messages.getMessage(base + cell.group(1) + "." + cell.group(3), null, cell.group(3), locale);
			return messages.getMessage("form.row", new Object[] { table, cell.group(2), column }, locale).strip();
		}
		return messages.getMessage(base + field, null, field, locale);
	}

	private ApiProblem field(String field, String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return ApiProblem.badRequest("problem.validation").with("errors", Map.of(field,
				org.mindgrid.shared.web.InputErrors.named(messages, field, messages.getMessage(key, null, key, locale),
						locale)));
	}

	private void revision(long id, int version, Map<String, Object> answers, String reason, long me, Instant at) {
		jdbc.sql("""
				insert into form_record_revision (record_id, version, answers, reason, changed_by, changed_at)
				values (:id, :v, cast(:a as jsonb), :r, :me, :at)""")
			.param("id", id).param("v", version).param("a", json.writeValueAsString(answers)).param("r", reason)
			.param("me", me).param("at", Timestamp.from(at)).update();
	}

	private Record get(long id) {
		return jdbc.sql("select " + COLUMNS + " from form_record r where r.id = :id").param("id", id)
			.query((rs, i) -> record(rs)).single();
	}

	private Record record(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Record(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
				json.readValue(rs.getString(5), ANSWERS), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
				rs.getTimestamp(9).toInstant());
	}
}
