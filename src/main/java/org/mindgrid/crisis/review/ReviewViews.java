package org.mindgrid.crisis.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the review's endpoints and page show. */
public final class ReviewViews {

	private ReviewViews() {
	}

	/** A link of the responsibility chain: a role, the person who held it, what the review found about it. */
	public record Responsibility(String role, String person, String finding) {
	}

	/** An action the review decided, with its owner's duty and what became of it. */
	public record Action(long id, String what, long ownerUserId, String ownerName, LocalDate dueOn, Long dutyId,
			String dutyStatus, String createdBy, Instant createdAt) {
	}

	/** A timeline item with its words in the reader's language; {@code gap}: a rule found a gap on this record. */
	public record Item(Instant at, String kind, String code, List<String> args, String by, String link,
			String refKind, Long refId, boolean voided, boolean gap, String text) {
	}

	/** A gap with its rule's name and its words in the reader's language. */
	public record GapView(String rule, Instant at, String refKind, Long refId, List<String> args, String ruleName,
			String text) {
	}

	/** A school staff member who may own an action. */
	public record Owner(long userId, String name) {
	}

	/**
	 * The review: state, findings, responsibility chain, actions; the timeline of the student's history before
	 * the event and the gaps found. {@code editable}: the caller may write (the district officer, while OPEN).
	 * {@code timelineNote}: why the timeline is empty (no student named on the event), or null.
	 */
	public record Review(long id, long eventId, Long studentId, String studentName, Instant occurredAt, String state,
			String findings, List<Responsibility> responsibility, List<Action> actions, String openedBy,
			Instant openedAt, String updatedBy, Instant updatedAt, String closedBy, Instant closedAt, int version,
			boolean editable, String timelineNote, List<Item> timeline, List<GapView> gaps) {
	}
}
