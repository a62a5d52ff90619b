package org.mindgrid.warning.attachments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 8 points 5–8: a case's files, checked by their bytes, sized, named safely, never changed or deleted. */
@IntegrationTest
class CaseAttachmentsIntegrationTests {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };

	@Autowired
	CaseAttachments attachments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MessageSource messages;

	long caseId;

	long psych;

	long student;

	@BeforeEach
	void aCase() {
		psych = jdbc.sql("select id from app_user where username = 'psych1'").query(Long.class).single();
		// a student of 九年级（2）班 without an open case: each test opens its own and releases it
		student = jdbc.sql("""
				select s.id from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 join school sc on sc.id = s.school_id
				 where sc.name = '海曙区实验学校' and g.level = 9 and c.name = '2班'
				   and not exists (select 1 from warning_case w where w.student_id = s.id and w.ended_at is null)
				 order by s.id limit 1""").query(Long.class).single();
		long school = jdbc.sql("select school_id from student where id = :s").param("s", student).query(Long.class).single();
		caseId = jdbc.sql("""
				insert into warning_case (student_id, school_id, state, category, opened_by, opened_at, ended_at)
				values (:s, :school, 'RELEASED', 2, :u, :t, :t) returning id""")
			.param("s", student).param("school", school).param("u", psych).param("t", Timestamp.from(clock.instant()))
			.query(Long.class).single();
	}

	private static byte[] audio(String magicAt0, int ftypOffset) {
		byte[] b = new byte[32];
		byte[] m = magicAt0.getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(m, 0, b, ftypOffset, m.length);
		return b;
	}

	@Test
	void eachAcceptedTypeIsRecognisedByItsBytesAndStoredWithItsDigest() throws Exception {
		byte[] wav = audio("RIFF", 0);
		System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 4);
		byte[] mp3Frame = { (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0 };
		Object[][] cases = { { AttachmentKind.SIGNED_REFERRAL, "转介信回执.pdf", PDF, "application/pdf" },
				{ AttachmentKind.DIAGNOSIS_SCAN, "诊断.png", PNG, "image/png" },
				{ AttachmentKind.MEDICAL_PROOF, "证明.jpeg", JPEG, "image/jpeg" },
				{ AttachmentKind.RECORDING, "会谈.mp3", audio("ID3", 0), "audio/mpeg" },
				{ AttachmentKind.RECORDING, "frame.mp3", mp3Frame, "audio/mpeg" },
				{ AttachmentKind.RECORDING, "会谈.m4a", audio("ftypM4A ", 4), "audio/mp4" },
				{ AttachmentKind.RECORDING, "会谈.wav", wav, "audio/wav" },
				{ AttachmentKind.RECORDING, "会谈.ogg", audio("OggS", 0), "audio/ogg" },
				{ AttachmentKind.RECORDING, "微信语音.amr", audio("#!AMR\n", 0), "audio/amr" } };
		for (Object[] c : cases) {
			byte[] bytes = (byte[]) c[2];
			Attachment a = attachments.store(caseId, (AttachmentKind) c[0], (String) c[1], null, bytes, psych);
			assertThat(a.contentType()).as((String) c[1]).isEqualTo(c[3]);
			assertThat(a.filename()).isEqualTo(c[1]);
			assertThat(a.size()).isEqualTo(bytes.length);
			assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
			assertThat(a.uploadedByName()).isEqualTo("林若曦");
			AttachmentFile file = attachments.load(caseId, a.id());
			assertThat(file.content()).isEqualTo(bytes);
		}
		assertThat(attachments.list(caseId)).hasSize(cases.length).extracting(Attachment::kind)
			.startsWith(AttachmentKind.SIGNED_REFERRAL, AttachmentKind.DIAGNOSIS_SCAN);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_ATTACHMENT_STORE' and student_id = :s and resource like :r")
			.param("s", student).param("r", "case/" + caseId + "/attachments/%").query(Long.class).single())
			.isEqualTo(cases.length);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_ATTACHMENT_READ' and resource like :r")
			.param("r", "case/" + caseId + "/attachments/%").query(Long.class).single()).isEqualTo(cases.length);
	}

	@Test
	void aFileIsRefusedForWhatItIsNotForWhatItIsCalled() {
		// an executable named like a scan
		ApiProblem exe = catchThrowableOfType(ApiProblem.class, () -> attachments.store(caseId,
				AttachmentKind.DIAGNOSIS_SCAN, "诊断.pdf", "application/pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), psych));
		assertThat(exe.status().value()).isEqualTo(415);
		assertThat(exe.messageKey()).isEqualTo("attachment.type-unknown");
		assertThat(messages.getMessage(exe.messageKey(), exe.args(), Locale.ENGLISH)).contains("(file)");

		ApiProblem mismatch = catchThrowableOfType(ApiProblem.class, () -> attachments.store(caseId,
				AttachmentKind.DIAGNOSIS_SCAN, "scan.pdf", "application/pdf", PNG, psych));
		assertThat(mismatch.status().value()).isEqualTo(415);
		assertThat(messages.getMessage(mismatch.messageKey(), mismatch.args(), Locale.CHINA))
			.contains("application/pdf", "image/png", "file");

		ApiProblem kind = catchThrowableOfType(ApiProblem.class, () -> attachments.store(caseId,
				AttachmentKind.RECORDING, "录音.pdf", null, PDF, psych));
		assertThat(kind.status().value()).isEqualTo(400);
		assertThat(messages.getMessage(kind.messageKey(), kind.args(), Locale.ENGLISH)).contains("(kind)");

		ApiProblem empty = catchThrowableOfType(ApiProblem.class, () -> attachments.store(caseId,
				AttachmentKind.OTHER, "空.pdf", null, new byte[0], psych));
		assertThat(empty.status().value()).isEqualTo(400);

		ApiProblem large = catchThrowableOfType(ApiProblem.class, () -> {
			byte[] big = new byte[20 * 1024 * 1024 + 1];
			System.arraycopy(PDF, 0, big, 0, PDF.length);
			attachments.store(caseId, AttachmentKind.OTHER, "大.pdf", null, big, psych);
		});
		assertThat(large.status().value()).isEqualTo(413);
		assertThat(messages.getMessage(large.messageKey(), large.args(), Locale.CHINA)).contains("20 MB");

		ApiProblem unknownKind = catchThrowableOfType(ApiProblem.class, () -> AttachmentKind.parse("PHOTO"));
		assertThat(unknownKind.status().value()).isEqualTo(400);
		assertThat(AttachmentKind.parse("signed-notice")).isEqualTo(AttachmentKind.SIGNED_NOTICE);

		assertThat(catchThrowableOfType(ApiProblem.class, () -> attachments.store(99_999_999L, AttachmentKind.OTHER,
				"x.pdf", null, PDF, psych)).status().value()).isEqualTo(404);
		assertThat(attachments.list(caseId)).isEmpty();
		// a generic declared type says nothing: the bytes decide
		assertThat(attachments.store(caseId, AttachmentKind.OTHER, "x.bin", "application/octet-stream", PDF, psych)
			.contentType()).isEqualTo("application/pdf");
	}

	@Test
	void namesAreCleanedAndGetTheExtensionOfWhatTheFileIs() {
		assertThat(attachments.store(caseId, AttachmentKind.SIGNED_NOTICE, "C:\\Users\\家长\\告知书.pdf", null, PDF, psych)
			.filename()).isEqualTo("告知书.pdf");
		assertThat(attachments.store(caseId, AttachmentKind.SIGNED_NOTICE, "../../etc/passwd", null, PDF, psych)
			.filename()).isEqualTo("passwd.pdf");
		assertThat(attachments.store(caseId, AttachmentKind.SIGNED_NOTICE, "签字\u0000页\u202e<b>.png", null, PNG, psych)
			.filename()).isEqualTo("签字_页__b_.png");
		assertThat(attachments.store(caseId, AttachmentKind.SIGNED_NOTICE, "扫描件.pdf", null, JPEG, psych).filename())
			.isEqualTo("扫描件.pdf.jpg");
		assertThat(attachments.store(caseId, AttachmentKind.SIGNED_NOTICE, "", null, PDF, psych).filename())
			.isEqualTo("attachment.pdf");
		String longName = "长".repeat(300) + ".pdf";
		String stored = attachments.store(caseId, AttachmentKind.OTHER, longName, null, PDF, psych).filename();
		assertThat(stored).endsWith(".pdf").hasSize(CaseAttachments.MAX_NAME);
	}

	@Test
	void filesAreNeverChangedNorDeletedAndBelongToTheirCase() {
		Attachment a = attachments.store(caseId, AttachmentKind.SIGNED_CONTRACT, "契约书.pdf", null, PDF, psych);
		assertThatThrownBy(() -> jdbc.sql("update case_attachment set filename = 'x.pdf' where id = :id")
			.param("id", a.id()).update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from case_attachment where id = :id").param("id", a.id()).update())
			.hasMessageContaining("append-only");
		assertThat(catchThrowableOfType(ApiProblem.class, () -> attachments.load(caseId + 1_000_000, a.id()))
			.status().value()).isEqualTo(404);
	}
}
