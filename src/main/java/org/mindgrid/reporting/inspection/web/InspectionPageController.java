package org.mindgrid.reporting.inspection.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.reporting.inspection.InspectionResults;
import org.mindgrid.reporting.inspection.InspectionTransitions;
import org.mindgrid.reporting.inspection.InspectionTransitions.Action;
import org.mindgrid.reporting.inspection.InspectionTransitions.ItemAction;
import org.mindgrid.reporting.inspection.Inspections;
import org.mindgrid.reporting.inspection.Inspections.Inspection;
import org.mindgrid.reporting.inspection.Inspections.NewInspection;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The monthly inspection as pages (issue 12 point 4): the list with the sampling form for the district's officers,
 * and one inspection as cards (one per item, one column on a phone) with the step each reader may take. A refused
 * form comes back with what was typed and the message naming the field.
 */
@Controller
class InspectionPageController {

	/** The sampling form as typed. */
	record SampleForm(String period, List<Long> schoolIds, List<String> indicators, String randomSchools,
			String randomIndicators) {
	}

	/** An item's step as typed. */
	record StepForm(String verdict, String text, String dueOn, Integer version) {
	}

	private final Inspections inspections;

	private final CurrentUsers users;

	private final MessageSource messages;

	private final FieldProblems problems;

	private final InspectionResults results;

	InspectionPageController(Inspections inspections, CurrentUsers users, MessageSource messages,
			FieldProblems problems, InspectionResults results) {
		this.results = results;
		this.problems = problems;
		this.inspections = inspections;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/inspections")
	String list(Model model) {
		return renderList(model, new SampleForm(inspectionsMonth().toString(), List.of(), List.of(), "", ""), null);
	}

	@PostMapping("/inspections")
	String create(@ModelAttribute SampleForm form, Model model, Locale locale) {
		Long district = officerDistrict();
		if (district == null) {
			throw ApiProblem.forbidden("inspection.problem.forbidden");
		}
		try {
			YearMonth month = parseMonth(form.period());
			Inspection saved = inspections.create(new NewInspection(district, month, nullToEmpty(form.schoolIds()),
					nullToEmpty(form.indicators()), count(form.randomSchools(), "randomSchools"),
					count(form.randomIndicators(), "randomIndicators")), locale);
			return "redirect:/inspections/" + saved.id();
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			return renderList(model, form, text(problem, locale));
		}
	}

	@GetMapping("/inspections/{id:\\d+}")
	String one(@PathVariable long id, Model model) {
		return renderOne(model, inspections.read(id), null, null, null);
	}

	/** The results PDF for the page's link (a session; the API takes bearer tokens only). */
	@GetMapping("/inspections/{id:\\d+}/results.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		InspectionResults.Pdf pdf = results.pdf(id, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(pdf.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(pdf.bytes());
	}

	@PostMapping("/inspections/{id:\\d+}/{action:start|publish}")
	String move(@PathVariable long id, @PathVariable String action, @ModelAttribute StepForm form, Model model,
			Locale locale) {
		try {
			inspections.move(id, "start".equals(action) ? Action.START : Action.PUBLISH,
					form.version() == null ? -1 : form.version());
			return "redirect:/inspections/" + id;
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			return renderOne(model, inspections.read(id), text(problem, locale), null, null);
		}
	}

	@PostMapping("/inspections/{id:\\d+}/schools/{schoolId:\\d+}/drop")
	String drop(@PathVariable long id, @PathVariable long schoolId, Model model, Locale locale) {
		try {
			inspections.dropSchool(id, schoolId);
			return "redirect:/inspections/" + id;
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			return renderOne(model, inspections.read(id), text(problem, locale), null, null);
		}
	}

	@PostMapping("/inspections/{id:\\d+}/items/{itemId:\\d+}/{step:finding|correction|answer|accept|reopen|close}")
	String step(@PathVariable long id, @PathVariable long itemId, @PathVariable String step,
			@ModelAttribute StepForm form, Model model, Locale locale) {
		ItemAction action = InspectionApiController.action(step);
		try {
			LocalDate due = null;
			if (form.dueOn() != null && !form.dueOn().isBlank()) {
				try {
					due = LocalDate.parse(form.dueOn().strip());
				}
				catch (DateTimeParseException e) {
					throw problems.field("dueOn", "inspection.problem.due", Inspections.MAX_CORRECTION_DAYS);
				}
			}
			inspections.step(id, itemId, action, new Inspections.Step(form.verdict(), form.text(), due));
			return "redirect:/inspections/" + id + "#item-" + itemId;
		}
		catch (ApiProblem problem) {
			if (problem.isAccessRefusal()) {
				throw problem;
			}
			return renderOne(model, inspections.read(id), text(problem, locale), itemId, form);
		}
	}

	private String renderList(Model model, SampleForm form, String error) {
		Long district = officerDistrict();
		model.addAttribute("items", inspections.list(null));
		model.addAttribute("officer", district != null);
		if (district != null) {
			model.addAttribute("schools", inspections.schoolsToSample(district));
			model.addAttribute("indicators", inspections.sampleable());
		}
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return "reporting/inspections";
	}

	private String renderOne(Model model, Inspection inspection, String error, Long errorItem, StepForm typed) {
		model.addAttribute("inspection", inspection);
		model.addAttribute("error", error);
		model.addAttribute("errorItem", errorItem);
		model.addAttribute("typed", typed);
		model.addAttribute("itemsMove", Map.of(
				"finding", InspectionTransitions.itemsMove(inspection.state(), ItemAction.RECORD_FINDING),
				"other", InspectionTransitions.itemsMove(inspection.state(), ItemAction.ANSWER)));
		return "reporting/inspection";
	}

	/** The field's message of a refused step, else the problem's own. */
	private String text(ApiProblem problem, Locale locale) {
		Object errors = problem.properties().get("errors");
		if (errors instanceof Map<?, ?> map && !map.isEmpty()) {
			return String.valueOf(map.values().iterator().next());
		}
		return messages.getMessage(problem.messageKey(), problem.args(), problem.messageKey(), locale);
	}

	private YearMonth parseMonth(String period) {
		try {
			return YearMonth.parse(String.valueOf(period).strip());
		}
		catch (DateTimeParseException e) {
			throw problems.field("period", "indicator.problem.period");
		}
	}

	private Integer count(String typed, String field) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException e) {
			throw problems.field(field, "inspection.problem.random-count", Inspections.MAX_SCHOOLS);
		}
	}

	private static <T> List<T> nullToEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	private YearMonth inspectionsMonth() {
		// the month just ended is the one a district inspects in its first days
		return inspections.currentMonth().minusMonths(1);
	}

	private Long officerDistrict() {
		CurrentUser user = users.current();
		for (Post p : user.posts()) {
			if (p.role() == Role.DISTRICT_OFFICER && p.districtId() != null) {
				return p.districtId();
			}
		}
		return null;
	}
}
