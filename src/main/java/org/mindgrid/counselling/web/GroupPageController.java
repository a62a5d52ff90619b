package org.mindgrid.counselling.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.counselling.CounsellingRecords;
import org.mindgrid.counselling.CounsellingRecords.AttendanceInput;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Group counselling (团体心理辅导参与记录表) as pages: the school's groups, a new group by 学号, a session's attendance. */
@Controller
class GroupPageController {

	private final CounsellingRecords records;

	private final CurrentUsers users;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	GroupPageController(CounsellingRecords records, CurrentUsers users, MessageSource messages, Clock clock,
			@Value("${mindgrid.zone}") ZoneId zone) {
		this.records = records;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/counselling/groups")
	String groups(Model model) {
		return list(model, Map.of(), Map.of());
	}

	@PostMapping("/counselling/groups")
	String create(@RequestParam Map<String, String> form, Model model, Locale locale) {
		try {
			List<String> numbers = Arrays.asList(form.getOrDefault("studentNos", "").split("[\\s,，、;；]+"));
			CounsellingRecords.Group g = records.newGroup(form.get("name"), form.get("aims"), records.byNumbers(numbers));
			return "redirect:/counselling/groups/" + g.id();
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			return list(model, form, errors(problem, locale));
		}
	}

	@GetMapping("/counselling/groups/{id:\\d+}")
	String group(@PathVariable long id, Model model) {
		return show(id, model, Map.of(), Map.of());
	}

	@PostMapping("/counselling/groups/{id:\\d+}/sessions")
	String session(@PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
		CounsellingRecords.Group g = records.group(id);
		Map<String, String> errors = new LinkedHashMap<>();
		java.time.Instant held = null;
		try {
			held = LocalDate.parse(form.getOrDefault("date", "").strip())
				.atTime(LocalTime.parse(form.getOrDefault("time", "").strip())).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			errors.put("date", messages.getMessage("counselling.problem.date", null, locale));
		}
		Integer minutes = null;
		try {
			String m = form.get("duration");
			minutes = m == null || m.isBlank() ? null : Integer.valueOf(m.strip());
		}
		catch (NumberFormatException e) {
			errors.put("duration", messages.getMessage("counselling.problem.minutes", null, locale));
		}
		if (errors.isEmpty()) {
			List<AttendanceInput> attendance = new ArrayList<>();
			for (CounsellingRecords.Member m : g.members()) {
				attendance.add(new AttendanceInput(m.studentId(), form.containsKey("present-" + m.studentId()),
						form.get("participation-" + m.studentId())));
			}
			try {
				records.session(new CounsellingRecords.NewSession(null, id, held, minutes, form.get("goals"),
						form.get("methods"), form.get("progress"), form.get("homework"), null, null, null, attendance));
				return "redirect:/counselling/groups/" + id + "?saved";
			}
			catch (ApiProblem problem) {
				if (problem.isAccessRefusal()) {
					throw problem;
				}
				errors.putAll(errors(problem, locale));
			}
		}
		return show(id, model, form, errors);
	}

	private String list(Model model, Map<String, String> typed, Map<String, String> errors) {
		if (!users.current().hasRole(Role.PSYCH_TEACHER)) {
			throw ApiProblem.forbidden("counselling.problem.counsellor-only");
		}
		model.addAttribute("groups", records.groups());
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "counselling/groups";
	}

	private String show(long id, Model model, Map<String, String> typed, Map<String, String> errors) {
		model.addAttribute("group", records.group(id));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
		model.addAttribute("now", LocalTime.now(clock.withZone(zone)).withSecond(0).withNano(0).toString());
		return "counselling/group";
	}

	private Map<String, String> errors(ApiProblem problem, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (problem.properties().get("errors") instanceof Map<?, ?> map) {
			map.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
		}
		else {
			errors.put("form", messages.getMessage(problem.messageKey(), problem.args(), problem.messageKey(), locale));
		}
		return errors;
	}
}
