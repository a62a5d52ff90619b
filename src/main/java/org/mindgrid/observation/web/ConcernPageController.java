package org.mindgrid.observation.web;

import java.util.List;

import org.mindgrid.observation.ConcernReports;
import org.mindgrid.observation.SignRouting;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A psych committee member reports a concern about a classmate; they see nothing else. */
@Controller
class ConcernPageController {

	private final ConcernReports concerns;

	private final MessageSource messages;

	ConcernPageController(ConcernReports concerns, MessageSource messages) {
		this.concerns = concerns;
		this.messages = messages;
	}

	@GetMapping("/concerns/new")
	String form(Model model) {
		return render(model, null, List.of(), "", null);
	}

	@PostMapping("/concerns")
	String submit(@RequestParam(required = false) Long studentId,
			@RequestParam(name = "signs", required = false) List<Integer> signs,
			@RequestParam(defaultValue = "") String description, Model model) {
		List<Integer> chosen = signs == null ? List.of() : signs;
		try {
			if (studentId == null) {
				throw ApiProblem.badRequest("student.not-found");
			}
			concerns.report(studentId, chosen, description);
			model.addAttribute("saved", true);
			return render(model, null, List.of(), "", null);
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal() && !"student.not-found".equals(problem.messageKey())) {
				throw problem;
			}
			return render(model, studentId, chosen, description, problem.messageKey());
		}
	}

	private String render(Model model, Long studentId, List<Integer> signs, String description, String errorKey) {
		model.addAttribute("classmates", concerns.classmates());
		model.addAttribute("signNumbers", java.util.stream.IntStream.rangeClosed(1, SignRouting.SIGN_COUNT).boxed().toList());
		model.addAttribute("studentId", studentId);
		model.addAttribute("signs", signs);
		model.addAttribute("description", description);
		if (errorKey != null) {
			model.addAttribute("error", messages.getMessage(errorKey, null, LocaleContextHolder.getLocale()));
		}
		return "observation/concern";
	}
}
