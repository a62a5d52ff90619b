package org.mindgrid.warning.web;

import java.util.List;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.warning.RiskPhrases;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Risk phrases on pages (issue 7, point 14): the as-you-type check behind every record form's banner, and the page
 * where a school's psychology teachers and administrators add and remove their own phrases and exclusions.
 */
@Controller
class RiskPhrasePageController {

	/** Enough for every text field of a form; more is not a record anyone types. */
	private static final int MAX_TEXTS = 60;

	private static final int MAX_TEXT = 4000;

	private final RiskPhrases phrases;

	private final MessageSource messages;

	RiskPhrasePageController(RiskPhrases phrases, MessageSource messages) {
		this.phrases = phrases;
		this.messages = messages;
	}

	@PostMapping("/risk-phrases/check")
	String check(@RequestParam(name = "text", required = false) List<String> texts,
			@RequestParam(required = false) String studentId, Model model) {
		List<String> checked = texts == null ? List.of()
				: texts.stream().limit(MAX_TEXTS).map(t -> t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t).toList();
		Long student = studentId != null && studentId.matches("\\d{1,18}") ? Long.valueOf(studentId) : null;
		model.addAttribute("hits", phrases.check(student, checked));
		return "warning/risk :: hits";
	}

	@GetMapping("/risk-phrases")
	String page(Model model) {
		model.addAttribute("overrides", phrases.overrides());
		model.addAttribute("shipped", phrases.shipped());
		return "warning/risk-phrases";
	}

	@PostMapping("/risk-phrases")
	String add(@RequestParam(defaultValue = "") String phrase, @RequestParam(defaultValue = "") String kind,
			@RequestParam(required = false) String sign, RedirectAttributes redirect) {
		try {
			Integer n = sign != null && sign.matches("\\d{1,2}") ? Integer.valueOf(sign) : null;
			phrases.add(phrase, kind, n);
			redirect.addFlashAttribute("saved", true);
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			redirect.addFlashAttribute("error",
					messages.getMessage(problem.messageKey(), null, LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("phrase", phrase);
		}
		return "redirect:/risk-phrases";
	}

	@PostMapping("/risk-phrases/{id}/remove")
	String remove(@PathVariable long id) {
		phrases.remove(id);
		return "redirect:/risk-phrases";
	}
}
