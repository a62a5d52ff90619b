package org.mindgrid.warning.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The files of a case (issue 8 points 5–8, ADR 0024): stored append-only in {@code case_attachment}, each checked
 * by its first bytes against the accepted types and the kind it is uploaded as, no larger than the application's
 * upload limit, its name cleaned. It checks no access — the case API that calls it does — but audits every store
 * and every read with the case's student.
 */
@Service
public class CaseAttachments {

	static final int MAX_NAME = 120;

	private static final String COLUMNS = """
			select a.id, a.case_id, a.kind, a.filename, a.content_type, a.size, a.sha256, a.uploaded_by,
			       u.display_name, a.uploaded_at
			  from case_attachment a join app_user u on u.id = a.uploaded_by
			""";

	private static final RowMapper<Attachment> ROW = (rs, i) -> new Attachment(rs.getLong(1), rs.getLong(2),
			AttachmentKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
			rs.getLong(8), rs.getString(9), rs.getTimestamp(10).toInstant());

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final DataSize maxSize;

	CaseAttachments(JdbcClient jdbc, AuditLog audit, Clock clock,
			@Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.maxSize = maxSize;
	}

	/**
	 * Stores a file. {@code declaredType} (the upload's Content-Type) may be absent or generic; a specific one must
	 * name the type the bytes are. Refusals name the field: {@code file} (empty 400, too large 413, unknown or
	 * mismatched type 415), {@code kind} (400).
	 */
	@Transactional
	public Attachment store(long caseId, AttachmentKind kind, String filename, String declaredType, byte[] bytes,
			long userId) {
		if (kind == null) {
			AttachmentKind.parse(null);
		}
		Long studentId = studentOf(caseId);
		if (bytes == null || bytes.length == 0) {
			throw ApiProblem.badRequest("attachment.empty");
		}
		if (bytes.length > maxSize.toBytes()) {
			throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "attachment.too-large", maxSize.toMegabytes() + " MB");
		}
		FileType type = FileType.sniff(bytes)
			.orElseThrow(() -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type-unknown"));
		if (declaredType != null && !declaredType.isBlank() && !generic(declaredType) && !type.isNamedBy(declaredType)) {
			throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type-mismatch",
					clean(declaredType, 100), type.contentType());
		}
		if (!kind.accepts(type)) {
			throw ApiProblem.badRequest("attachment.kind-type", kind.name(), type.contentType());
		}
		String name = sanitise(filename, type);
		String sha256 = sha256(bytes);
		Timestamp now = Timestamp.from(clock.instant());
		long id = jdbc.sql("""
				insert into case_attachment (case_id, kind, filename, content_type, size, sha256, content, uploaded_by,
				                             uploaded_at)
				values (:case, :kind, :name, :type, :size, :sha, :content, :by, :at) returning id""")
			.param("case", caseId).param("kind", kind.name()).param("name", name).param("type", type.contentType())
			.param("size", bytes.length).param("sha", sha256).param("content", bytes).param("by", userId)
			.param("at", now)
			.query(Long.class).single();
		audit.record("CASE_ATTACHMENT_STORE", "case/" + caseId + "/attachments/" + id, studentId,
				kind.name() + " " + type.contentType() + " " + bytes.length + " bytes sha256=" + sha256);
		return jdbc.sql(COLUMNS + " where a.id = :id").param("id", id).query(ROW).single();
	}

	/** The case's files, oldest first, without their bytes. */
	@Transactional(readOnly = true)
	public List<Attachment> list(long caseId) {
		return jdbc.sql(COLUMNS + " where a.case_id = :case order by a.id").param("case", caseId).query(ROW).list();
	}

	/** One file with its bytes; 404 when it is not the case's. The read is audited. */
	@Transactional
	public AttachmentFile load(long caseId, long attachmentId) {
		Attachment meta = jdbc.sql(COLUMNS + " where a.id = :id and a.case_id = :case")
			.param("id", attachmentId).param("case", caseId).query(ROW).optional()
			.orElseThrow(() -> ApiProblem.notFound("attachment.not-found"));
		byte[] content = jdbc.sql("select content from case_attachment where id = :id").param("id", attachmentId)
			.query(byte[].class).single();
		audit.record("CASE_ATTACHMENT_READ", "case/" + caseId + "/attachments/" + attachmentId, studentOf(caseId),
				meta.kind().name());
		return new AttachmentFile(meta, content);
	}

	private Long studentOf(long caseId) {
		return jdbc.sql("select student_id from warning_case where id = :id").param("id", caseId).query(Long.class)
			.optional().orElseThrow(() -> ApiProblem.notFound("attachment.case-not-found"));
	}

	/** Types that say nothing about the content (what a client sends when it does not know). */
	private static boolean generic(String declared) {
		String d = declared.toLowerCase(Locale.ROOT).strip();
		return d.startsWith("application/octet-stream") || d.startsWith("binary/octet-stream")
				|| d.startsWith("application/unknown");
	}

	/**
	 * The name without a path, control or reserved characters, at most {@value #MAX_NAME} characters, with the
	 * extension of the type the bytes are (so that the file opens as what it is).
	 */
	static String sanitise(String filename, FileType type) {
		String name = filename == null ? "" : Normalizer.normalize(filename, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\"*:<>?|]", "_").strip().replaceAll("^[.\\s]+", "");
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
		boolean extFits = ext.equals(type.extension()) || type == FileType.JPEG && ext.equals(".jpeg");
		if (!extFits) {
			base = name;
			ext = type.extension();
		}
		if (base.isBlank()) {
			base = "attachment";
		}
		int room = MAX_NAME - ext.length();
		if (base.codePointCount(0, base.length()) > room) {
			base = base.substring(0, base.offsetByCodePoints(0, room));
		}
		return base + ext;
	}

	private static String clean(String s, int max) {
		String c = s.replaceAll("\\p{Cntrl}", "").strip();
		return c.length() > max ? c.substring(0, max) : c;
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
