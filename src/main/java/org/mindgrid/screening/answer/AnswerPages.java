package org.mindgrid.screening.answer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mindgrid.screening.campaigns.Codes;
import org.mindgrid.screening.sessions.AnswerSessions;
import org.mindgrid.screening.sessions.AnswerSessions.SessionView;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Locales;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The student's pages without an account (issue 9, point 4): {@code /s} to type the code of the printed slip or the
 * class session code with 学号 and birth date; {@code /s/{code}} the questionnaire, whose answers the script
 * ({@code js/screening-answer.js}) saves through the session API as they are given. A code that cannot be used
 * (unknown, no consent, closed campaign, too many wrong codes) is a calm page saying why, never an error page.
 */
@Controller
class AnswerPages {

	private final AnswerSessions sessions;

	private final MessageSource messages;

	private final JsonMapper json;

	AnswerPages(AnswerSessions sessions, MessageSource messages, JsonMapper json) {
		this.sessions = sessions;
		this.messages = messages;
		this.json = json;
	}

	/** The start page; {@code ?code=} (the form's GET) goes on to the questionnaire or says what is wrong. */
	@GetMapping("/s")
	String start(@RequestParam(required = false) String code, Model model) {
		if (code != null) {
			String normal = Codes.normalise(code);
			if (normal != null) {
				return "redirect:/s/" + normal;
			}
			model.addAttribute("code", code.length() > 40 ? code.substring(0, 40) : code);
			model.addAttribute("codeError", code.isBlank() ? "screening.answer.code.required"
					: "screening.answer.code.malformed");
		}
		return "screening/answer/start";
	}

	/** The computer room: the class session code, 学号 and birth date find the student's code. */
	@PostMapping("/s/session")
	String session(@RequestParam(required = false) String sessionCode,
			@RequestParam(required = false) String studentNo, @RequestParam(required = false) String birthDate,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("sessionCode", sessionCode);
		model.addAttribute("studentNo", studentNo);
		model.addAttribute("birthDate", birthDate);
		model.addAttribute("roomForm", true);
		if (sessionCode == null || sessionCode.isBlank()) {
			return roomError(model, response, 400, "screening.answer.session-code.required", null);
		}
		if (studentNo == null || studentNo.isBlank()) {
			return roomError(model, response, 400, "screening.answer.student-no.required", null);
		}
		LocalDate birth;
		try {
			birth = birthDate == null || birthDate.isBlank() ? null : LocalDate.parse(birthDate.strip());
		}
		catch (DateTimeParseException e) {
			birth = null;
		}
		if (birth == null) {
			return roomError(model, response, 400, "screening.answer.birth-date.required", null);
		}
		try {
			return "redirect:/s/" + sessions.resolve(sessionCode, studentNo, birth, request.getRemoteAddr());
		}
		catch (ApiProblem problem) {
			String key = problem.status().value() == 404 ? "screening.answer.room.not-found" : problem.messageKey();
			return roomError(model, response, problem.status().value(), key, problem.args());
		}
	}

	private String roomError(Model model, HttpServletResponse response, int status, String key, Object[] args) {
		response.setStatus(status);
		model.addAttribute("roomError", key);
		model.addAttribute("roomErrorArgs", args == null ? new Object[0] : args);
		return "screening/answer/start";
	}

	/** The questionnaire as the student left it, or the thank-you page once submitted. */
	@GetMapping("/s/{code}")
	String questionnaire(@PathVariable String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Locale locale = Locales.of(request);
		SessionView view;
		try {
			view = sessions.open(code, request.getRemoteAddr(), locale);
		}
		catch (ApiProblem problem) {
			return refused(problem, response, model);
		}
		model.addAttribute("questionnaire", view);
		// no-store: a shared computer's back button must not show another student's questionnaire
		response.setHeader("Cache-Control", "no-store");
		if (view.submitted()) {
			return "screening/answer/thanks";
		}
		if (view.scales().isEmpty()) {
			response.setStatus(403);
			model.addAttribute("reason", "screening.answer.nothing-to-answer");
			return "screening/answer/unavailable";
		}
		String normal = Codes.normalise(code);
		model.addAttribute("code", normal);
		model.addAttribute("printedCode", Codes.printed(normal));
		model.addAttribute("sessionJson", safeJson(view));
		model.addAttribute("notes", view.scales().stream()
			.map(s -> messages.getMessage("screening.answer.source." + s.id(), null, "", locale))
			.filter(s -> !s.isBlank())
			.distinct()
			.toList());
		return "screening/answer/questionnaire";
	}

	String refused(ApiProblem problem, HttpServletResponse response, Model model) {
		response.setStatus(problem.status().value());
		if (problem.retryAfterSeconds() != null) {
			response.setHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
		}
		model.addAttribute("reason", problem.messageKey());
		model.addAttribute("reasonArgs", problem.args() == null ? new Object[0] : problem.args());
		model.addAttribute("status", problem.status().value());
		return "screening/answer/unavailable";
	}

	/** JSON to sit inside {@code <script type="application/json">}: nothing in it can end the element. */
	String safeJson(Object value) {
		return json.writeValueAsString(value)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

}
