package org.mindgrid.screening.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.mindgrid.screening.campaigns.ScreeningInput;
import org.mindgrid.screening.sessions.Ratings;
import org.mindgrid.screening.sessions.Responses.Saved;
import org.mindgrid.shared.web.ApiError;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Observer-rated scales (MHRSP): the head teacher rates each student of the class (issue 9, point 4). */
@RestController
@RequestMapping("/api/v1/screening/ratings")
class RatingApiController {

	record RatingBody(Long campaignId, Long studentId, String scaleId, Map<String, Integer> answers) {
	}

	private final Ratings ratings;

	private final ScreeningInput input;

	RatingApiController(Ratings ratings, ScreeningInput input) {
		this.ratings = ratings;
		this.input = input;
	}

	@Operation(summary = "Save ratings of a student on an observer scale",
			description = "The head teacher of the student's class (or a psychology teacher) saves item ratings "
					+ "{\"<item no>\": value}; saved per cell, changeable until submitted. Consent is required.")
	@ApiError(status = 400, description = "A field is missing, the scale is not an observer scale of the student's "
			+ "grade, or a value is not an option")
	@ApiError(status = 403, description = "No consent, or not the class's head teacher")
	@ApiError(status = 409, description = "Already submitted")
	@PostMapping
	Saved save(@RequestBody RatingBody body) {
		require(body);
		return ratings.save(body.campaignId(), body.studentId(), body.scaleId(), body.answers());
	}

	@Operation(summary = "Submit a student's ratings", description = "Scores the complete rating and records it; a "
			+ "critical item raises an urgent warning report at once. Answers the score.")
	@ApiError(status = 400, description = "Items still unrated; errors names them")
	@ApiError(status = 409, description = "Already submitted")
	@PostMapping("/submit")
	ScoreBody submit(@RequestBody RatingBody body) {
		require(body);
		return ScoreBody.of(ratings.submit(body.campaignId(), body.studentId(), body.scaleId()));
	}

	private void require(RatingBody body) {
		if (body.campaignId() == null) {
			throw input.field("campaignId", "input.required");
		}
		if (body.studentId() == null) {
			throw input.field("studentId", "input.required");
		}
		if (body.scaleId() == null || body.scaleId().isBlank()) {
			throw input.field("scaleId", "input.required");
		}
	}
}
