package org.mindgrid.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mindgrid.warning.WarningRaised;

/** Ledger records as they are read back, with who wrote them, their escalation, void and addenda. */
public final class LedgerRecords {

	private LedgerRecords() {
	}

	public record Addendum(long id, String text, String createdBy, Instant createdAt) {
	}

	public record Voiding(String voidedBy, Instant voidedAt, String reason) {
	}

	/** What every record carries besides its content. */
	public record Meta(long id, long studentId, String studentName, long createdById, String createdBy,
			Instant createdAt, WarningRaised warningReport, Voiding voided, List<Addendum> addenda) {
	}

	public record Talk(long id, long studentId, String studentName, LocalDate date, String place, String topics,
			String state, String followUp, String createdBy, Instant createdAt, WarningRaised warningReport,
			Voiding voided, List<Addendum> addenda) {

		Talk(Meta m, LocalDate date, String place, String topics, String state, String followUp) {
			this(m.id(), m.studentId(), m.studentName(), date, place, topics, state, followUp, m.createdBy(),
					m.createdAt(), m.warningReport(), m.voided(), m.addenda());
		}

		public String kind() {
			return LedgerKind.TALK.name();
		}
	}

	public record HomeVisit(long id, long studentId, String studentName, Instant visitedAt, String interviewee,
			String relation, Integer durationMinutes, Map<String, HomeVisitOutline.Answer> answers,
			List<String> categories, String createdBy, Instant createdAt, WarningRaised warningReport, Voiding voided,
			List<Addendum> addenda, HomeVisitKind visitKind) {

		HomeVisit(Meta m, Instant visitedAt, String interviewee, String relation, Integer durationMinutes,
				Map<String, HomeVisitOutline.Answer> answers, List<String> categories, HomeVisitKind visitKind) {
			this(m.id(), m.studentId(), m.studentName(), visitedAt, interviewee, relation, durationMinutes, answers,
					categories, m.createdBy(), m.createdAt(), m.warningReport(), m.voided(), m.addenda(), visitKind);
		}

		public String kind() {
			return LedgerKind.HOME_VISIT.name();
		}
	}

	public record Contact(long id, long studentId, String studentName, ContactChannel channel, String content,
			Instant contactedAt, String createdBy, Instant createdAt, WarningRaised warningReport, Voiding voided,
			List<Addendum> addenda) {

		Contact(Meta m, ContactChannel channel, String content, Instant contactedAt) {
			this(m.id(), m.studentId(), m.studentName(), channel, content, contactedAt, m.createdBy(), m.createdAt(),
					m.warningReport(), m.voided(), m.addenda());
		}

		public String kind() {
			return LedgerKind.CONTACT.name();
		}
	}
}
