package org.mindgrid.screening.answer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mindgrid.screening.campaigns.Codes;
import org.mindgrid.screening.sessions.ParentConsents;
import org.mindgrid.screening.sessions.ParentConsents.ConsentView;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Locales;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The parent's consent page (issue 9, point 3), no account: the code printed on the consent form opens it. What the
 * screening is for, the instruments, who sees the results, the right to refuse; two big buttons, then a confirmation
 * (the answer is final), and afterwards the recorded answer with its date.
 */
@Controller
class ConsentPages {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ParentConsents consents;

	private final AnswerPages pages;

	ConsentPages(ParentConsents consents, AnswerPages pages) {
		this.consents = consents;
		this.pages = pages;
	}

	@GetMapping("/p/{code}")
	String form(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			return page(consents.view(code, request.getRemoteAddr(), Locales.of(request)), code, Locales.of(request),
					model, response);
		}
		catch (ApiProblem problem) {
			return pages.refused(problem, response, model);
		}
	}

	/** The first tap asks to confirm ({@code confirm} absent); the confirmed answer is recorded once. */
	@PostMapping("/p/{code}")
	String answer(@PathVariable String code, @RequestParam(required = false) String consent,
			@RequestParam(required = false) String confirm, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Locale locale = Locales.of(request);
		String address = request.getRemoteAddr();
		try {
			if (!"true".equals(consent) && !"false".equals(consent)) {
				ConsentView view = consents.view(code, address, locale);
				model.addAttribute("choiceError", true);
				response.setStatus(400);
				return page(view, code, locale, model, response);
			}
			boolean yes = Boolean.parseBoolean(consent);
			if (confirm == null) {
				ConsentView view = consents.view(code, address, locale);
				if (view.consent() == null) {
					model.addAttribute("confirming", yes);
				}
				return page(view, code, locale, model, response);
			}
			try {
				consents.answer(code, address, yes, locale);
			}
			catch (ApiProblem problem) {
				if (problem.status().value() != 409) {
					throw problem;
				}
				// answered meanwhile (another tap, or the head teacher entered the paper slip): show that answer
			}
			return "redirect:/p/" + Codes.normalise(code);
		}
		catch (ApiProblem problem) {
			return pages.refused(problem, response, model);
		}
	}

	private String page(ConsentView view, String code, Locale locale, Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("consent", view);
		model.addAttribute("code", Codes.normalise(code));
		DateTimeFormatter date = DateTimeFormatter.ofPattern(
				"en".equals(locale.getLanguage()) ? "d MMM yyyy" : "yyyy年M月d日", locale);
		DateTimeFormatter time = DateTimeFormatter.ofPattern(
				"en".equals(locale.getLanguage()) ? "d MMM yyyy HH:mm" : "yyyy年M月d日 HH:mm", locale);
		model.addAttribute("opens", view.campaign().opensAt().atZone(ZONE).format(date));
		model.addAttribute("closes", view.campaign().closesAt().atZone(ZONE).format(date));
		model.addAttribute("answeredAt", view.answeredAt() == null ? null : view.answeredAt().atZone(ZONE).format(time));
		return "screening/answer/consent";
	}
}
