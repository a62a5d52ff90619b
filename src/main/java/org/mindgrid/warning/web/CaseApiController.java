package org.mindgrid.warning.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.mindgrid.shared.web.ApiError;
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

	@Operation(summary = "Cases of the warning loop (个案, 重点学生预警库)",
			description = "Cases on students the caller may see: the school's psychology teachers, crisis team and "
					+ "leaders all of them; a head teacher their class's; a mentor their students' (without category). "
					+ "Open cases first, highest category first. Paged {items, total, page, size}.")
	@Parameter(name = "state", in = ParameterIn.QUERY,
			description = "REPORTED, ASSESSING, WATCH, FAMILY, REFERRED, ON_LEAVE, RETURN_REVIEW, RELEASED or CLOSED")
	@Parameter(name = "category", in = ParameterIn.QUERY, description = "Crisis category 1, 2 or 3")
	@Parameter(name = "classId", in = ParameterIn.QUERY, description = "Only cases of students of this class")
	@Parameter(name = "overdue", in = ParameterIn.QUERY,
			description = "true: only cases with an overdue duty; false: only those without")
	@Parameter(name = "studentId", in = ParameterIn.QUERY, description = "Only this student's cases")
	@GetMapping
	Page<CaseSummary> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) Integer category, @RequestParam(required = false) Long classId,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long studentId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return reads.list(new CaseReads.Filter(state(state), category(category), classId, overdue, studentId,
				Page.clampPage(page), Page.clampSize(size)));
	}

	@Operation(summary = "One case with its history",
			description = "State, category, the actions the caller may take now (allowedActions), the history, the "
					+ "support plan and the duties, cut to the caller's access: FULL (clinical team), HEAD_TEACHER "
					+ "(no interview, diagnosis or medical steps) or MENTOR (under watch, own measures). Audited.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Case id")
	@GetMapping("/{id}")
	CaseDetail get(@PathVariable long id) {
		return reads.get(id);
	}

	@Operation(summary = "Take one step of the loop",
			description = "Body {\"action\": ..., ...details}: assess {summary, proposedCategory}, categorize "
					+ "{category}, dismiss {reason}, notify-family, hold-meeting {minutes}, sign-contract, refer "
					+ "{hospitalId}, book-green-channel, record-diagnosis {diagnosis}, start-leave, record-contact, "
					+ "apply-return, decide-return {decision: return | continue-leave | third-party}, record-session, "
					+ "record-monitoring {note}, review-plan, tick-measure {measureId}, add-note {note}, void-entry "
					+ "{eventId, reason}, release {reason}. Optional \"version\" for an optimistic check. Answers "
					+ "the case.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Case id")
	@ApiError(status = 409, description = "Not allowed in the case's state: the problem lists allowedActions "
			+ "(code case.action-not-allowed); or the case changed (case.changed)")
	@PostMapping("/{id}/actions")
	CaseDetail act(@PathVariable long id, @RequestBody Map<String, Object> body) {
		Object action = body.get("action");
		return work.act(id, action instanceof String s ? s : null, body);
	}

	@Operation(summary = "The support plan (一生一策)",
			description = "Situation, goals, measures per grid with the person responsible, contact frequency and "
					+ "review date; a mentor sees only their measures. version 0 when none was saved yet.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Case id")
	@GetMapping("/{id}/plan")
	PlanView plan(@PathVariable long id) {
		return work.plan(id);
	}

	@Operation(summary = "Save the support plan (一生一策)",
			description = "Takes what GET answers (updatedAt, updatedBy, lastTickedAt are ignored) with the version "
					+ "read; the clinical team only. Each save is kept as a revision. Answers the plan.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Case id")
	@ApiError(status = 409, description = "The plan changed since it was read (code case.plan-changed)")
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
