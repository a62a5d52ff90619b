package org.mindgrid.counselling.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.mindgrid.counselling.Appointments;
import org.mindgrid.counselling.StudentRequests;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The student's own request for counselling, without an account (ADR 0036): {@code /c} with the class's code (the
 * poster in the classroom), 学号 and birth date. A wrong code is a calm sentence, never an error page, and keeps
 * what was typed.
 */
@Controller
class StudentAskPages {

	private final StudentRequests requests;

	private final MessageSource messages;

	StudentAskPages(StudentRequests requests, MessageSource messages) {
		this.requests = requests;
		this.messages = messages;
	}

	@GetMapping("/c")
	String start(Model model) {
		model.addAttribute("typed", Map.of());
		model.addAttribute("errors", Map.of());
		model.addAttribute("topics", Appointments.TOPICS);
		return "counselling/ask";
	}

	@PostMapping("/c")
	String ask(@RequestParam Map<String, String> form, HttpServletRequest request, Model model,
			java.util.Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate birth = null;
		try {
			String b = form.get("birthDate");
			birth = b == null || b.isBlank() ? null : LocalDate.parse(b.strip());
		}
		catch (DateTimeParseException e) {
			errors.put("birthDate", messages.getMessage("counselling.problem.date", null, locale));
		}
		for (String f : new String[] { "code", "studentNo", "birthDate", "topic" }) {
			String v = form.get(f);
			if ((v == null || v.isBlank()) && !errors.containsKey(f)) {
				errors.put(f, messages.getMessage("counselling.ask.required", null, locale));
			}
		}
		if (errors.isEmpty()) {
			try {
				requests.request(form.get("code"), form.get("studentNo"), birth, form.get("topic"), form.get("preferred"),
						request.getRemoteAddr());
				return "counselling/asked";
			}
			catch (StudentRequests.Refused refused) {
				errors.put("form", messages.getMessage("counselling.ask.refused." + refused.refusal().name(), null, locale));
			}
			catch (ApiProblem problem) {
				if (problem.properties().get("errors") instanceof Map<?, ?> map) {
					map.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
				}
				else {
					errors.put("form", messages.getMessage(problem.messageKey(), problem.args(), locale));
				}
			}
		}
		model.addAttribute("typed", form);
		model.addAttribute("errors", errors);
		model.addAttribute("topics", Appointments.TOPICS);
		return "counselling/ask";
	}
}
