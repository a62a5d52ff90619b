package org.mindgrid.screening.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import org.mindgrid.screening.campaigns.ScreeningInput;
import org.mindgrid.screening.sessions.AnswerSessions;
import org.mindgrid.screening.sessions.AnswerSessions.SessionView;
import org.mindgrid.screening.sessions.ParentConsents;
import org.mindgrid.screening.sessions.ParentConsents.ConsentView;
import org.mindgrid.screening.sessions.Responses.Saved;
import org.mindgrid.shared.web.ApiError;
import org.mindgrid.shared.web.Locales;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The code endpoints (issue 9, points 3, 4 and 8): no login, the code is the credential. Unknown codes are counted
 * per address and refused with 429 past the limit (ADR 0025).
 */
@RestController
@RequestMapping("/api/v1/screening")

class SessionApiController {

	record AnswersBody(String scaleId, Map<String, Integer> answers) {
	}

	record ResolveBody(String sessionCode, String studentNo, LocalDate birthDate) {
	}

	record Resolved(String code) {
	}

	record ConsentBody(Boolean consent) {
	}

	record Submitted(List<ScoreBody> scores) {
	}

	private final AnswerSessions sessions;

	private final ParentConsents consents;

	private final ScreeningInput input;

	SessionApiController(AnswerSessions sessions, ParentConsents consents, ScreeningInput input) {
		this.sessions = sessions;
		this.consents = consents;
		this.input = input;
	}

	@Operation(summary = "A student's questionnaire by answer code (no login)",
			description = "The scales of the student's grade with their items and options in the request's language, "
					+ "the answers saved so far (resume after a closed tab) and whether each is submitted.")
	@Parameter(name = "code", in = ParameterIn.PATH, description = "The student's answer code (with or without dashes)")
	@ApiError(status = 403, description = "No consent, refused, or the campaign is not open")
	@ApiError(status = 404, description = "Unknown code")
	@ApiError(status = 429, description = "Too many unknown codes from this address")
	@GetMapping("/sessions/{code}")
	SessionView open(@PathVariable String code, HttpServletRequest request) {
		return sessions.open(code, request.getRemoteAddr(), Locales.of(request));
	}

	@Operation(summary = "Save answers as they are given",
			description = "Merges {\"<item no>\": value} into the saved answers of one scale; an answer may be changed "
					+ "until submit. Answers {scaleId, answered, items}.")
	@Parameter(name = "code", in = ParameterIn.PATH, description = "The student's answer code")
	@ApiError(status = 400, description = "Unknown item or a value that is not an option; errors names answers.<no>")
	@ApiError(status = 409, description = "Already submitted")
	@PostMapping("/sessions/{code}/answers")
	Saved save(@PathVariable String code, @RequestBody AnswersBody body, HttpServletRequest request) {
		if (body.scaleId() == null || body.scaleId().isBlank()) {
			throw input.field("scaleId", "input.required");
		}
		return sessions.save(code, request.getRemoteAddr(), body.scaleId(), body.answers());
	}

	@Operation(summary = "Submit the questionnaire",
			description = "Scores every scale of the session and records the results; a critical item raises an "
					+ "urgent warning report at once. Answers the scores.")
	@Parameter(name = "code", in = ParameterIn.PATH, description = "The student's answer code")
	@ApiError(status = 400, description = "Items still unanswered; errors names answers.<scaleId>")
	@ApiError(status = 409, description = "Already submitted")
	@PostMapping("/sessions/{code}/submit")
	Submitted submit(@PathVariable String code, HttpServletRequest request) {
		return new Submitted(sessions.submit(code, request.getRemoteAddr()).stream().map(ScoreBody::of).toList());
	}

	@Operation(summary = "Find the answer code by class session code, 学号 and birth date",
			description = "For computer rooms: the class's session code with the student's 学号 and birth date gives "
					+ "the student's answer code. Misses count against the address as unknown codes do.")
	@ApiError(status = 404, description = "No such student in the session's class")
	@PostMapping("/sessions")
	Resolved resolve(@RequestBody ResolveBody body, HttpServletRequest request) {
		if (body.sessionCode() == null || body.sessionCode().isBlank()) {
			throw input.field("sessionCode", "input.required");
		}
		return new Resolved(sessions.resolve(body.sessionCode(), body.studentNo(), body.birthDate(),
				request.getRemoteAddr()));
	}

	@Operation(summary = "The consent form by parent code (no login)",
			description = "What the parent is asked: the campaign, the student (name masked), the instruments, and the "
					+ "answer if already given.")
	@Parameter(name = "parentCode", in = ParameterIn.PATH, description = "The one-time parent code of the consent form")
	@ApiError(status = 404, description = "Unknown code")
	@GetMapping("/consent/{parentCode}")
	ConsentView consentForm(@PathVariable String parentCode, HttpServletRequest request) {
		return consents.view(parentCode, request.getRemoteAddr(), Locales.of(request));
	}

	@Operation(summary = "The parent's answer: consent or refusal",
			description = "Answered once; a refusal is kept with its date and the student is never given a "
					+ "questionnaire.")
	@Parameter(name = "parentCode", in = ParameterIn.PATH, description = "The one-time parent code")
	@ApiError(status = 409, description = "Already answered")
	@PostMapping("/consent/{parentCode}")
	ConsentView consent(@PathVariable String parentCode, @RequestBody ConsentBody body, HttpServletRequest request) {
		if (body.consent() == null) {
			throw input.field("consent", "input.required");
		}
		return consents.answer(parentCode, request.getRemoteAddr(), body.consent(), Locales.of(request));
	}
}
