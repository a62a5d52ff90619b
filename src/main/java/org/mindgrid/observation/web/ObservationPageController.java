package org.mindgrid.observation.web;

import java.util.List;

import jakarta.validation.Valid;

import org.mindgrid.observation.ObservationCategories;
import org.mindgrid.observation.ObservationCommand;
import org.mindgrid.observation.ObservationRecorded;
import org.mindgrid.observation.Observations;
import org.mindgrid.observation.SignRouting;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.InputErrors;
import org.mindgrid.student.Students;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The daily observation on a phone: find the student in two keystrokes, tap the signs, submit. A failed save
 * shows the form again with everything that was typed.
 */
@Controller
class ObservationPageController {

	private final Observations observations;

	private final Students students;

	private final MessageSource messages;

	ObservationPageController(Observations observations, Students students, MessageSource messages) {
		this.observations = observations;
		this.students = students;
		this.messages = messages;
	}

	@GetMapping("/observations/new")
	String form(@RequestParam(required = false) Long studentId, Model model) {
		ObservationCommand empty = new ObservationCommand(studentId, null, null, null, null, null, null, null, null, null);
		return render(empty, model, null);
	}

	/** One observation in full (archive readers; audited). */
	@GetMapping("/observations/{id:\\d+}")
	String view(@PathVariable long id, Model model) {
		model.addAttribute("o", observations.get(id));
		return "observation/view";
	}

	/** htmx: students matching the search, within the caller's scope. */
	@GetMapping("/observations/students")
	String search(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("matches", q.isBlank() ? List.of()
				: students.list(new Students.Filter(null, q, 0, 8)).items());
		return "observation/form :: matches";
	}

	@PostMapping("/observations")
	String submit(@Valid @ModelAttribute("observation") ObservationCommand command, BindingResult binding, Model model) {
		if (binding.hasFieldErrors()) {
			// Name the first refused field (a date out of range, a sign that is not a number) above the form.
			var first = binding.getFieldError();
			var locale = LocaleContextHolder.getLocale();
			model.addAttribute("errorArgs", new Object[] { InputErrors.label(messages, first.getField(), locale),
					InputErrors.bareMessage(messages, first, locale) });
			return render(command, model, "problem.field");
		}
		if (binding.hasErrors() || command.studentId() == null) {
			return render(command, model, "problem.validation");
		}
		try {
			ObservationRecorded recorded = observations.record(command);
			model.addAttribute("recorded", recorded);
			model.addAttribute("chosen", observations.studentLabel(recorded.studentId()).orElse(null));
			return "observation/saved";
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			model.addAttribute("errorArgs", problem.args());
			return render(command, model, problem.messageKey());
		}
	}

	private String render(ObservationCommand command, Model model, String errorKey) {
		model.addAttribute("observation", command);
		model.addAttribute("signNumbers", java.util.stream.IntStream.rangeClosed(1, SignRouting.SIGN_COUNT).boxed().toList());
		model.addAttribute("family", ObservationCategories.FAMILY);
		model.addAttribute("personal", ObservationCategories.PERSONAL);
		model.addAttribute("social", ObservationCategories.SOCIAL);
		model.addAttribute("levels", ObservationCategories.CRISIS_LEVELS);
		if (errorKey != null) {
			Object[] args = (Object[]) model.getAttribute("errorArgs");
			model.addAttribute("error", messages.getMessage(errorKey, args, errorKey, LocaleContextHolder.getLocale()));
		}
		if (command.studentId() != null) {
			model.addAttribute("chosen", observations.studentLabel(command.studentId()).orElse(null));
		}
		return "observation/form";
	}
}
