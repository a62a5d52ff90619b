package org.mindgrid.observation.web;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.mindgrid.observation.Observations;
import org.mindgrid.observation.TriggerKind;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.DateLimits;
import org.mindgrid.shared.web.DateOutOfRange;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final DateLimits dates;

	TriggerPageController(Observations observations, MessageSource messages, DateLimits dates) {
		this.observations = observations;
		this.messages = messages;
		this.dates = dates;
	}

	@GetMapping("/students/{id}/triggers/new")
	String form(@PathVariable long id, Model model) {
		return render(id, model, null, null, null, null);
	}

	/** The date is read here, not bound, so that a refused date shows the form again with what was typed. */
	@PostMapping("/students/{id}/triggers")
	String submit(@PathVariable long id, @RequestParam(required = false) TriggerKind kind,
			@RequestParam(defaultValue = "") String occurredOn, @RequestParam(defaultValue = "") String note,
			Model model) {
		if (kind == null) {
			return render(id, model, null, occurredOn, note, "trigger.kind-required");
		}
		LocalDate day;
		try {
			day = dates.parseDate(occurredOn);
		}
		catch (DateOutOfRange e) {
			return render(id, model, kind, occurredOn, note, e.messageKey(), e.args());
		}
		catch (DateTimeException e) {
			return render(id, model, kind, occurredOn, note, "input.date.format");
		}
		try {
			observations.recordTrigger(id, kind, day, note);
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

	private String render(long id, Model model, TriggerKind kind, String occurredOn, String note, String errorKey) {
		return render(id, model, kind, occurredOn, note, errorKey, null);
	}

	private String render(long id, Model model, TriggerKind kind, String occurredOn, String note, String errorKey,
			Object[] errorArgs) {
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
			model.addAttribute("error", messages.getMessage(errorKey, errorArgs, LocaleContextHolder.getLocale()));
		}
		return "observation/trigger";
	}
}
