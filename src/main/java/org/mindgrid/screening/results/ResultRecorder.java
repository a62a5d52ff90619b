package org.mindgrid.screening.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.ActingAs;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.screening.ScreeningFlagged;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleScore;
import org.mindgrid.warning.Urgency;
import org.mindgrid.warning.WarningRaised;
import org.mindgrid.warning.WarningReports;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records a scored response: the result (the growth archive's screening history), a flag for a cut-off or a
 * critical item, and — for an urgent critical item — an urgent warning report in the same transaction as the
 * submission (issue 9, point 5), with its 2-hour assessment duty. A student answering with a code has no account:
 * the report is then raised by the system account (ADR 0025), so every psychology teacher is told.
 */
@Component
public class ResultRecorder {

	/** Raises reports for what a student submitted with a code (identity migration V20261203_0000). */
	static final String SYSTEM_ACCOUNT = "mindgrid-system";

	public static final String SOURCE_KIND = "SCREENING";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WarningReports reports;

	private final ActingAs actingAs;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ResultRecorder(JdbcClient jdbc, Clock clock, WarningReports reports, ActingAs actingAs, CurrentUsers users,
			AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.reports = reports;
		this.actingAs = actingAs;
		this.users = users;
		this.audit = audit;
		this.events = events;
	}

	public long record(long responseId, long campaignId, long studentId, long schoolId, long classId, Scale scale,
			ScaleScore score, Long staffUserId) {
		Instant now = clock.instant();
		List<String> flags = score.flags();
		long resultId = jdbc.sql("""
				insert into screening_result (response_id, campaign_id, student_id, school_id, class_id, scale_id, total,
				                              band, factors, factor_bands, flags, scored_at)
				values (:r, :c, :s, :school, :class, :scale, :total, :band, cast(:factors as jsonb),
				        cast(:bands as jsonb), :flags, :at)
				returning id""")
			.param("r", responseId)
			.param("c", campaignId)
			.param("s", studentId)
			.param("school", schoolId)
			.param("class", classId)
			.param("scale", scale.id())
			.param("total", score.total())
			.param("band", score.band())
			.param("factors", ScoreJson.write(score.factors()))
			.param("bands", ScoreJson.write(score.factorBands()))
			.param("flags", flags.toArray(String[]::new))
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		audit.record("SCREENING_SUBMITTED", "screening-result/" + resultId, studentId,
				scale.id() + (flags.isEmpty() ? "" : " " + flags) + (staffUserId == null ? " by answer code" : ""));
		if (flags.isEmpty()) {
			return resultId;
		}
		long flagId = jdbc.sql("""
				insert into screening_flag (result_id, campaign_id, student_id, school_id, class_id, scale_id, reasons,
				                            urgent, flagged_at)
				values (:r, :c, :s, :school, :class, :scale, :reasons, :urgent, :at) returning id""")
			.param("r", resultId)
			.param("c", campaignId)
			.param("s", studentId)
			.param("school", schoolId)
			.param("class", classId)
			.param("scale", scale.id())
			.param("reasons", flags.toArray(String[]::new))
			.param("urgent", score.urgent())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		if (score.urgent()) {
			WarningRaised raised = users.find().isPresent()
					? reports.raise(studentId, SOURCE_KIND, resultId, List.of(), Urgency.URGENT, null)
					: actingAs.run(SYSTEM_ACCOUNT,
							() -> reports.raise(studentId, SOURCE_KIND, resultId, List.of(), Urgency.URGENT, null));
			jdbc.sql("""
					update screening_flag set status = 'CONFIRMED', warning_report_id = :report, reviewed_at = :at
					 where id = :id""")
				.param("report", raised.id())
				.param("at", Timestamp.from(now))
				.param("id", flagId)
				.update();
		}
		events.publishEvent(new ScreeningFlagged(flagId, studentId, schoolId, classId, scale.id(), score.urgent()));
		return resultId;
	}
}
