package org.mindgrid.crisis.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.crisis.events.EventAccess;
import org.mindgrid.crisis.events.EventRef;
import org.mindgrid.crisis.events.Reach;
import org.mindgrid.crisis.review.ReviewViews.Responsibility;
import org.mindgrid.crisis.review.ReviewViews.Review;
import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.duty.DutyRequest;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The post-incident review (复盘, issue 10 point 5, ADR 0027). The district officer of the event's district opens,
 * edits and closes it; district and city officers read it; the school's team (leaders, psychology teachers, crisis
 * team) reads it once it is closed; anyone else gets 404. Every read and write is audited.
 */
@Service
public class CrisisReviews {

	/**
	 * The source kind of the duties a review's actions open ({@link DutyKind#CRISIS_REVIEW_ACTION}): the source id
	 * is the action's, so each action is a duty of its own.
	 */
	public static final String SOURCE_KIND = "CRISIS_REVIEW_ACTION";

	static final int FINDINGS_MAX = 8000;

	static final int ROWS_MAX = 30;

	static final int ROW_TEXT_MAX = 500;

	static final int ACTIONS_PER_SAVE = 30;

	static final int DUE_WITHIN_DAYS = 180;

	/** What a save answers: the review, and whether this save opened it. */
	public record Saved(Review review, boolean opened) {
	}

	private final EventAccess access;

	private final ReviewStore store;

	private final ReviewReads reads;

	private final Duties duties;

	private final AuditLog audit;

	private final Clock clock;

	CrisisReviews(EventAccess access, ReviewStore store, ReviewReads reads, Duties duties, AuditLog audit,
			Clock clock) {
		this.access = access;
		this.store = store;
		this.reads = reads;
		this.duties = duties;
		this.audit = audit;
		this.clock = clock;
	}

	/** Opens the event's review (the first call) or answers the one already open. */
	@Transactional
	public Saved open(long eventId) {
		return save(eventId, Map.of());
	}

	/**
	 * {@code POST /api/v1/crisis-events/{id}/review}: opens the review if none is yet, then applies the body —
	 * {@code findings}, {@code responsibility} (replaces the chain), {@code actions} (added), {@code close}.
	 */
	@Transactional
	public Saved save(long eventId, Map<String, Object> body) {
		EventAccess.Access a = access.require(eventId);
		if (a.reach() != Reach.DISTRICT) {
			// who may read it is refused the write (403); to anyone else it does not exist (404)
			boolean reads = a.reach() == Reach.CITY || store.find(eventId).filter(r -> readable(a.reach(), r)).isPresent();
			throw reads ? ApiProblem.forbidden("review.district-only") : ApiProblem.notFound("review.not-found", eventId);
		}
		Map<String, Object> in = body == null ? Map.of() : body;
		EventRef e = a.event();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		// read everything before writing anything: a refusal leaves the review as it was
		Integer version = ReviewInput.version(in);
		String findings = ReviewInput.text(in, "findings", FINDINGS_MAX, false, null);
		List<Responsibility> chain = responsibility(in);
		List<ReviewStore.NewAction> actions = actions(in, e, today);
		boolean close = ReviewInput.flag(in, "close");

		boolean opened = store.openIfNone(eventId, a.user().id(), now);
		if (opened) {
			audit.record("CRISIS_REVIEW_OPENED", "crisis-event/" + eventId, e.studentId(), null);
		}
		ReviewStore.Row row = store.lock(eventId);
		if (row.closed() && !in.isEmpty()) {
			throw ApiProblem.conflict("review.closed");
		}
		if (version != null && version != row.version()) {
			throw ApiProblem.conflict("review.changed").with("version", row.version());
		}
		String newFindings = in.containsKey("findings") ? findings : row.findings();
		if (close && (newFindings == null || newFindings.isBlank())) {
			throw ReviewInput.problem("review.close-needs-findings", "findings", null);
		}
		if (in.containsKey("findings") || chain != null) {
			store.update(row.id(), newFindings, chain, a.user().id(), now);
			audit.record("CRISIS_REVIEW_SAVED", "crisis-event/" + eventId, e.studentId(),
					chain == null ? null : chain.size() + " responsibility rows");
		}
		for (ReviewStore.NewAction action : actions) {
			long id = store.addAction(row.id(), action, a.user().id(), now);
			audit.record("CRISIS_REVIEW_ACTION_ADDED", "crisis-event/" + eventId, e.studentId(),
					"action " + id + " for user " + action.ownerUserId() + " due " + action.dueOn());
		}
		if (!actions.isEmpty() && !in.containsKey("findings") && chain == null) {
			store.touch(row.id(), a.user().id(), now);
		}
		if (close) {
			store.close(row.id(), a.user().id(), now);
			// the school reads the review once it is closed: only then do its actions become its owners' duties
			for (ReviewStore.ActionRow action : store.actions(row.id())) {
				Instant due = action.dueOn().plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1);
				long dutyId = duties.open(new DutyRequest(DutyKind.CRISIS_REVIEW_ACTION, e.schoolId(), e.studentId(),
						e.classId(), action.ownerUserId(), due, SOURCE_KIND, action.id(), null));
				store.setDuty(action.id(), dutyId);
			}
			audit.record("CRISIS_REVIEW_CLOSED", "crisis-event/" + eventId, e.studentId(), null);
		}
		return new Saved(reads.view(a, store.find(eventId).orElseThrow()), opened);
	}

	/** {@code GET /api/v1/crisis-events/{id}/review}: the review with its timeline and gaps; 404 when none. */
	@Transactional
	public Review read(long eventId) {
		EventAccess.Access a = access.require(eventId);
		ReviewStore.Row row = store.find(eventId).filter(r -> readable(a.reach(), r))
			.orElseThrow(() -> ApiProblem.notFound("review.not-found", eventId));
		audit.record("CRISIS_REVIEW_READ", "crisis-event/" + eventId, a.event().studentId(), row.state());
		return reads.view(a, row);
	}

	/**
	 * For the page: the review if the caller may read it; empty when none is open yet and the caller is the one
	 * who may open it (the page then offers to); 404 otherwise.
	 */
	@Transactional
	public java.util.Optional<Review> readOrOffer(long eventId) {
		EventAccess.Access a = access.require(eventId);
		var row = store.find(eventId);
		if (row.isEmpty() && a.reach() == Reach.DISTRICT) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(read(eventId));
	}

	/**
	 * For the event page: whether the caller has a review to open there — OPEN or CLOSED for those who read it,
	 * NONE for the district officer who may open one; empty for everyone else. {@code reach} as {@link EventAccess}
	 * decided it for the caller. Not audited (no content).
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<String> linkState(long eventId, Reach reach) {
		var row = store.find(eventId);
		if (row.isEmpty()) {
			return reach == Reach.DISTRICT ? java.util.Optional.of("NONE") : java.util.Optional.empty();
		}
		return readable(reach, row.get()) ? java.util.Optional.of(row.get().state()) : java.util.Optional.empty();
	}

	/** A review action's duty link: the event of the action, for a reader of its review (404 otherwise). */
	@Transactional
	public long eventOfAction(long actionId) {
		long eventId = store.eventOfAction(actionId).orElseThrow(() -> ApiProblem.notFound("review.not-found", actionId));
		read(eventId);
		return eventId;
	}

	/** The school's team, who may own an action (the district officer's choice on the page). */
	@Transactional(readOnly = true)
	public List<ReviewViews.Owner> owners(long eventId) {
		EventAccess.Access a = access.require(eventId);
		if (a.reach() != Reach.DISTRICT) {
			return List.of();
		}
		return store.team(a.event().schoolId());
	}

	static boolean readable(Reach reach, ReviewStore.Row row) {
		return reach == Reach.DISTRICT || reach == Reach.CITY || reach == Reach.TEAM && row.closed();
	}

	private static List<Responsibility> responsibility(Map<String, Object> in) {
		List<Map<String, Object>> rows = ReviewInput.rows(in, "responsibility", ROWS_MAX);
		if (rows == null) {
			return null;
		}
		List<Responsibility> chain = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> r = rows.get(i);
			String role = ReviewInput.text(r, "role", ROW_TEXT_MAX, false, i);
			String person = ReviewInput.text(r, "person", ROW_TEXT_MAX, false, i);
			String finding = ReviewInput.text(r, "finding", ROW_TEXT_MAX, false, i);
			if (role == null && person == null && finding == null) {
				continue; // a blank row of the page's form
			}
			if (role == null) {
				throw ReviewInput.problem("review.field.required", "role", i);
			}
			chain.add(new Responsibility(role, person, finding));
		}
		return chain;
	}

	private List<ReviewStore.NewAction> actions(Map<String, Object> in, EventRef e, LocalDate today) {
		List<Map<String, Object>> rows = ReviewInput.rows(in, "actions", ACTIONS_PER_SAVE);
		if (rows == null) {
			return List.of();
		}
		List<ReviewStore.NewAction> out = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> r = rows.get(i);
			String what = ReviewInput.text(r, "what", ROW_TEXT_MAX, true, i);
			long owner = ReviewInput.id(r, "ownerUserId", i);
			if (!store.teamOf(owner, e.schoolId())) {
				throw ReviewInput.problem("review.field.owner", "ownerUserId", i);
			}
			LocalDate dueOn = ReviewInput.date(r, "dueOn", today, today.plusDays(DUE_WITHIN_DAYS), i);
			out.add(new ReviewStore.NewAction(what, owner, dueOn));
		}
		return out;
	}
}
