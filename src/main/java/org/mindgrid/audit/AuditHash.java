package org.mindgrid.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical form of an audit row and its SHA-256 (ADR 0013). The SQL function {@code audit_event_canonical}
 * builds the same string, so the database, this class and an auditor's script agree byte for byte.
 */
final class AuditHash {

	/** The previous hash of the first row of every chain. */
	static final String GENESIS = "0".repeat(64);

	private static final HexFormat HEX = HexFormat.of();

	private AuditHash() {
	}

	/** The fields that are hashed, exactly as stored. */
	record Fields(long id, Instant occurredAt, LocalDate chainDay, long chainSeq, Long userId, String username,
			String action, String resource, Long studentId, String detail, String remoteAddr, String prevHash) {
	}

	static String of(Fields f) {
		return hex(canonical(f));
	}

	static String canonical(Fields f) {
		StringBuilder s = new StringBuilder(256).append("mindgrid-audit-v1");
		field(s, Long.toString(f.id()));
		field(s, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, f.occurredAt())));
		field(s, day(f.chainDay()));
		field(s, Long.toString(f.chainSeq()));
		field(s, f.userId() == null ? null : f.userId().toString());
		field(s, f.username());
		field(s, f.action());
		field(s, f.resource());
		field(s, f.studentId() == null ? null : f.studentId().toString());
		field(s, f.detail());
		field(s, f.remoteAddr());
		field(s, f.prevHash());
		return s.toString();
	}

	static String hex(String canonical) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HEX.formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/** As PostgreSQL's {@code to_char(day, 'YYYY-MM-DD')}. */
	private static String day(LocalDate day) {
		return String.format("%04d-%02d-%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
	}

	private static void field(StringBuilder s, String value) {
		s.append('|');
		if (value == null) {
			s.append('~');
		}
		else {
			s.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
		}
	}
}
