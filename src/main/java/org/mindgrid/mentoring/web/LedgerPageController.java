package org.mindgrid.mentoring.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.mindgrid.mentoring.ContactChannel;
import org.mindgrid.mentoring.HomeVisitKind;
import org.mindgrid.mentoring.HomeVisitOutline;
import org.mindgrid.mentoring.LedgerInputs.ContactInput;
import org.mindgrid.mentoring.LedgerInputs.HomeVisitInput;
import org.mindgrid.mentoring.LedgerInputs.TalkInput;
import org.mindgrid.mentoring.MentoringLedger;
import org.mindgrid.mentoring.Timeline;
import org.mindgrid.mentoring.web.LedgerForms.ContactForm;
import org.mindgrid.mentoring.web.LedgerForms.HomeVisitForm;
import org.mindgrid.mentoring.web.LedgerForms.TalkForm;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.DateLimits;
import org.mindgrid.shared.web.DateOutOfRange;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ledger's forms, made for a phone between lessons: one column, large inputs, nothing typed lost. */
@Controller
class LedgerPageController {

	static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final MentoringLedger ledger;

	private final Timeline timeline;

	private final Validator validator;

	private final MessageSource messages;

	private final Clock clock;

	private final DateLimits dates;

	LedgerPageController(MentoringLedger ledger, Timeline timeline, Validator validator, MessageSource messages,
			Clock clock, DateLimits dates) {
		this.ledger = ledger;
		this.timeline = timeline;
		this.validator = validator;
		this.messages = messages;
		this.clock = clock;
		this.dates = dates;
	}

	@GetMapping("/students/{id}/talks/new")
	String newTalk(@PathVariable long id, @RequestParam(required = false) Long duty, Model model) {
		TalkForm form = new TalkForm();
		form.setDate(LocalDate.now(clock).toString());
		if (duty != null) {
			// Opened from a semester-talk duty: the topic starts as the duty's name, for the mentor to change.
			form.setTopics(messages.getMessage("duty.kind.SEMESTER_TALK", null, LocaleContextHolder.getLocale()));
		}
		return talkPage(id, form, model);
	}

	@PostMapping("/students/{id}/talks")
	String logTalk(@PathVariable long id, @ModelAttribute("form") TalkForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		LocalDate date = parseDate(form.getDate(), "date", errors);
		TalkInput in = new TalkInput(id, date, form.getPlace(), form.getTopics(), form.getState(), form.getFollowUp(),
				form.getEscalate());
		if (!valid(in, errors)) {
			return talkPage(id, form, model);
		}
		try {
			var talk = ledger.logTalk(in);
			return saved(id, talk.warningReport(), redirect);
		}
		catch (ApiProblem e) {
			return retry(e, errors, () -> talkPage(id, form, model));
		}
	}

	@GetMapping("/students/{id}/home-visits/new")
	String newHomeVisit(@PathVariable long id, Model model) {
		HomeVisitForm form = new HomeVisitForm();
		form.setVisitedAt(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTES));
		form.setKind(defaultVisitKind(LocalDate.now(clock)).name());
		return homeVisitPage(id, form, model);
	}

	@PostMapping("/students/{id}/home-visits")
	String logHomeVisit(@PathVariable long id, @ModelAttribute("form") HomeVisitForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Instant at = parseInstant(form.getVisitedAt(), "visitedAt", errors);
		Integer duration = null;
		if (form.getDurationMinutes() != null && !form.getDurationMinutes().isBlank()) {
			try {
				duration = Integer.valueOf(form.getDurationMinutes().strip());
			}
			catch (NumberFormatException e) {
				errors.rejectValue("durationMinutes", "mentoring.v.duration");
			}
		}
		// The page holds both records; only the chosen one's answers count (the other is hidden and disabled).
		HomeVisitKind kind = HomeVisitKind.parse(form.getKind()).orElse(HomeVisitKind.TERM_START);
		Map<String, HomeVisitOutline.Answer> answers = new LinkedHashMap<>();
		kind.questions().forEach(q -> {
			LedgerForms.AnswerForm a = form.getAnswers().get(q.code());
			if (a != null) {
				answers.put(q.code(), a.toAnswer());
			}
		});
		HomeVisitInput in = new HomeVisitInput(id, at, form.getInterviewee(), form.getRelation(), duration, answers,
				form.getCategories(), form.getEscalate(), kind.name());
		if (!valid(in, errors)) {
			return homeVisitPage(id, form, model);
		}
		try {
			var visit = ledger.logHomeVisit(in);
			return saved(id, visit.warningReport(), redirect);
		}
		catch (ApiProblem e) {
			return retry(e, errors, () -> homeVisitPage(id, form, model));
		}
	}

	@GetMapping("/students/{id}/contacts/new")
	String newContact(@PathVariable long id, Model model) {
		ContactForm form = new ContactForm();
		form.setChannel(ContactChannel.PHONE.name());
		form.setContactedAt(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTES));
		return contactPage(id, form, model);
	}

	@PostMapping("/students/{id}/contacts")
	String logContact(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Instant at = parseInstant(form.getContactedAt(), "contactedAt", errors);
		ContactInput in = new ContactInput(id, form.getChannel(), form.getContent(), at, form.getEscalate());
		if (!valid(in, errors)) {
			return contactPage(id, form, model);
		}
		try {
			var contact = ledger.logContact(in);
			return saved(id, contact.warningReport(), redirect);
		}
		catch (ApiProblem e) {
			return retry(e, errors, () -> contactPage(id, form, model));
		}
	}

	private String talkPage(long id, TalkForm form, Model model) {
		model.addAttribute("student", timeline.header(id));
		model.addAttribute("form", form);
		return "mentoring/talk-form";
	}

	private String homeVisitPage(long id, HomeVisitForm form, Model model) {
		model.addAttribute("student", timeline.header(id));
		model.addAttribute("form", form);
		model.addAttribute("parts", HomeVisitOutline.PARTS);
		model.addAttribute("outline", HomeVisitOutline.class);
		model.addAttribute("questions", HomeVisitOutline.QUESTIONS);
		model.addAttribute("general", HomeVisitOutline.GENERAL);
		model.addAttribute("kinds", HomeVisitKind.values());
		model.addAttribute("categories", HomeVisitOutline.CATEGORIES);
		return "mentoring/home-visit-form";
	}

	/**
	 * The record offered first: tool 3's outline in the winter and summer holidays (January–February,
	 * July–August), when visits are the ones before term starts; the general record during term. The visitor can
	 * switch at the top of the form.
	 */
	static HomeVisitKind defaultVisitKind(LocalDate today) {
		return switch (today.getMonth()) {
			case JANUARY, FEBRUARY, JULY, AUGUST -> HomeVisitKind.TERM_START;
			default -> HomeVisitKind.GENERAL;
		};
	}

	private String contactPage(long id, ContactForm form, Model model) {
		model.addAttribute("student", timeline.header(id));
		model.addAttribute("form", form);
		model.addAttribute("channels", ContactChannel.values());
		return "mentoring/contact-form";
	}

	private String saved(long studentId, org.mindgrid.warning.WarningRaised report, RedirectAttributes redirect) {
		redirect.addFlashAttribute("saved", true);
		if (report != null) {
			redirect.addFlashAttribute("escalatedReport", report.id());
		}
		return "redirect:/students/" + studentId + "/timeline";
	}

	/** Bad input found by the ledger is shown above the form; a refusal (403/404) is an error page. */
	private String retry(ApiProblem e, BindingResult errors, java.util.function.Supplier<String> page) {
		if (e.status() != HttpStatus.BAD_REQUEST) {
			throw e;
		}
		errors.reject("form", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
				LocaleContextHolder.getLocale()));
		return page.get();
	}

	private <T> boolean valid(T input, BindingResult errors) {
		for (ConstraintViolation<T> v : validator.validate(input)) {
			String field = v.getPropertyPath().toString();
			if (field.equals("studentId") || errors.hasFieldErrors(field)) {
				continue;
			}
			errors.rejectValue(field, "invalid", v.getMessage());
		}
		return !errors.hasErrors();
	}

	private LocalDate parseDate(String text, String field, BindingResult errors) {
		try {
			return dates.parseDate(text);
		}
		catch (DateOutOfRange e) {
			errors.rejectValue(field, e.messageKey(), e.args(), null);
		}
		catch (DateTimeException e) {
			errors.rejectValue(field, "mentoring.v.date-format");
		}
		return null;
	}

	private Instant parseInstant(String text, String field, BindingResult errors) {
		try {
			return dates.parseLocalDateTime(text);
		}
		catch (DateOutOfRange e) {
			errors.rejectValue(field, e.messageKey(), e.args(), null);
		}
		catch (DateTimeException e) {
			errors.rejectValue(field, "mentoring.v.date-format");
		}
		return null;
	}
}
