package org.mindgrid.warning.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.Students;
import org.mindgrid.warning.cases.CaseAction;
import org.mindgrid.warning.CasePlan;
import org.mindgrid.warning.cases.CaseReads;
import org.mindgrid.warning.cases.CaseState;
import org.mindgrid.warning.cases.CaseViews.CaseDetail;
import org.mindgrid.warning.cases.CaseViews.CaseEntry;
import org.mindgrid.warning.cases.CaseWork;

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
 * The case pages (issue 8 point 10): the school's case list, a case with its next actions as forms built from
 * {@code CaseFields}, the plan, the history as one timeline, the letters; the student hub's 个案 tab. Everything
 * goes through {@link CaseReads} and {@link CaseWork}, which check tier and scope in SQL and audit.
 */
@Controller
class CasePageController {

	static final int PAGE_SIZE = 30;

	/** Letters of the medical and family grids (the document endpoints of {@code /api/v1/cases/{id}/documents}). */
	static final List<String> LETTERS = List.of("notice", "referral", "contract", "commitment",
			"return-recommendation", "return-introduction");

	/** Actions with their own place on the page rather than a form of their own. */
	private static final List<String> NOT_AS_BUTTONS = List.of("tick-measure", "void-entry");

	private static final int BLANK_MEASURE_ROWS = 2;

	private final CaseReads reads;

	private final CaseWork work;

	private final Students students;

	private final CaseHospitals hospitals;

	private final MessageSource messages;

	private final CurrentUsers users;

	private final org.mindgrid.warning.attachments.CaseAttachments attachments;

	CasePageController(CaseReads reads, CaseWork work, Students students, CaseHospitals hospitals,
			MessageSource messages, CurrentUsers users, org.mindgrid.warning.attachments.CaseAttachments attachments) {
		this.attachments = attachments;
		this.users = users;
		this.reads = reads;
		this.work = work;
		this.students = students;
		this.hospitals = hospitals;
		this.messages = messages;
	}

	@GetMapping("/cases")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String category,
			@RequestParam(required = false) String classId, @RequestParam(required = false) String overdue,
			@RequestParam(required = false) Integer page, Model model) {
		CaseState s = CaseApiController.state(state);
		Integer cat = CaseApiController.category(number(category, "category").map(Long::intValue).orElse(null));
		Long cls = number(classId, "classId").orElse(null);
		Boolean late = "true".equals(overdue) ? Boolean.TRUE : null;
		model.addAttribute("cases", reads.list(new CaseReads.Filter(s, cat, cls, late, null, Page.clampPage(page),
				PAGE_SIZE)));
		model.addAttribute("states", Arrays.stream(CaseState.values()).map(Enum::name).toList());
		model.addAttribute("classes", students.classesInScope());
		model.addAttribute("fState", s == null ? "" : s.name());
		model.addAttribute("fCategory", cat);
		model.addAttribute("fClassId", cls);
		model.addAttribute("fOverdue", late != null);
		return "warning/cases";
	}

	/** The student hub's 个案 tab: the student's cases the reader may see, each as the case list shows it. */
	@GetMapping("/students/{id}/cases")
	String studentCases(@PathVariable long id, Model model) {
		var student = students.get(id);
		model.addAttribute("student", student);
		model.addAttribute("mentors", students.mentorNames(id));
		model.addAttribute("canReadAudit", users.current()
			.hasRoleAtSchool(student.schoolId(), Role.PSYCH_TEACHER, Role.CRISIS_TEAM, Role.SCHOOL_LEADER));
		model.addAttribute("cases", reads.list(new CaseReads.Filter(null, null, null, null, id, 0, 100)));
		return "warning/student-cases";
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
		page(model, reads.get(id), null, new LinkedMultiValueMap<>());
		if (done != null && CaseAction.ofCode(done).isPresent()) {
			model.addAttribute("done", done);
		}
		return "warning/case";
	}

	@PostMapping("/cases/{id}/actions/{code}")
	String act(@PathVariable long id, @PathVariable String code, @RequestParam MultiValueMap<String, String> form,
			Model model) {
		CaseAction action = CaseAction.ofCode(code).filter(CaseAction::byApi)
			.orElseThrow(() -> ApiProblem.notFound("case.not-found"));
		try {
			work.act(id, code, CaseForms.details(action, form));
			return "redirect:/cases/" + id + "?done=" + code;
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			refused(model, problem);
			page(model, reads.get(id), code, form);
			return "warning/case";
		}
	}

	@PostMapping("/cases/{id}/plan")
	String savePlan(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
		int rows = number(CaseForms.first(form, "rows"), "measures").map(Long::intValue).orElse(0);
		var plan = new CasePlan(CaseForms.first(form, "situation"), CaseForms.first(form, "goals"),
				CaseForms.measures(form, Math.min(rows, 60)), CaseForms.first(form, "contactFrequency"),
				CaseForms.first(form, "reviewDate"));
		try {
			int version = number(CaseForms.first(form, "version"), "version").map(Long::intValue).orElse(0);
			work.savePlan(id, version, plan);
			return "redirect:/cases/" + id + "?done=plan#plan";
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			refused(model, problem);
			page(model, reads.get(id), "plan", form);
			model.addAttribute("typedPlan", plan);
			return "warning/case";
		}
	}

	private void refused(Model model, ApiProblem problem) {
		model.addAttribute("error", messages.getMessage(problem.messageKey(), problem.args(),
				LocaleContextHolder.getLocale()));
		model.addAttribute("errorField", problem.properties().get("field"));
	}

	/** The case page's model: the case, its forms (the one that failed with what was typed), the letters. */
	private void page(Model model, CaseDetail c, String openAction, MultiValueMap<String, String> typed) {
		boolean full = "FULL".equals(c.access());
		model.addAttribute("c", c);
		model.addAttribute("full", full);
		model.addAttribute("openAction", openAction);
		List<CaseForms.ActionForm> forms = new ArrayList<>();
		for (String code : c.allowedActions()) {
			if (NOT_AS_BUTTONS.contains(code)) {
				continue;
			}
			CaseAction action = CaseAction.ofCode(code).orElseThrow();
			forms.add(CaseForms.form(action, code.equals(openAction) ? typed : new LinkedMultiValueMap<>()));
		}
		model.addAttribute("forms", forms);
		model.addAttribute("canTick", c.allowedActions().contains("tick-measure"));
		model.addAttribute("canVoid", c.allowedActions().contains("void-entry"));
		Map<Long, String> hospitalNames = new LinkedHashMap<>();
		if (full) {
			var list = hospitals.forCase(c.id());
			list.forEach(h -> hospitalNames.put(h.id(), h.name()));
			model.addAttribute("hospitals", list);
		}
		model.addAttribute("hospitalNames", hospitalNames);
		// voids are shown on the entry they void (struck through, with the reason), not as lines of their own
		Map<Long, CaseEntry> voidOf = new HashMap<>();
		c.history().stream().filter(e -> e.voids() != null).forEach(e -> voidOf.put(e.voids(), e));
		model.addAttribute("voidOf", voidOf);
		model.addAttribute("voidable", c.history().stream()
			.filter(e -> e.voids() == null && e.voidedBy() == null && !"void-entry".equals(e.action())
					&& CaseAction.ofCode(e.action()).map(CaseAction::byApi).orElse(false))
			.map(CaseEntry::id)
			.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("timeline", c.history().stream().filter(e -> e.voids() == null).toList());
		model.addAttribute("letters", full ? LETTERS : List.of());
		// signed scans, diagnoses and recordings beside the letters: the clinical team only
		model.addAttribute("files", full ? attachments.list(c.id()) : List.of());
		model.addAttribute("fileKinds", org.mindgrid.warning.attachments.AttachmentKind.values());
		model.addAttribute("grids", CasePlan.GRIDS);
		model.addAttribute("responsibles", CasePlan.RESPONSIBLE);
		model.addAttribute("blankRows", BLANK_MEASURE_ROWS);
		model.addAttribute("typedVoid", "void-entry".equals(openAction) ? CaseForms.first(typed, "eventId") : null);
		model.addAttribute("typedVoidReason", "void-entry".equals(openAction) ? CaseForms.first(typed, "reason") : null);
	}

	/** A number from a query or form parameter; anything else is a 400 naming it. */
	private static java.util.Optional<Long> number(String raw, String field) {
		if (raw == null || raw.isBlank()) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(Long.parseLong(raw.strip()));
		}
		catch (NumberFormatException e) {
			throw ApiProblem.badRequest("case.field.integer",
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							new String[] { "case.field." + field }, field))
				.with("field", field);
		}
	}
}
