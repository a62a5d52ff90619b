package org.mindgrid.crisis.review;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.mindgrid.crisis.review.ReviewViews.Review;
import org.mindgrid.shared.web.ApiError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The post-incident review of a crisis event (复盘, issue 10 points 5 and 7). */
@RestController
@RequestMapping("/api/v1/crisis-events/{id}/review")
class ReviewApiController {

	private final CrisisReviews reviews;

	ReviewApiController(CrisisReviews reviews) {
		this.reviews = reviews;
	}

	@Operation(summary = "Open, edit or close the post-incident review (复盘)",
			description = "The district officer of the event's district only. The first POST opens the review (201), "
					+ "later ones answer 200; each applies its body: findings (up to 8,000 characters), responsibility "
					+ "(replaces the chain: up to 30 rows {role, person, finding}, each up to 500 characters), actions "
					+ "to add (each {what, ownerUserId, dueOn}: the owner a staff member of the event's school, dueOn "
					+ "today to today + 180 days; each opens a CRISIS_REVIEW_ACTION duty for its owner), close: true "
					+ "(needs findings; the review is then read-only and the school's team reads it). Optional "
					+ "version for an optimistic check. Answers the review as GET does. Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Crisis event id")
	@ApiError(status = 409, description = "The review is closed (code review.closed) or changed since it was read "
			+ "(code review.changed, with the current version)")
	@PostMapping
	ResponseEntity<Review> save(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
		CrisisReviews.Saved saved = reviews.save(id, body);
		return ResponseEntity.status(saved.opened() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.review());
	}

	@Operation(summary = "The post-incident review with its timeline and gaps",
			description = "State, findings, responsibility chain, actions with their duties; timeline: every record "
					+ "of the event's student before the event (observations, concern reports, 四必访 triggers, talks, "
					+ "home visits, contacts, warning reports and who opened or took them up when, duties with what "
					+ "became of them, case steps, plan revisions, screening results and flags), each {at, kind, code, "
					+ "args, by, link, refKind, refId, gap, text}; gaps: {rule, at, refKind, refId, args, text} for "
					+ "the rules NO_TALK_THIS_SEMESTER, TRIGGER_VISIT_LATE, TRIGGER_VISIT_MISSING, "
					+ "RED_SIGN_UNASSESSED, SCREENING_FLAG_UNREVIEWED, WEEKLY_SESSION_MISSED, REFERRAL_NO_DIAGNOSIS. "
					+ "District and city officers read it; the school's leaders, psychology teachers and crisis team "
					+ "once it is closed. 404 when no review is open (or not yet readable). Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Crisis event id")
	@GetMapping
	Review get(@PathVariable long id) {
		return reviews.read(id);
	}
}
