package org.mindgrid.counselling.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.counselling.AppointmentTransitions;
import org.mindgrid.counselling.AppointmentTransitions.Step;
import org.mindgrid.counselling.Appointments;
import org.mindgrid.counselling.Appointments.Appointment;
import org.mindgrid.counselling.CounsellingRecords;
import org.mindgrid.counselling.StudentRequests;
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

/**
 * The counselling pages (ADR 0036): the counselling room's week (requests waiting, each day's appointments; a
 * psychology teacher schedules, moves and closes them there), and the student's counselling tab (appointments for
 * whoever sees the student; the records and their sessions for the psychology teachers). One column on a phone.
 * A refused step comes back with what was typed and the error next to its field.
 */
@Controller
class CounsellingPageController {

	/** An appointment as the pages show it: its time in words and the steps the caller may take. */
	record Slot(Appointment a, String when, String day, String time, List<String> steps) {
	}

	record Day(LocalDate date, String label, boolean today, List<Slot> slots) {
	}

	private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日 EEE", Locale.CHINA);

	private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

	private final Appointments appointments;

	private final CounsellingRecords records;

	private final StudentRequests codes;

	private final CurrentUsers users;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	CounsellingPageController(Appointments appointments, CounsellingRecords records, StudentRequests codes,
			CurrentUsers users, MessageSource messages, Clock clock, @Value("${mindgrid.zone}") ZoneId zone) {
		this.appointments = appointments;
		this.records = records;
		this.codes = codes;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/counselling")
	String calendar(@RequestParam(required = false) String week, Model model, Locale locale) {
		return calendarPage(week(week), model, locale, null, Map.of(), Map.of());
	}

	@PostMapping("/counselling/appointments/{id:\\d+}/{step}")
	String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form, Model model,
			Locale locale) {
		Step s = Step.named(step).orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		LocalDate week = week(form.get("week"));
		Map<String, String> errors = new LinkedHashMap<>();
		Instant starts = null;
		if (AppointmentTransitions.places(s)) {
			starts = startsAt(form.get("date"), form.get("time"), errors, locale);
		}
		Integer minutes = number(form.get("duration"), "duration", errors, locale);
		if (errors.isEmpty()) {
			try {
				Appointment done = appointments.step(id, s, new Appointments.StepInput(number(form.get("version"),
						"version", errors, locale), starts, minutes, form.get("room"), form.get("reason")));
				LocalDate shown = done.startsAt() == null ? week : done.startsAt().atZone(zone).toLocalDate();
				return "redirect:/counselling?week=" + shown + "&done=" + s.path() + "#appointment-" + id;
			}
			catch (ApiProblem problem) {
				if (problem.isAccessRefusal()) {
					throw problem;
				}
				errors.putAll(errors(problem, locale));
			}
		}
		return calendarPage(week, model, locale, id, form, errors);
	}

	@GetMapping("/students/{id:\\d+}/counselling")
	String student(@PathVariable long id, Model model, Locale locale) {
		return studentPage(id, model, locale, Map.of(), Map.of(), null);
	}

	@PostMapping("/students/{id:\\d+}/counselling/appointments")
	String request(@PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
		try {
			appointments.request(id, blank(form.get("topic")), form.get("preferred"), form.get("note"), null);
			return "redirect:/students/" + id + "/counselling?requested";
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			return studentPage(id, model, locale, form, errors(problem, locale), "request");
		}
	}

	@PostMapping("/students/{id:\\d+}/counselling/sessions")
	String session(@PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		Instant held = startsAt(form.get("date"), form.get("time"), errors, locale);
		Integer minutes = number(form.get("duration"), "duration", errors, locale);
		if (errors.isEmpty()) {
			try {
				records.session(new CounsellingRecords.NewSession(id, null, held, minutes, form.get("goals"),
						form.get("methods"), form.get("progress"), form.get("homework"), form.get("presentingProblem"),
						form.get("background"), appointment(form.get("appointmentId")),
						null));
				return "redirect:/students/" + id + "/counselling?session";
			}
			catch (ApiProblem problem) {
				if (problem.isAccessRefusal()) {
					throw problem;
				}
				errors.putAll(errors(problem, locale));
			}
		}
		return studentPage(id, model, locale, form, errors, "session");
	}

	@PostMapping("/students/{id:\\d+}/counselling/records/{recordId:\\d+}/close")
	String close(@PathVariable long id, @PathVariable long recordId, @RequestParam Map<String, String> form,
			Model model, Locale locale) {
		try {
			records.close(recordId, form.get("assessment"), form.get("summary"));
			return "redirect:/students/" + id + "/counselling?closed";
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			return studentPage(id, model, locale, form, errors(problem, locale), "close");
		}
	}

	private String calendarPage(LocalDate weekStart, Model model, Locale locale, Long failed, Map<String, String> typed,
			Map<String, String> errors) {
		Appointments.Calendar cal = appointments.between(weekStart, weekStart.plusDays(6), zone);
		boolean counsels = users.current().hasRole(Role.PSYCH_TEACHER);
		List<Day> days = new ArrayList<>();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		for (int d = 0; d < 7; d++) {
			LocalDate date = weekStart.plusDays(d);
			List<Slot> slots = cal.items().stream()
				.filter(a -> a.startsAt().atZone(zone).toLocalDate().equals(date))
				.map(a -> slot(a, counsels, locale))
				.toList();
			if (d < 5 || !slots.isEmpty()) {
				days.add(new Day(date, ("en".equals(locale.getLanguage()) ? DAY_EN : DAY_ZH).format(date),
						date.equals(today), slots));
			}
		}
		model.addAttribute("days", days);
		model.addAttribute("pending", cal.pending().stream().map(a -> slot(a, counsels, locale)).toList());
		model.addAttribute("counsels", counsels);
		model.addAttribute("week", weekStart);
		model.addAttribute("weekLabel", weekStart + " – " + weekStart.plusDays(6));
		model.addAttribute("prev", weekStart.minusWeeks(1));
		model.addAttribute("next", weekStart.plusWeeks(1));
		model.addAttribute("failed", failed);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("defaultRoom", Appointments.DEFAULT_ROOM);
		model.addAttribute("classCodes", codes.mine());
		return "counselling/calendar";
	}

	private String studentPage(long id, Model model, Locale locale, Map<String, String> typed,
			Map<String, String> errors, String failedForm) {
		CounsellingRecords.Overview o = records.overview(id);
		boolean counsels = o.notes();
		model.addAttribute("studentId", id);
		model.addAttribute("overview", o);
		model.addAttribute("slots", o.appointments().stream().map(a -> slot(a, counsels, locale)).toList());
		model.addAttribute("openRecord", o.records().stream().filter(r -> "OPEN".equals(r.status())).findFirst().orElse(null));
		model.addAttribute("scheduled", o.appointments().stream().filter(a -> "SCHEDULED".equals(a.status())).toList());
		model.addAttribute("topics", Appointments.TOPICS);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("failedForm", failedForm);
		model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
		model.addAttribute("now", LocalTime.now(clock.withZone(zone)).withSecond(0).withNano(0).format(HM));
		model.addAttribute("canAsk", users.current().hasAnyRole(Role.PSYCH_TEACHER, Role.HEAD_TEACHER, Role.MENTOR));
		return "counselling/student";
	}

	private Slot slot(Appointment a, boolean counsels, Locale locale) {
		String day = a.startsAt() == null ? "" : ("en".equals(locale.getLanguage()) ? DAY_EN : DAY_ZH)
			.format(a.startsAt().atZone(zone));
		String time = a.startsAt() == null ? ""
				: HM.format(a.startsAt().atZone(zone)) + "–" + HM.format(a.endsAt().atZone(zone));
		List<String> steps = new ArrayList<>();
		if (counsels) {
			for (AppointmentTransitions.Transition t : AppointmentTransitions.TRANSITIONS) {
				if (t.from().name().equals(a.status())) {
					steps.add(t.step().path());
				}
			}
		}
		return new Slot(a, (day + " " + time).strip(), day, time, steps);
	}

	private LocalDate week(String given) {
		LocalDate d;
		try {
			d = given == null || given.isBlank() ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(given.strip());
		}
		catch (DateTimeParseException e) {
			d = LocalDate.now(clock.withZone(zone));
		}
		if (d.getYear() < 2000 || d.getYear() > 2100) {
			d = LocalDate.now(clock.withZone(zone));
		}
		return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private Instant startsAt(String date, String time, Map<String, String> errors, Locale locale) {
		LocalDate d = null;
		LocalTime t = null;
		try {
			d = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException e) {
			errors.put("date", word("counselling.problem.date", locale));
			return null;
		}
		try {
			t = time == null || time.isBlank() ? null : LocalTime.parse(time.strip());
		}
		catch (DateTimeParseException e) {
			errors.put("time", word("counselling.problem.time", locale));
			return null;
		}
		if (d == null) {
			errors.put("date", word("counselling.problem.date", locale));
		}
		if (t == null) {
			errors.put("time", word("counselling.problem.time", locale));
		}
		return d == null || t == null ? null : d.atTime(t).atZone(zone).toInstant();
	}

	private Integer number(String value, String field, Map<String, String> errors, Locale locale) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			errors.put(field, word("counselling.problem." + field, locale));
			return null;
		}
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

	private String word(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/** The chosen appointment; a value that is not an id (typed by hand) counts as none. */
	private static Long appointment(String value) {
		return value == null || !value.strip().matches("\\d{1,18}") ? null : Long.valueOf(value.strip());
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
