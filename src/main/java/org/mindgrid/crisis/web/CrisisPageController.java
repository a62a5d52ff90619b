package org.mindgrid.crisis.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.crisis.events.CrisisAction;
import org.mindgrid.crisis.events.CrisisEvents;
import org.mindgrid.crisis.events.CrisisKind;
import org.mindgrid.crisis.events.CrisisReads;
import org.mindgrid.crisis.events.CrisisReports;
import org.mindgrid.crisis.events.CrisisViews.EventDetail;
import org.mindgrid.crisis.events.EmergencyLine;
import org.mindgrid.crisis.events.EventAccess;
import org.mindgrid.crisis.events.FirstStep;
import org.mindgrid.crisis.events.Reach;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.Students;
import org.mindgrid.warning.GreenChannels;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The crisis pages (issue 10): raise an event on a phone in three taps (kind, student or "unknown yet", send), the
 * event with its big clock, the five first-time actions, the 1-hour report and aftercare, and the list for the
 * school and the bureau. Everything goes through the services, which check reach in SQL and audit.
 */
@Controller
class CrisisPageController {

	static final int PAGE_SIZE = 30;

	/** The forms of the event page, in the order it shows them, beside the five steps. */
	private static final List<String> FORMS = List.of("aftercare", "follow-up", "cooperation", "identify-student",
			"close");

	private final CrisisEvents events;

	private final CrisisReads reads;

	private final CrisisReports reports;

	private final EventAccess access;

	private final Students students;

	private final GreenChannels greenChannels;

	private final EmergencyLine emergencyLine;

	private final CurrentUsers users;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final org.mindgrid.crisis.review.CrisisReviews reviews;

	CrisisPageController(CrisisEvents events, CrisisReads reads, CrisisReports reports, EventAccess access,
			Students students, GreenChannels greenChannels, EmergencyLine emergencyLine, CurrentUsers users,
			MessageSource messages, java.time.Clock clock, org.mindgrid.crisis.review.CrisisReviews reviews) {
		this.clock = clock;
		this.reviews = reviews;
		this.events = events;
		this.reads = reads;
		this.reports = reports;
		this.access = access;
		this.students = students;
		this.greenChannels = greenChannels;
		this.emergencyLine = emergencyLine;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/crisis")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String flagged,
			@RequestParam(required = false) Integer page, Model model) {
		String s = CrisisApiController.state(state);
		Boolean f = "true".equals(flagged) ? Boolean.TRUE : null;
		model.addAttribute("events", reads.list(new CrisisReads.Filter(s, f, Page.clampPage(page), PAGE_SIZE)));
		model.addAttribute("fState", s == null ? "" : s);
		model.addAttribute("fFlagged", f != null);
		CurrentUser user = users.current();
		model.addAttribute("canRaise", user.isSchoolStaff());
		model.addAttribute("bureau", !user.isSchoolStaff());
		return "crisis/list";
	}

	@GetMapping("/crisis/new")
	String form(@RequestParam(required = false) Long studentId, Model model) {
		requireStaff();
		Map<String, String> typed = new HashMap<>();
		if (studentId != null) {
			typed.put("studentId", Long.toString(studentId));
		}
		return raiseForm(model, typed, null);
	}

	/** htmx: students matching the search, within the caller's scope, as choices of the raise form. */
	@GetMapping("/crisis/students")
	String search(@RequestParam(defaultValue = "") String q, Model model) {
		requireStaff();
		String query = q.strip();
		model.addAttribute("q", query);
		model.addAttribute("matches", query.isEmpty() || query.length() > 50 ? List.of()
				: students.list(new Students.Filter(null, query, 0, 8)).items());
		return "crisis/new :: matches";
	}

	@PostMapping("/crisis")
	String raise(@RequestParam MultiValueMap<String, String> form, Model model) {
		requireStaff();
		Map<String, String> typed = typed(form);
		try {
			var raised = events.raise(new HashMap<>(typed));
			return "redirect:/crisis/" + raised.id() + "?raised";
		}
		catch (ApiProblem problem) {
			if (problem.status().value() == 403) {
				throw problem;
			}
			refused(model, problem);
			return raiseForm(model, typed, problem);
		}
	}

	@GetMapping("/crisis/{id:\\d+}")
	String show(@PathVariable long id, @RequestParam(required = false) String done,
			@RequestParam(required = false) String raised, Model model) {
		page(model, reads.get(id), null, new LinkedMultiValueMap<>());
		if (done != null && (CrisisAction.ofCode(done).isPresent() || "report".equals(done)
				|| "acknowledge".equals(done))) {
			model.addAttribute("done", done);
		}
		model.addAttribute("raised", raised != null);
		return "crisis/event";
	}

	@PostMapping("/crisis/{id:\\d+}/actions/{code}")
	String act(@PathVariable long id, @PathVariable String code, @RequestParam MultiValueMap<String, String> form,
			Model model) {
		CrisisAction action = CrisisAction.ofCode(code).orElseThrow(() -> ApiProblem.notFound("crisis.not-found", id));
		Map<String, Object> body = new HashMap<>(typed(form));
		body.put("action", action.code());
		try {
			events.act(id, body);
			String anchor = action.step().isPresent() || action == CrisisAction.NOT_APPLICABLE ? "#steps" : "#entries";
			return "redirect:/crisis/" + id + "?done=" + code + anchor;
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal() && problem.properties().get("field") == null) {
				throw problem;
			}
			refused(model, problem);
			page(model, reads.get(id), formOf(action, form), form);
			return "crisis/event";
		}
	}

	@PostMapping("/crisis/{id:\\d+}/report")
	String report(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
		try {
			reports.submit(id, new HashMap<>(typed(form)));
			return "redirect:/crisis/" + id + "?done=report#reports";
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			refused(model, problem);
			page(model, reads.get(id), "report", form);
			return "crisis/event";
		}
	}

	@PostMapping("/crisis/{id:\\d+}/report/{reportId:\\d+}/acknowledge")
	String acknowledge(@PathVariable long id, @PathVariable long reportId) {
		reports.acknowledge(id, reportId);
		return "redirect:/crisis/" + id + "?done=acknowledge#reports";
	}

	/** A follow-up duty's link: the event the entry belongs to, for those who reach it. */
	@GetMapping("/crisis/entries/{id:\\d+}")
	String entry(@PathVariable long id) {
		long eventId = reads.eventOfEntry(id).orElseThrow(() -> ApiProblem.notFound("crisis.not-found", id));
		access.require(eventId);
		return "redirect:/crisis/" + eventId + "#entry-" + id;
	}

	private String raiseForm(Model model, Map<String, String> typed, ApiProblem problem) {
		model.addAttribute("kinds", Arrays.stream(CrisisKind.values()).map(Enum::name).toList());
		model.addAttribute("typed", typed);
		String studentId = typed.get("studentId");
		if (studentId != null && studentId.matches("[1-9][0-9]{0,17}")) {
			long sid = Long.parseLong(studentId);
			if (students.accessLevel(users.current(), sid).isPresent()) {
				model.addAttribute("chosen", students.get(sid));
			}
		}
		return "crisis/new";
	}

	private void page(Model model, EventDetail e, String openForm, MultiValueMap<String, String> form) {
		model.addAttribute("e", e);
		model.addAttribute("openForm", openForm);
		model.addAttribute("typed", openForm == null ? Map.of() : typed(form));
		model.addAttribute("forms", FORMS.stream().filter(e.allowedActions()::contains).toList());
		model.addAttribute("canNotApply", e.allowedActions().contains("not-applicable"));
		model.addAttribute("canVoid", e.allowedActions().contains("void"));
		// the detail was read as the caller reaches the event: its reach decides the rest, no second lookup
		Reach reach = Reach.valueOf(e.reach());
		model.addAttribute("assignees", reads.assignees(reach, e.schoolId()));
		model.addAttribute("review", reviews.linkState(e.id(), reach).orElse(null));
		model.addAttribute("stepCodes", Arrays.stream(FirstStep.values()).map(FirstStep::code).toList());
		model.addAttribute("personKinds", Arrays.stream(CrisisEvents.AftercarePerson.values()).map(Enum::name).toList());
		model.addAttribute("relations", Arrays.stream(CrisisEvents.FollowUpRelation.values()).map(Enum::name).toList());
		model.addAttribute("departments", Arrays.stream(CrisisEvents.Department.values()).map(Enum::name).toList());
		model.addAttribute("line", emergencyLine);
		model.addAttribute("greenChannels", reach.school() ? greenChannels.forSchool(e.schoolId()) : List.of());
		model.addAttribute("initial", e.reports().isEmpty());
		java.time.Instant now = clock.instant();
		long seconds = Math.max(0, java.time.Duration.between(e.occurredAt(),
				e.closedAt() != null ? e.closedAt() : now).getSeconds());
		model.addAttribute("elapsed", String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
		model.addAttribute("minutesLeft", Math.max(0, java.time.Duration.between(now, e.reportDueAt()).toMinutes()));
		model.addAttribute("voidable", e.entries().stream().filter(x -> x.voids() == null && x.voidedBy() == null
				&& !"void".equals(x.action()) && !"close".equals(x.action())).map(x -> x.id()).toList());
	}

	/** Which form a refused action re-opens with what was typed: a step's tick or not-applicable, or its own. */
	private static String formOf(CrisisAction action, MultiValueMap<String, String> form) {
		if (action.step().isPresent()) {
			return "step-" + action.code();
		}
		if (action == CrisisAction.NOT_APPLICABLE) {
			String step = form.getFirst("step");
			return "na-" + (step == null ? "" : step);
		}
		return action.code();
	}

	/** The first value of each field, as typed (the services validate). */
	private static Map<String, String> typed(MultiValueMap<String, String> form) {
		Map<String, String> typed = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (!v.isEmpty() && v.get(0) != null && !"_csrf".equals(k) && !"idempotencyKey".equals(k)) {
				typed.put(k, v.get(0));
			}
		});
		return typed;
	}

	private void refused(Model model, ApiProblem problem) {
		model.addAttribute("error", messages.getMessage(problem.messageKey(), problem.args(),
				LocaleContextHolder.getLocale()));
		model.addAttribute("errorField", problem.properties().get("field"));
	}

	private void requireStaff() {
		CurrentUser user = users.current();
		if (!user.isSchoolStaff()) {
			throw ApiProblem.forbidden(user.staffOnlyRefusal());
		}
	}
}
