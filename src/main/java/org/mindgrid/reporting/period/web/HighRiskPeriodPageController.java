package org.mindgrid.reporting.period.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.reporting.period.HighRiskPeriods;
import org.mindgrid.reporting.period.HighRiskPeriods.Kind;
import org.mindgrid.reporting.period.HighRiskPeriods.NewPeriod;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.DateLimits;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The district's periods of high risk as pages: the list with the announcement form for its officers (phone
 * friendly; a refused form keeps what was typed), and one period with its message and the guidance.
 */
@Controller
class HighRiskPeriodPageController {

	/** What the form sends, as typed. */
	record PeriodForm(String kind, String title, String startsOn, String endsOn, String message) {
	}

	private final HighRiskPeriods periods;

	private final CurrentUsers users;

	private final DateLimits dates;

	private final MessageSource messages;

	HighRiskPeriodPageController(HighRiskPeriods periods, CurrentUsers users, DateLimits dates, MessageSource messages) {
		this.periods = periods;
		this.users = users;
		this.dates = dates;
		this.messages = messages;
	}

	@GetMapping("/high-risk-periods")
	String list(Model model) {
		return render(model, new PeriodForm("EXAM", "", "", "", ""), null);
	}

	@GetMapping("/high-risk-periods/{id}")
	String one(@PathVariable long id, Model model) {
		model.addAttribute("period", periods.read(id));
		return "reporting/period";
	}

	@PostMapping("/high-risk-periods")
	String announce(@ModelAttribute PeriodForm form, Model model, Locale locale) {
		long district = officerDistrict().orElseThrow(() -> ApiProblem.forbidden("period.problem.forbidden"));
		String error = null;
		LocalDate from = null;
		LocalDate to = null;
		Kind kind = null;
		try {
			kind = Kind.valueOf(String.valueOf(form.kind()));
		}
		catch (IllegalArgumentException e) {
			error = message("problem.field", locale, label("kind", locale), message("period.problem.kind", locale));
		}
		try {
			from = dates.parseDate(form.startsOn());
			to = dates.parseDate(form.endsOn());
		}
		catch (RuntimeException e) {
			error = message("problem.field", locale, label("startsOn", locale) + " / " + label("endsOn", locale),
					message("period.problem.dates", locale));
		}
		if (error == null && (blank(form.title()) || form.title().strip().length() > 100)) {
			error = message("problem.field", locale, label("title", locale), message("period.problem.length", locale, 100));
		}
		else if (error == null && (blank(form.message()) || form.message().strip().length() > 2000)) {
			error = message("problem.field", locale, label("message", locale), message("period.problem.length", locale, 2000));
		}
		else if (error == null && (from == null || to == null)) {
			error = message("problem.field", locale, label("startsOn", locale) + " / " + label("endsOn", locale),
					message("period.problem.dates", locale));
		}
		if (error == null) {
			error = periods.checkDays(from, to).map(p -> message(p.key(), locale, p.args())).orElse(null);
		}
		if (error != null) {
			return render(model, form, error);
		}
		var saved = periods.announce(new NewPeriod(district, kind, form.title().strip(), from, to, form.message().strip()));
		return "redirect:/high-risk-periods/" + saved.id();
	}

	private String render(Model model, PeriodForm form, String error) {
		Long district = districtOfReader();
		model.addAttribute("periods", district == null ? List.of() : periods.ofDistrict(district));
		model.addAttribute("officer", officerDistrict().isPresent());
		model.addAttribute("form", form);
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("error", error);
		return "reporting/periods";
	}

	private java.util.Optional<Long> officerDistrict() {
		return users.current().posts().stream().filter(p -> p.role() == Role.DISTRICT_OFFICER && p.districtId() != null)
			.map(Post::districtId).findFirst();
	}

	/** The district whose periods the caller reads: their own as officer, else their school's. */
	private Long districtOfReader() {
		CurrentUser user = users.current();
		var own = officerDistrict();
		if (own.isPresent()) {
			return own.get();
		}
		Long school = user.schoolId();
		return school == null ? null : periods.districtOfSchool(school);
	}

	private String label(String field, Locale locale) {
		return messages.getMessage("period.field." + field, null, field, locale);
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
