package org.mindgrid.warning.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.warning.attachments.AttachmentFile;
import org.mindgrid.warning.attachments.CaseAttachments;
import org.mindgrid.warning.cases.CaseAccess;
import org.mindgrid.warning.cases.CaseWork;
import org.mindgrid.warning.letters.CaseLetterData;
import org.mindgrid.warning.letters.CaseLetters;
import org.mindgrid.warning.letters.LetterData;
import org.mindgrid.warning.letters.LetterKind;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A case's letters and files as HTTP answers, for the API (token) and the pages (session) alike. */
@Component
class CaseFileAnswers {

	private final CaseWork work;

	private final CaseLetters letters;

	private final CaseLetterData letterData;

	private final CaseAttachments attachments;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	CaseFileAnswers(CaseWork work, CaseLetters letters, CaseLetterData letterData, CaseAttachments attachments,
			AuditLog audit, JdbcClient jdbc) {
		this.work = work;
		this.letters = letters;
		this.letterData = letterData;
		this.attachments = attachments;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	ResponseEntity<byte[]> document(long id, String kind) {
		work.requireTier(id, CaseAccess.FULL);
		LetterKind letter = LetterKind.fromCode(kind);
		Locale locale = LocaleContextHolder.getLocale();
		LetterData data = letterData.load(id);
		byte[] pdf = letters.render(letter, data, locale);
		long studentId = jdbc.sql("select student_id from warning_case where id = :c").param("c", id)
			.query(Long.class).single();
		audit.record("CASE_DOCUMENT_READ", "case/" + id + "/documents/" + letter.code(), studentId, null);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(letters.fileName(letter, data, locale), StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	ResponseEntity<byte[]> download(long id, long attachmentId) {
		work.requireTier(id, CaseAccess.FULL);
		AttachmentFile f = attachments.load(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(f.attachment().filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(f.content());
	}
}
