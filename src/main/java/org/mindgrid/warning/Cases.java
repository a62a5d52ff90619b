package org.mindgrid.warning;

import java.util.Map;
import java.util.Optional;

import org.mindgrid.warning.CasePlan;
import org.mindgrid.warning.cases.CaseWork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warning loop's API for other modules (the demo's caseload, later the crisis module): act on a case as the
 * current user, with the same checks as {@code POST /api/v1/cases/{id}/actions}.
 */
@Service
public class Cases {

	private final CaseWork work;

	private final JdbcClient jdbc;

	Cases(CaseWork work, JdbcClient jdbc) {
		this.work = work;
		this.jdbc = jdbc;
	}

	/** The student's open case, if any. Not scoped: callers act through {@link #act}, which is. */
	public Optional<Long> openCaseOf(long studentId) {
		return jdbc.sql("select id from warning_case where student_id = :s and ended_at is null")
			.param("s", studentId).query(Long.class).optional();
	}

	/** One step, e.g. {@code act(id, "categorize", Map.of("category", 2))}; answers the state it leads to. */
	@Transactional
	public String act(long caseId, String action, Map<String, Object> details) {
		return work.act(caseId, action, details).state();
	}

	/**
	 * A crisis event on the student (issue 10): call after raising its warning report, which opened or joined the
	 * case. Records the event in the case; a case without a category takes category 3 pending review.
	 */
	@Transactional
	public long crisisRaised(long studentId, long eventId, String kind, long by) {
		return work.crisisRaised(studentId, eventId, kind, by);
	}

	@Transactional
	public int savePlan(long caseId, int version, CasePlan plan) {
		return work.savePlan(caseId, version, plan).version();
	}
}
