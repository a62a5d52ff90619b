package org.mindgrid.warning.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.warning.CasePlan;
import org.mindgrid.warning.cases.CaseReads;
import org.mindgrid.warning.cases.CaseState;
import org.mindgrid.warning.cases.CaseViews.CaseDetail;
import org.mindgrid.warning.cases.CaseViews.CaseSummary;
import org.mindgrid.warning.cases.CaseViews.PlanView;
import org.mindgrid.warning.cases.CaseWork;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The warning loop's cases (issue 8 point 11): list, one case with its history, actions, the plan. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

	/** The plan as {@code GET} answers it; {@code updatedAt}, {@code updatedBy} and ticks are read-only. */
	record PlanBody(Integer version, String situation, String goals, List<MeasureBody> measures,
			String contactFrequency, String reviewDate, Instant updatedAt, String updatedBy) {
	}

	record MeasureBody(String id, String grid, String text, String responsible, String frequency,
			Instant lastTickedAt) {
	}

	private final CaseReads reads;

	private final CaseWork work;

	CaseApiController(CaseReads reads, CaseWork work) {
		this.reads = reads;
		this.work = work;
	}

	@GetMapping
	Page<CaseSummary> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) Integer category, @RequestParam(required = false) Long classId,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long studentId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return reads.list(new CaseReads.Filter(state(state), category(category), classId, overdue, studentId,
				Page.clampPage(page), Page.clampSize(size)));
	}

	@GetMapping("/{id}")
	CaseDetail get(@PathVariable long id) {
		return reads.get(id);
	}

	@PostMapping("/{id}/actions")
	CaseDetail act(@PathVariable long id, @RequestBody Map<String, Object> body) {
		Object action = body.get("action");
		return work.act(id, action instanceof String s ? s : null, body);
	}

	@GetMapping("/{id}/plan")
	PlanView plan(@PathVariable long id) {
		return work.plan(id);
	}

	@PutMapping("/{id}/plan")
	PlanView savePlan(@PathVariable long id, @RequestBody PlanBody body) {
		if (body.version() == null) {
			throw ApiProblem.badRequest("case.field.required", resolvable("version")).with("field", "version");
		}
		List<CasePlan.Measure> measures = body.measures() == null ? List.of() : body.measures().stream()
			.map(m -> m == null ? null : new CasePlan.Measure(m.id(), m.grid(), m.text(), m.responsible(), m.frequency()))
			.toList();
		return work.savePlan(id, body.version(),
				new CasePlan(body.situation(), body.goals(), measures, body.contactFrequency(), body.reviewDate()));
	}

	static CaseState state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return CaseState.valueOf(state.strip().toUpperCase());
		}
		catch (IllegalArgumentException e) {
			throw ApiProblem.badRequest("case.field.choice", resolvable("state"),
					String.join(", ", java.util.Arrays.stream(CaseState.values()).map(Enum::name).toList()))
				.with("field", "state");
		}
	}

	static Integer category(Integer category) {
		if (category != null && (category < 1 || category > 3)) {
			throw ApiProblem.badRequest("case.field.range", resolvable("category"), 1, 3).with("field", "category");
		}
		return category;
	}

	private static DefaultMessageSourceResolvable resolvable(String field) {
		return new DefaultMessageSourceResolvable(new String[] { "case.field." + field }, field);
	}
}
