package org.mindgrid.screening.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.school.SchoolStructure;
import org.mindgrid.screening.campaigns.CampaignViews.CampaignView;
import org.mindgrid.screening.campaigns.Campaigns;
import org.mindgrid.screening.campaigns.NewCampaign;
import org.mindgrid.screening.campaigns.Reminders;
import org.mindgrid.screening.results.Flags;
import org.mindgrid.screening.results.Results;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.Scales;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.Students;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The psychology teacher's screening pages (issue 9): campaigns, creating one, live progress per class, reminders,
 * the review queue of flags; and a student's screening history in the student hub.
 */
@Controller
class ScreeningPageController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Campaigns campaigns;

	private final Reminders reminders;

	private final Flags flags;

	private final Results results;

	private final Scales scales;

	private final SchoolStructure schools;

	private final Students students;

	private final CurrentUsers users;

	private final MessageSource messages;

	ScreeningPageController(Campaigns campaigns, Reminders reminders, Flags flags, Results results, Scales scales,
			SchoolStructure schools, Students students, CurrentUsers users, MessageSource messages) {
		this.campaigns = campaigns;
		this.reminders = reminders;
		this.flags = flags;
		this.results = results;
		this.scales = scales;
		this.schools = schools;
		this.students = students;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/screening")
	String home(Model model) {
		CurrentUser user = users.current();
		if (!user.isSchoolStaff()) {
			if (user.hasAnyRole(Role.DISTRICT_OFFICER)) {
				return "redirect:/screening/district";
			}
			if (user.hasAnyRole(Role.CITY_OFFICER)) {
				return "redirect:/screening/city";
			}
			throw ApiProblem.forbidden(user.staffOnlyRefusal());
		}
		model.addAttribute("campaigns", campaigns.forCurrentSchool());
		boolean psych = user.hasAnyRole(Role.PSYCH_TEACHER);
		model.addAttribute("canCreate", psych);
		if (psych) {
			LocalDate today = LocalDate.now(ZONE);
			form(model, user, Map.of("opensOn", List.of(today.toString()), "closesOn",
					List.of(today.plusWeeks(2).toString()), "scaleIds", scales.all().stream().map(Scale::id).toList()));
		}
		return "screening/campaigns";
	}

	private void form(Model model, CurrentUser user, Map<String, List<String>> typed) {
		model.addAttribute("scales", scales.all());
		model.addAttribute("schoolClasses", schools.classesOf(user.schoolId()));
		model.addAttribute("typed", typed);
	}

	@PostMapping("/screening/campaigns")
	String create(@RequestParam MultiValueMap<String, String> form, Model model) {
		CurrentUser user = users.current();
		List<Long> classIds = new ArrayList<>();
		for (String c : form.getOrDefault("classIds", List.of())) {
			try {
				classIds.add(Long.valueOf(c));
			}
			catch (NumberFormatException e) {
				// a tampered value: the service names the field
				classIds.add(-1L);
			}
		}
		try {
			LocalDate opens = date(form.getFirst("opensOn"));
			LocalDate closes = date(form.getFirst("closesOn"));
			CampaignView view = campaigns.create(new NewCampaign(form.getFirst("name"),
					form.getOrDefault("scaleIds", List.of()), classIds,
					opens == null ? null : opens.atStartOfDay(ZONE).toInstant(),
					closes == null ? null : closes.plusDays(1).atStartOfDay(ZONE).toInstant(), null));
			return "redirect:/screening/campaigns/" + view.id() + "?created";
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			model.addAttribute("error", messages.getMessage(problem.messageKey(), problem.args(),
					LocaleContextHolder.getLocale()));
			model.addAttribute("errors", problem.properties().get("errors"));
			model.addAttribute("campaigns", campaigns.forCurrentSchool());
			model.addAttribute("canCreate", true);
			form(model, user, new LinkedHashMap<>(form));
			return "screening/campaigns";
		}
	}

	private static LocalDate date(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(typed.strip());
			return d.getYear() < 2000 || d.getYear() > 2100 ? null : d;
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	@GetMapping("/screening/campaigns/{id}")
	String campaign(@PathVariable long id, Model model) {
		CampaignView campaign = campaigns.get(id);
		CurrentUser user = users.current();
		model.addAttribute("campaign", campaign);
		model.addAttribute("progress", campaigns.progress(id));
		model.addAttribute("psych", user.hasRoleAtSchool(campaign.schoolId(), Role.PSYCH_TEACHER));
		model.addAttribute("scaleList", campaign.scales().stream().map(s -> scales.get(s.scaleId())).toList());
		return "screening/campaign";
	}

	@GetMapping("/screening/campaigns/{id}/progress-rows")
	String progressRows(@PathVariable long id, Model model) {
		CampaignView campaign = campaigns.get(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("progress", campaigns.progress(id));
		model.addAttribute("psych", users.current().hasRoleAtSchool(campaign.schoolId(), Role.PSYCH_TEACHER));
		return "screening/campaign :: progress";
	}

	@PostMapping("/screening/campaigns/{id}/remind")
	String remind(@PathVariable long id) {
		int sent = reminders.remindBehind(id);
		return "redirect:/screening/campaigns/" + id + "?reminded=" + sent;
	}

	@GetMapping("/screening/flags")
	String flags(@RequestParam(required = false) String status, @RequestParam(required = false) Long campaignId,
			@RequestParam(required = false) Integer page, Model model) {
		String st = status == null || status.isBlank() ? "OPEN" : status;
		model.addAttribute("flags", flags.list(st, campaignId, Page.clampPage(page), 50));
		model.addAttribute("status", st);
		model.addAttribute("campaignId", campaignId);
		return "screening/flags";
	}

	@PostMapping("/screening/flags/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, Model model) {
		try {
			var reviewed = flags.review(id, decision, reason);
			return "redirect:/screening/flags?done=" + reviewed.id();
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			model.addAttribute("error", messages.getMessage(problem.messageKey(), problem.args(),
					LocaleContextHolder.getLocale()));
			model.addAttribute("errorFlag", id);
			model.addAttribute("typedReason", reason);
			model.addAttribute("flags", flags.list("OPEN", null, 0, 50));
			model.addAttribute("status", "OPEN");
			return "screening/flags";
		}
	}

	@GetMapping("/students/{id}/screenings")
	String studentScreenings(@PathVariable long id, Model model) {
		var student = students.get(id);
		model.addAttribute("student", student);
		model.addAttribute("mentors", students.mentorNames(id));
		model.addAttribute("results", results.forStudent(id));
		model.addAttribute("canReadAudit", users.current()
			.hasRoleAtSchool(student.schoolId(), Role.PSYCH_TEACHER, Role.CRISIS_TEAM, Role.SCHOOL_LEADER));
		model.addAttribute("scales", scales);
		return "screening/student-screenings";
	}
}
