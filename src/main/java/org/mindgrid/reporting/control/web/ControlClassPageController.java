package org.mindgrid.reporting.control.web;

import java.util.Locale;

import org.mindgrid.reporting.control.ControlClasses;
import org.mindgrid.reporting.control.ControlClasses.ControlClass;
import org.mindgrid.reporting.control.ControlClasses.Target;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city officer's form to class a district or a school (one column, works on a phone); a refused form comes
 * back with what was typed and the message naming the field. Saved, it returns to the dashboard it came from.
 */
@Controller
class ControlClassPageController {

	record AssignForm(Long districtId, Long schoolId, String controlClass, String reason) {
	}

	private final ControlClasses classes;

	private final MessageSource messages;

	ControlClassPageController(ControlClasses classes, MessageSource messages) {
		this.classes = classes;
		this.messages = messages;
	}

	@GetMapping("/control-classes/new")
	String form(@RequestParam(required = false) Long districtId, @RequestParam(required = false) Long schoolId,
			@RequestParam(required = false) String controlClass, Model model) {
		Target target = classes.target(districtId, schoolId);
		return render(model, target, new AssignForm(districtId, schoolId, controlClass == null ? "WATCH" : controlClass, ""),
				null);
	}

	@PostMapping("/control-classes")
	String assign(@ModelAttribute AssignForm form, Model model, Locale locale) {
		Target target = classes.target(form.districtId(), form.schoolId());
		ControlClass chosen;
		try {
			chosen = ControlClass.valueOf(String.valueOf(form.controlClass()));
		}
		catch (IllegalArgumentException e) {
			return render(model, target, form, message("problem.field", locale, message("field.controlClass", locale),
					message("control.problem.class", locale)));
		}
		try {
			classes.assign(form.districtId(), form.schoolId(), chosen, form.reason());
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			Object errors = problem.properties().get("errors");
			String text = errors instanceof java.util.Map<?, ?> map && !map.isEmpty()
					? String.valueOf(map.values().iterator().next())
					: message(problem.messageKey(), locale, problem.args());
			return render(model, target, form, text);
		}
		return target.schoolId() != null ? "redirect:/oversight/districts/" + target.districtId() + "#control"
				: "redirect:/oversight/cities/" + target.cityId() + "#control";
	}

	private String render(Model model, Target target, AssignForm form, String error) {
		model.addAttribute("target", target);
		model.addAttribute("form", form);
		model.addAttribute("classes", ControlClass.values());
		model.addAttribute("error", error);
		return "reporting/control-form";
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
