package org.mindgrid.warning.cases;

import org.mindgrid.warning.CasePlan;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.duty.Duties;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.DateLimits;
import org.mindgrid.student.Students;
import org.mindgrid.warning.CategoryChanged;
import org.mindgrid.warning.ReportsAnswered;
import org.mindgrid.warning.cases.CaseViews.CaseDetail;
import org.mindgrid.warning.cases.CaseViews.PlanView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes a case: opened or joined by warning reports (in their transaction), the team's actions
 * (one intent method each on {@link WarningCase}), the plan. Each step checks the caller's tier, the case's state
 * and version, writes its history line, closes and opens its duties, and is audited.
 */
@Service
public class CaseWork {

	/** The resolution reason of reports that a case's assessment answered, followed by the case id. */
	public static final String ASSESSED_REASON = "CASE_ASSESSED:";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CaseStore store;

	private final CaseReads reads;

	private final CaseDuties caseDuties;

	private final Duties duties;

	private final Students students;

	private final AuditLog audit;

	private final DateLimits dates;

	private final ApplicationEventPublisher events;

	CaseWork(JdbcClient jdbc, Clock clock, CaseStore store, CaseReads reads, CaseDuties caseDuties, Duties duties,
			Students students, AuditLog audit, DateLimits dates, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.store = store;
		this.reads = reads;
		this.caseDuties = caseDuties;
		this.duties = duties;
		this.students = students;
		this.audit = audit;
		this.dates = dates;
		this.events = events;
	}

	/**
	 * A warning report was raised or joined (issue 8 point 1): the student's open case takes it into its history, or
	 * a new case opens in {@code REPORTED}. Runs in the report's transaction; parallel reports end in one case.
	 */
	@Transactional
	public long reportRaised(long reportId, long studentId, String sourceKind, String urgency, long by) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reportId", reportId);
		details.put("sourceKind", sourceKind);
		details.put("urgency", urgency);
		Optional<WarningCase> open = store.openCaseOf(studentId);
		if (open.isEmpty()) {
			long schoolId = jdbc.sql("select school_id from student where id = :id").param("id", studentId)
				.query(Long.class).single();
			Optional<Long> created = store.insertOpen(studentId, schoolId, by, now);
			if (created.isPresent()) {
				long caseId = created.get();
				store.append(caseId, new WarningCase.Change(CaseAction.OPEN, null, CaseState.REPORTED, details), by,
						now);
				link(reportId, caseId);
				audit.record("CASE_OPENED", "case/" + caseId, studentId, "warning-report/" + reportId);
				return caseId;
			}
			open = store.openCaseOf(studentId);
		}
		WarningCase c = open.orElseThrow(() -> new IllegalStateException("no open case of student " + studentId));
		c.reportJoined(details);
		if (!store.save(c, by, now)) {
			throw new IllegalStateException("case " + c.id() + " changed under its lock");
		}
		link(reportId, c.id());
		audit.record("CASE_REPORT_JOINED", "case/" + c.id(), studentId, "warning-report/" + reportId);
		return c.id();
	}

	/**
	 * A crisis event on a student whose warning report just opened or joined their case (issue 10 point 1): the case
	 * records it, and a case without a category takes category 3 pending the team's review. Runs in the event's
	 * transaction; answers the case id.
	 */
	@Transactional
	public long crisisRaised(long studentId, long eventId, String kind, long by) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		WarningCase c = store.openCaseOf(studentId)
			.orElseThrow(() -> new IllegalStateException("no open case of student " + studentId));
		c.crisisEvent(Map.of("crisisEventId", eventId, "kind", kind));
		if (!store.save(c, by, now)) {
			throw new IllegalStateException("case " + c.id() + " changed under its lock");
		}
		audit.record("CASE_CRISIS_EVENT", "case/" + c.id(), studentId, "crisis-event/" + eventId);
		return c.id();
	}

	/** A report resolved as a false alarm: a case that was only reported and has no open report left closes. */
	@Transactional
	public void reportResolved(long reportId, long by, String reason) {
		Long caseId = jdbc.sql("select case_id from warning_report where id = :id").param("id", reportId)
			.query(Long.class).optional().orElse(null);
		if (caseId == null) {
			return;
		}
		WarningCase c = store.lock(caseId).orElseThrow();
		boolean othersOpen = jdbc.sql("select count(*) from warning_report where case_id = :c and status = 'OPEN'")
			.param("c", caseId).query(Long.class).single() > 0;
		if (c.state() == CaseState.REPORTED && !othersOpen) {
			Instant now = clock.instant();
			WarningCase.Change change = c.dismiss(Map.of("reason", reason, "reportId", reportId));
			store.save(c, by, now);
			caseDuties.after(c, change, by, now, null);
			audit.record("CASE_DISMISS", "case/" + caseId, c.studentId(), "warning-report/" + reportId);
		}
	}

	/** {@code POST /api/v1/cases/{id}/actions}: one step of the loop. */
	@Transactional
	public CaseDetail act(long caseId, String actionCode, Map<String, Object> body) {
		CurrentUser user = students.requireStudentReader();
		CaseAction action = CaseAction.ofCode(actionCode == null ? "" : actionCode.strip())
			.filter(CaseAction::byApi)
			.orElseThrow(() -> CaseFields.fieldProblem("case.action-unknown", "action"));
		int tier = reads.tier(user, caseId);
		if (tier == CaseAccess.NONE) {
			throw ApiProblem.notFound("case.not-found");
		}
		WarningCase c = store.lock(caseId).orElseThrow(() -> ApiProblem.notFound("case.not-found"));
		if (tier < action.performer()) {
			throw ApiProblem.forbidden("case.action-forbidden", word("case.action.", action.code()));
		}
		if (!CaseTransitions.allowed(action, c.state())) {
			throw ApiProblem.conflict("case.action-not-allowed", word("case.action.", action.code()),
					word("case.state.", c.state().name()))
				.with("state", c.state().name())
				.with("allowedActions",
						CaseTransitions.allowedActions(c.state(), tier).stream().map(CaseAction::code).toList());
		}
		Object expected = body.get("version");
		if (expected != null && !(expected instanceof Number n && n.intValue() == c.version())) {
			throw ApiProblem.conflict("case.changed").with("version", c.version());
		}
		Map<String, Object> details = CaseFields.clean(action, body, dates);
		check(c, action, details, user, tier);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Integer before = c.category();
		WarningCase.Change change = c.perform(action, details);
		if (!store.save(c, user.id(), now)) {
			throw ApiProblem.conflict("case.changed");
		}
		effects(c, change, user, now);
		caseDuties.after(c, change, user.id(), now, leaveEveryDays(c, change));
		audit.record("CASE_" + action.name(), "case/" + caseId, c.studentId(), null);
		if (action == CaseAction.CATEGORIZE || action == CaseAction.RELEASE) {
			events.publishEvent(new CategoryChanged(caseId, c.studentId(), c.schoolId(), before,
					action == CaseAction.RELEASE ? null : c.category(), c.inDatabase()));
		}
		return reads.detail(user, caseId);
	}

	/** Rules that need the database: the hospital of a referral, the entry a void names, the measure a tick names. */
	private void check(WarningCase c, CaseAction action, Map<String, Object> d, CurrentUser user, int tier) {
		switch (action) {
			case REFER -> {
				boolean known = jdbc.sql("""
						select count(*) from hospital h join school sc on sc.id = :school
						 where h.id = :h and (h.school_id = sc.id or (h.school_id is null
						       and (h.district_id is null or h.district_id = sc.district_id)))""")
					.param("school", c.schoolId()).param("h", d.get("hospitalId")).query(Long.class).single() > 0;
				if (!known) {
					throw CaseFields.fieldProblem("case.hospital-unknown", "hospitalId");
				}
			}
			case VOID_ENTRY -> {
				var target = jdbc.sql("""
						select e.action, e.voids is not null,
						       exists (select 1 from warning_case_event v where v.voids = e.id)
						  from warning_case_event e where e.id = :e and e.case_id = :c""")
					.param("e", d.get("eventId")).param("c", c.id())
					.query((rs, i) -> new Object[] { rs.getString(1), rs.getBoolean(2), rs.getBoolean(3) })
					.optional()
					.orElseThrow(() -> CaseFields.fieldProblem("case.entry-unknown", "eventId"));
				CaseAction voided = CaseAction.valueOf((String) target[0]);
				if (!voided.byApi() || (Boolean) target[1] || (Boolean) target[2] || voided == CaseAction.VOID_ENTRY) {
					throw CaseFields.fieldProblem("case.entry-not-voidable", "eventId");
				}
			}
			case TICK_MEASURE -> {
				PlanView plan = reads.plan(c.id(), tier);
				String wanted = (String) d.get("measureId");
				var measure = plan.measures().stream().filter(m -> m.id().equals(wanted)).findFirst()
					.orElseThrow(() -> CaseFields.fieldProblem("case.measure-unknown", "measureId"));
				String mine = tier == CaseAccess.HEAD_TEACHER ? "HEAD_TEACHER" : "MENTOR";
				if (tier < CaseAccess.FULL && !measure.responsible().equals(mine)) {
					throw ApiProblem.forbidden("case.measure-not-yours");
				}
			}
			default -> {
			}
		}
	}

	/** Assessment answers the case's open reports and closes their assessment duties; a dismissal too. */
	private void effects(WarningCase c, WarningCase.Change change, CurrentUser user, Instant now) {
		if (change.action() != CaseAction.ASSESS && change.action() != CaseAction.DISMISS) {
			return;
		}
		String reason = change.action() == CaseAction.ASSESS ? ASSESSED_REASON + c.id()
				: (String) change.details().get("reason");
		List<Long> answered = jdbc.sql("""
				update warning_report set status = 'RESOLVED', resolved_by = :u, resolved_at = :at,
				       resolution_reason = :reason
				 where case_id = :c and status = 'OPEN' returning id""")
			.param("u", user.id()).param("at", Timestamp.from(now)).param("reason", reason).param("c", c.id())
			.query(Long.class).list();
		for (long reportId : answered) {
			duties.completeForSource("WARNING_REPORT", reportId, user.id(), "case/" + c.id());
			audit.record("WARNING_REPORT_RESOLVED", "warning-report/" + reportId, c.studentId(),
					change.action() == CaseAction.ASSESS ? "case/" + c.id() : reason);
		}
		if (!answered.isEmpty()) {
			events.publishEvent(new ReportsAnswered(answered, c.studentId(), user.id()));
		}
	}

	private Long leaveEveryDays(WarningCase c, WarningCase.Change change) {
		if (change.action() != CaseAction.RECORD_CONTACT || change.to() != CaseState.ON_LEAVE) {
			return null;
		}
		return jdbc.sql("""
				select (details ->> 'contactEveryDays')::int from warning_case_event
				 where case_id = :c and action = 'START_LEAVE' order by id desc limit 1""")
			.param("c", c.id()).query(Long.class).optional().orElse(null);
	}

	/** {@code PUT /api/v1/cases/{id}/plan}: the clinical team writes the plan; the version must be the one read. */
	@Transactional
	public PlanView savePlan(long caseId, int expectedVersion, CasePlan plan) {
		CurrentUser user = students.requireStudentReader();
		int tier = reads.tier(user, caseId);
		if (tier == CaseAccess.NONE) {
			throw ApiProblem.notFound("case.not-found");
		}
		if (tier < CaseAccess.FULL) {
			throw ApiProblem.forbidden("case.plan-forbidden");
		}
		WarningCase c = store.lock(caseId).orElseThrow(() -> ApiProblem.notFound("case.not-found"));
		if (c.state().ended()) {
			throw ApiProblem.conflict("case.ended");
		}
		CasePlan clean = cleanPlan(plan);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		int current = jdbc.sql("select coalesce(max(version), 0) from case_plan where case_id = :c")
			.param("c", caseId).query(Integer.class).single();
		if (current != expectedVersion) {
			throw ApiProblem.conflict("case.plan-changed").with("version", current);
		}
		int next = current + 1;
		String content = store.toJson(clean);
		jdbc.sql("""
				insert into case_plan (case_id, version, content, updated_by, updated_at)
				values (:c, :v, cast(:content as jsonb), :u, :at)
				on conflict (case_id) do update set version = excluded.version, content = excluded.content,
				       updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.param("c", caseId).param("v", next).param("content", content).param("u", user.id())
			.param("at", Timestamp.from(now)).update();
		jdbc.sql("""
				insert into case_plan_revision (case_id, version, content, updated_by, updated_at)
				values (:c, :v, cast(:content as jsonb), :u, :at)""")
			.param("c", caseId).param("v", next).param("content", content).param("u", user.id())
			.param("at", Timestamp.from(now)).update();
		if (clean.reviewDate() != null) {
			caseDuties.planReview(c, caseDuties.student(c), LocalDate.parse(clean.reviewDate()));
		}
		audit.record("CASE_PLAN_SAVED", "case/" + caseId, c.studentId(), "version " + next);
		return reads.plan(caseId, tier);
	}

	@Transactional
	public PlanView plan(long caseId) {
		CurrentUser user = students.requireStudentReader();
		int tier = reads.tier(user, caseId);
		if (tier == CaseAccess.NONE) {
			throw ApiProblem.notFound("case.not-found");
		}
		long studentId = jdbc.sql("select student_id from warning_case where id = :c").param("c", caseId)
			.query(Long.class).single();
		audit.record("CASE_PLAN_READ", "case/" + caseId, studentId, null);
		return reads.plan(caseId, tier);
	}

	/**
	 * The caller, when they may see the case at {@code tier} or above: 404 when they may not see it at all, 403 when
	 * they see it at a lower tier (letters and files are for the clinical team).
	 */
	@Transactional(readOnly = true)
	public CurrentUser requireTier(long caseId, int tier) {
		CurrentUser user = students.requireStudentReader();
		int actual = reads.tier(user, caseId);
		if (actual == CaseAccess.NONE) {
			throw ApiProblem.notFound("case.not-found");
		}
		if (actual < tier) {
			throw ApiProblem.forbidden("case.files-forbidden");
		}
		return user;
	}

	private CasePlan cleanPlan(CasePlan p) {
		if (p == null) {
			throw CaseFields.fieldProblem("case.field.required", "plan");
		}
		List<CasePlan.Measure> measures = new ArrayList<>();
		List<CasePlan.Measure> given = p.measures() == null ? List.of() : p.measures();
		if (given.size() > 50) {
			throw CaseFields.fieldProblem("case.field.too-many", "measures", 50);
		}
		int n = 0;
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (CasePlan.Measure m : given) {
			n++;
			if (m == null) {
				throw CaseFields.fieldProblem("case.field.required", "measures");
			}
			String id = m.id() == null || m.id().isBlank() ? null : m.id().strip();
			if (id != null && (id.length() > 20 || !id.matches("[A-Za-z0-9_-]+"))) {
				throw CaseFields.fieldProblem("case.field.measure-id", "measures");
			}
			if (!CasePlan.GRIDS.contains(m.grid())) {
				throw CaseFields.fieldProblem("case.field.choice", "grid", String.join(", ", CasePlan.GRIDS));
			}
			if (!CasePlan.RESPONSIBLE.contains(m.responsible())) {
				throw CaseFields.fieldProblem("case.field.choice", "responsible",
						String.join(", ", CasePlan.RESPONSIBLE));
			}
			String text = text(m.text(), "text", CaseFields.TEXT_MAX * 2);
			if (text == null) {
				throw CaseFields.fieldProblem("case.field.required", "text");
			}
			String unique = id == null ? "m" + n : id;
			while (!ids.add(unique)) {
				unique = unique + "x";
			}
			measures.add(new CasePlan.Measure(unique, m.grid(), text, m.responsible(),
					text(m.frequency(), "frequency", 100)));
		}
		String review = null;
		if (p.reviewDate() != null && !p.reviewDate().isBlank()) {
			try {
				review = dates.parseDate(p.reviewDate()).toString();
			}
			catch (RuntimeException e) {
				throw CaseFields.fieldProblem("case.field.date", "reviewDate");
			}
		}
		return new CasePlan(text(p.situation(), "situation", CaseFields.LONG_TEXT_MAX),
				text(p.goals(), "goals", CaseFields.LONG_TEXT_MAX), measures,
				text(p.contactFrequency(), "contactFrequency", 200), review);
	}

	private static String text(String s, String field, int max) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String t = s.strip();
		if (t.length() > max) {
			throw CaseFields.fieldProblem("case.field.too-long", field, max);
		}
		return t;
	}

	/** A code as its word in the reader's language (the problem's detail is resolved with the bundles). */
	static org.springframework.context.support.DefaultMessageSourceResolvable word(String prefix, String code) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { prefix + code },
				code);
	}

	private void link(long reportId, long caseId) {
		jdbc.sql("update warning_report set case_id = :c where id = :r and case_id is null")
			.param("c", caseId).param("r", reportId).update();
	}
}
