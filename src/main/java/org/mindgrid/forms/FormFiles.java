package org.mindgrid.forms;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.forms.FormDefinition.Type;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.shared.files.DocumentFiles;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.FieldProblems;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of workbook records (photos or scans of a student's work): uploaded by those who may fill the form for
 * the student, read by those who may read it, checked by their first bytes (JPEG, PNG, PDF), at most 10 MB, never
 * deleted. A record's answer refers to them by id; saved, it keeps each file's id, name and type.
 */
@Service
public class FormFiles {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	public record FileRef(long id, String name, String type, long size, String sha256) {
	}

	public record Content(String name, String type, byte[] bytes, long studentId) {
	}

	private final JdbcClient jdbc;

	private final FormCatalog catalog;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final FieldProblems problems;

	private final Clock clock;

	FormFiles(JdbcClient jdbc, FormCatalog catalog, CurrentUsers users, AuditLog audit, FieldProblems problems,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.users = users;
		this.audit = audit;
		this.problems = problems;
		this.clock = clock;
	}

	@Transactional
	public FileRef store(long studentId, String formId, String filename, byte[] bytes) {
		FormDefinition form = catalog.find(formId == null ? "" : formId)
			.orElseThrow(() -> problems.field("formId", "form.problem.unknown-form"));
		if (form.fields().stream().noneMatch(f -> f.type() == Type.FILE)) {
			throw problems.field("formId", "form.problem.no-files");
		}
		long me = users.current().id();
		Long school = jdbc.sql("select s.school_id from student s where s.id = :st and " + StudentScope.BY_ROLES)
			.param("st", studentId).param("me", me).param("roles", form.fill()).query(Long.class).optional()
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		if (bytes == null || bytes.length == 0) {
			throw problems.field("file", "attachment.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "attachment.too-large", "10 MB");
		}
		String type = DocumentFiles.sniff(bytes)
			.orElseThrow(() -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "form.problem.file-type"));
		String name = clean(filename, type);
		String sha = sha256(bytes);
		long id = jdbc.sql("""
				insert into form_file (student_id, school_id, form_id, filename, content_type, size, sha256, content,
				                       uploaded_by, uploaded_at)
				values (:st, :school, :f, :name, :type, :size, :sha, :bytes, :me, :now) returning id""")
			.param("st", studentId).param("school", school).param("f", formId).param("name", name).param("type", type)
			.param("size", bytes.length).param("sha", sha).param("bytes", bytes).param("me", me)
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		audit.record("FORM_FILE_UPLOAD", "form-file/" + id, studentId, formId + " " + sha);
		return new FileRef(id, name, type, bytes.length, sha);
	}

	/** A file, to whoever may read its form for its student; 404 otherwise. */
	@Transactional
	public Content read(long id) {
		Map<String, Object> row = jdbc.sql("select student_id, form_id from form_file where id = :id").param("id", id)
			.query().listOfRows().stream().findFirst().orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		long studentId = ((Number) row.get("student_id")).longValue();
		FormDefinition form = catalog.find((String) row.get("form_id"))
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		Content c = jdbc.sql("""
				select f.filename, f.content_type, f.content, f.student_id from form_file f join student s on s.id = f.student_id
				 where f.id = :id and """ + " " + StudentScope.BY_ROLES)
			.param("id", id).param("me", users.current().id()).param("roles", form.read())
			.query((rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4))).optional()
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		audit.record("FORM_FILE_READ", "form-file/" + id, studentId, null);
		return c;
	}

	/**
	 * The images among a record's files as data URIs, for the workbook's PDF: its reader already read the record
	 * (and the print is audited), so no line per file.
	 */
	public List<String> images(List<?> answer) {
		List<Long> ids = answer.stream().map(FormAnswers::fileId).filter(java.util.Objects::nonNull).toList();
		return contents(ids).stream().filter(c -> DocumentFiles.isImage(c.type()))
			.map(c -> "data:" + c.type() + ";base64," + java.util.Base64.getEncoder().encodeToString(c.bytes()))
			.toList();
	}

	List<Content> contents(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select filename, content_type, content, student_id from form_file where id in (:ids) order by id")
			.param("ids", ids)
			.query((rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4))).list();
	}

	/**
	 * A file answer as stored: each id a file uploaded for this form and student, kept as {id, name, type}; empty
	 * when one is not.
	 */
	public java.util.Optional<List<Map<String, Object>>> refs(long studentId, String formId, List<?> given) {
		List<Long> ids = given.stream().map(FormAnswers::fileId).distinct().toList();
		Map<Long, Map<String, Object>> found = new LinkedHashMap<>();
		jdbc.sql("select id, filename, content_type from form_file where id in (:ids) and student_id = :st and form_id = :f")
			.param("ids", ids).param("st", studentId).param("f", formId)
			.query((rs, i) -> found.put(rs.getLong(1), Map.of("id", rs.getLong(1), "name", rs.getString(2),
					"type", rs.getString(3))))
			.list();
		return found.size() != ids.size() ? java.util.Optional.empty()
				: java.util.Optional.of(ids.stream().map(found::get).toList());
	}

	private static String clean(String filename, String type) {
		// a browser may send a path: keep the last part, without control characters
		String name = filename == null ? "" : filename;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("\\p{Cntrl}", "_").strip();
		if (name.isEmpty()) {
			name = "file" + (DocumentFiles.PDF.equals(type) ? ".pdf" : DocumentFiles.PNG.equals(type) ? ".png" : ".jpg");
		}
		return name.length() > 120 ? name.substring(name.length() - 120) : name;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
