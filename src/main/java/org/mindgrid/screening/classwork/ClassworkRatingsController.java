package org.mindgrid.screening.classwork;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mindgrid.screening.scales.ScaleScore;
import org.mindgrid.screening.sessions.Ratings;
import org.mindgrid.screening.sessions.Responses;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The rating grid's saves, for screening-classwork.js: a same-origin fetch with the page's session and CSRF token
 * (the JSON API takes bearer tokens only). Each save and submit goes through the core's {@link Ratings}; refusals
 * answer JSON {@code {"status","code","detail","errors"}} so the cell can say what went wrong.
 */
@Controller
class ClassworkRatingsController {

	private final ClassScreening classes;

	private final Ratings ratings;

	private final MessageSource messages;

	private final ResultWords words;

	ClassworkRatingsController(ClassScreening classes, Ratings ratings, MessageSource messages, ResultWords words) {
		this.words = words;
		this.classes = classes;
		this.ratings = ratings;
		this.messages = messages;
	}

	record RatingInput(Long studentId, String scaleId, Map<String, Integer> answers) {
	}

	@PostMapping(path = "/screening/campaigns/{id}/classes/{classId}/ratings", consumes = "application/json",
			produces = "application/json")
	@ResponseBody
	Responses.Saved save(@PathVariable long id, @PathVariable long classId, @RequestBody RatingInput input) {
		long studentId = student(input);
		classes.studentOf(id, classId, studentId);
		return ratings.save(id, studentId, input.scaleId(), input.answers());
	}

	@PostMapping(path = "/screening/campaigns/{id}/classes/{classId}/ratings/submit", consumes = "application/json",
			produces = "application/json")
	@ResponseBody
	Map<String, Object> submit(@PathVariable long id, @PathVariable long classId, @RequestBody RatingInput input) {
		long studentId = student(input);
		classes.studentOf(id, classId, studentId);
		ScaleScore score = ratings.submit(id, studentId, input.scaleId());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("scaleId", score.scaleId());
		body.put("total", score.total());
		body.put("band", score.band());
		body.put("factors", score.factors());
		body.put("flags", score.flags());
		body.put("summary", words.summary(score.scaleId(), score.total(), score.band(), score.flags()));
		return body;
	}

	private static long student(RatingInput input) {
		if (input == null || input.studentId() == null) {
			throw ApiProblem.badRequest("classwork.rating.student-required");
		}
		return input.studentId();
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Map<String, Object>> problem(ApiProblem e) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", e.status().value());
		body.put("code", e.messageKey());
		body.put("detail", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
				LocaleContextHolder.getLocale()));
		body.putAll(e.properties());
		return ResponseEntity.status(e.status()).body(body);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
		return problem(ApiProblem.badRequest("classwork.rating.unreadable"));
	}

}
