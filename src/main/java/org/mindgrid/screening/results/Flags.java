package org.mindgrid.screening.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.screening.campaigns.ScreeningInput;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.warning.Urgency;
import org.mindgrid.warning.WarningReports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of flagged results (issue 9, point 5): the school's psychology teachers confirm a flag (a HIGH
 * warning report, source "screening") or dismiss it with a reason. Urgent critical items were reported already.
 */
@Service
public class Flags {

	static final int REASON_MAX = 2000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentUsers users;

	private final WarningReports reports;

	private final AuditLog audit;

	private final ScreeningInput input;

	Flags(JdbcClient jdbc, Clock clock, CurrentUsers users, WarningReports reports, AuditLog audit,
			ScreeningInput input) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.users = users;
		this.reports = reports;
		this.audit = audit;
		this.input = input;
	}

	public record FlagItem(long id, long studentId, String studentName, long classId, String className,
			long campaignId, String scaleId, List<String> reasons, boolean urgent, String status, Instant flaggedAt,
			double total, String band, Long warningReportId, String reviewedBy, Instant reviewedAt,
			String reviewReason) {
	}

	public record Reviewed(long id, String status, Long warningReportId) {
	}

	private static final String SELECT = """
			select f.id, s.id, s.name, k.id, g.name || '（' || replace(k.name, '班', '') || '）班', f.campaign_id,
			       f.scale_id, f.reasons, f.urgent, f.status, f.flagged_at, r.total, r.band, f.warning_report_id,
			       u.display_name, f.reviewed_at, f.review_reason
			  from screening_flag f join screening_result r on r.id = f.result_id
			  join student s on s.id = f.student_id join school_class k on k.id = f.class_id
			  join grade g on g.id = k.grade_id left join app_user u on u.id = f.reviewed_by""";

	private CurrentUser requirePsych() {
		CurrentUser user = users.current();
		if (!user.hasAnyRole(Role.PSYCH_TEACHER)) {
			throw ApiProblem.forbidden("screening.flag.psych-only");
		}
		return user;
	}

	/** OPEN (default), CONFIRMED, DISMISSED or ALL; urgent first, then the oldest. */
	public Page<FlagItem> list(String status, Long campaignId, int page, int size) {
		CurrentUser user = requirePsych();
		String where = " where f.school_id = any(cast(:schools as bigint[])) and " + StudentScope.predicate("s")
				+ " and (cast(:status as text) is null or f.status = :status)"
				+ " and (cast(:campaign as bigint) is null or f.campaign_id = :campaign)";
		Long[] schools = user.posts().stream()
			.filter(p -> p.role() == Role.PSYCH_TEACHER && p.schoolId() != null)
			.map(p -> p.schoolId())
			.distinct()
			.toArray(Long[]::new);
		String st = status == null || status.isBlank() ? "OPEN" : status;
		if (!List.of("OPEN", "CONFIRMED", "DISMISSED", "ALL").contains(st)) {
			throw input.field("status", "screening.flag.status");
		}
		String filter = "ALL".equals(st) ? null : st;
		long total = jdbc.sql("select count(*) from screening_flag f join student s on s.id = f.student_id" + where)
			.param("schools", schools)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.ARCHIVE)
			.param("status", filter)
			.param("campaign", campaignId)
			.query(Long.class)
			.single();
		List<FlagItem> items = jdbc.sql(SELECT + where
				+ " order by f.status = 'OPEN' desc, f.urgent desc, f.flagged_at, f.id limit :size offset :offset")
			.param("schools", schools)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.ARCHIVE)
			.param("status", filter)
			.param("campaign", campaignId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(Flags::map)
			.list();
		audit.record("SCREENING_FLAGS_READ", "screening/flags", null, items.size() + " of " + total + " " + st);
		return new Page<>(items, total, page, size);
	}

	public FlagItem get(long flagId) {
		CurrentUser user = requirePsych();
		return find(user, flagId);
	}

	private FlagItem find(CurrentUser user, long flagId) {
		return jdbc.sql(SELECT + " where f.id = :id and " + StudentScope.predicate("s")
				+ " and exists (select 1 from post p where p.user_id = :scopeUserId and p.role = 'PSYCH_TEACHER'"
				+ " and p.school_id = f.school_id)")
			.param("id", flagId)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.ARCHIVE)
			.query(Flags::map)
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("screening.flag.not-found"));
	}

	@Transactional
	public Reviewed review(long flagId, String decision, String reason) {
		CurrentUser user = requirePsych();
		FlagItem flag = find(user, flagId);
		String why = reason == null ? null : reason.strip();
		if (!"CONFIRM".equals(decision) && !"DISMISS".equals(decision)) {
			throw input.field("decision", "screening.flag.decision");
		}
		if ("DISMISS".equals(decision) && (why == null || why.isEmpty())) {
			throw input.field("reason", "screening.flag.reason-required");
		}
		if (why != null && why.length() > REASON_MAX) {
			throw input.field("reason", "screening.input.too-long", REASON_MAX);
		}
		// the row lock makes a second reviewer wait and then find it reviewed
		String status = jdbc.sql("select status from screening_flag where id = :id for update")
			.param("id", flagId)
			.query(String.class)
			.single();
		if (!"OPEN".equals(status)) {
			throw ApiProblem.conflict("screening.flag.reviewed");
		}
		Long reportId = null;
		if ("CONFIRM".equals(decision)) {
			long resultId = jdbc.sql("select result_id from screening_flag where id = :id")
				.param("id", flagId)
				.query(Long.class)
				.single();
			reportId = reports.raise(flag.studentId(), ResultRecorder.SOURCE_KIND, resultId, List.of(), Urgency.HIGH,
					why == null || why.isEmpty() ? null : why).id();
		}
		String next = "CONFIRM".equals(decision) ? "CONFIRMED" : "DISMISSED";
		Instant now = clock.instant();
		jdbc.sql("""
				update screening_flag set status = :status, reviewed_by = :by, reviewed_at = :at, review_reason = :reason,
				       warning_report_id = :report where id = :id""")
			.param("status", next)
			.param("by", user.id())
			.param("at", Timestamp.from(now))
			.param("reason", why == null || why.isEmpty() ? null : why)
			.param("report", reportId)
			.param("id", flagId)
			.update();
		audit.record("SCREENING_FLAG_" + next, "screening/flags/" + flagId, flag.studentId(),
				flag.scaleId() + " " + flag.reasons());
		return new Reviewed(flagId, next, reportId);
	}

	private static FlagItem map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new FlagItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getLong(6), rs.getString(7), List.of((String[]) rs.getArray(8).getArray()), rs.getBoolean(9),
				rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getDouble(12), rs.getString(13),
				(Long) rs.getObject(14), rs.getString(15),
				rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant(), rs.getString(17));
	}
}
