package org.mindgrid.observation.web;

import java.time.LocalDate;

import org.mindgrid.observation.Observations;
import org.mindgrid.observation.TriggerKind;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 四必访 entry for a student, offering only the kinds the caller may record (mentors: emotion, family change). */
@Controller
class TriggerPageController {

	private final Observations observations;

	private final MessageSource messages;

	TriggerPageController(Observations observations, MessageSource messages) {
		this.observations = observations;
		this.messages = messages;
	}

	@GetMapping("/students/{id}/triggers/new")
	String form(@PathVariable long id, Model model) {
		return render(id, model, null, null, null, null);
	}

	@PostMapping("/students/{id}/triggers")
	String submit(@PathVariable long id, @RequestParam(required = false) TriggerKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
			@RequestParam(defaultValue = "") String note, Model model) {
		if (kind == null) {
			return render(id, model, null, occurredOn, note, "trigger.kind-required");
		}
		try {
			observations.recordTrigger(id, kind, occurredOn, note);
			model.addAttribute("saved", true);
			return render(id, model, null, null, null, null);
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			return render(id, model, kind, occurredOn, note, problem.messageKey());
		}
	}

	private String render(long id, Model model, TriggerKind kind, LocalDate occurredOn, String note, String errorKey) {
		model.addAttribute("student", observations.studentLabel(id).orElseThrow(() -> ApiProblem.notFound("student.not-found")));
		var kinds = observations.triggerKinds(id);
		if (kinds.isEmpty()) {
			// Not offered: a form whose every choice would be refused is a dead end.
			throw ApiProblem.forbidden("trigger.no-kinds");
		}
		model.addAttribute("kinds", kinds);
		model.addAttribute("kind", kind);
		model.addAttribute("occurredOn", occurredOn);
		model.addAttribute("note", note);
		if (errorKey != null) {
			model.addAttribute("error", messages.getMessage(errorKey, null, LocaleContextHolder.getLocale()));
		}
		return "observation/trigger";
	}
}
