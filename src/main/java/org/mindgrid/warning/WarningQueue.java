package org.mindgrid.warning;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.duty.Duties;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.Role;
import org.mindgrid.identity.ScopePath;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.Students;
import org.mindgrid.warning.cases.CaseWork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The psychology teachers' queue: open reports first, urgent first, soonest due first. Readers are those who may
 * read the student's archive (scope in SQL); each opening is recorded so the report shows who saw it and when.
 */
@Service
public class WarningQueue {

	private static final String SELECT = """
			select w.id, w.student_id, s.name, g.name || '（' || replace(c.name, '班', '') || '）班', w.urgency, w.status,
			       w.due_at, w.raised_at, ru.display_name, w.source_kind, w.signs, w.summary, w.resolved_at,
			       xu.display_name, w.resolution_reason,
			       (select count(*) from warning_report_source rs where rs.report_id = w.id), w.merged_into,
			       tu.display_name, w.taken_up_at, w.case_id
			  from warning_report w
			  join student s on s.id = w.student_id
			  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
			  join app_user ru on ru.id = w.raised_by
			  left join app_user xu on xu.id = w.resolved_by
			  left join app_user tu on tu.id = w.taken_up_by""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Students students;

	private final Duties duties;

	private final AuditLog audit;

	private final List<SourceTexts> texts;

	private final Notifications notifications;

	private final CaseWork cases;

	WarningQueue(JdbcClient jdbc, Clock clock, Students students, Duties duties, AuditLog audit,
			List<SourceTexts> texts, Notifications notifications, CaseWork cases) {
		this.cases = cases;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.texts = texts;
		this.clock = clock;
		this.students = students;
		this.duties = duties;
		this.audit = audit;
	}

	/** The queue shows names and signs of many students: one audit line per page read, naming them. */
	@Transactional
	public Page<WarningReportItem> queue(String status, int page, int size) {
		CurrentUser user = students.requireStudentReader();
		// the school's queue in its order from one index (issue 11 point 2); the scope still decides each row
		ScopePath path = ScopePath.of(user);
		// the status filter only when given: an optional "(:status is null or …)" misleads the generic plan
		String where = " where " + StudentScope.listPredicate("s") + path.sql("w.school_id", "s.class_id")
				+ (status == null ? " " : " and w.status = :status ");
		long total = jdbc.sql("select count(*) from (select 1 from warning_report w join student s on s.id = w.student_id"
				+ where + " limit :cap) x")
			.params(path.params())
			.param("cap", Page.COUNT_CAP + 1)
			.param("scopeUserId", user.id()).param("scopeLevel", StudentScope.ARCHIVE).param("status", status)
			.query(Long.class).single();
		List<WarningReportItem> items = jdbc.sql(SELECT + where + """
				 order by (w.status = 'OPEN') desc, (w.urgency = 'URGENT') desc, (w.urgency = 'REVIEW'), w.due_at, w.id
				 limit :size offset :offset""")
			.params(path.params())
			.param("scopeUserId", user.id()).param("scopeLevel", StudentScope.ARCHIVE).param("status", status)
			.param("size", size).param("offset", (long) page * size)
			.query((rs, i) -> map(rs, List.of(), List.of()))
			.list();
		if (!items.isEmpty()) {
			audit.record("WARNING_QUEUE_READ", "warning-reports", null,
					"students " + items.stream().map(WarningReportItem::studentId).distinct().toList());
		}
		return Page.capped(items, total, page, size);
	}

	/** Opens a report: records the view (first view per person) and audits the read. */
	@Transactional
	public WarningReportItem open(long reportId) {
		CurrentUser user = students.requireStudentReader();
		WarningReportItem item = find(user, reportId);
		jdbc.sql("""
				insert into warning_report_view (report_id, user_id, viewed_at) values (:r, :u, :at)
				on conflict (report_id, user_id) do nothing""")
			.param("r", reportId).param("u", user.id()).param("at", Timestamp.from(clock.instant())).update();
		audit.record("WARNING_REPORT_READ", "warning-report/" + reportId, item.studentId(), null);
		return find(user, reportId);
	}

	/** Only psychology teachers and the crisis team of the student's school resolve, always with a reason. */
	@Transactional
	public WarningReportItem resolve(long reportId, String reason) {
		CurrentUser user = students.requireStudentReader();
		WarningReportItem item = find(user, reportId);
		long schoolId = jdbc.sql("select school_id from warning_report where id = :id").param("id", reportId)
			.query(Long.class).single();
		if (!user.hasRoleAtSchool(schoolId, Role.PSYCH_TEACHER, Role.CRISIS_TEAM)) {
			throw ApiProblem.forbidden("warning.resolve-forbidden");
		}
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw ApiProblem.badRequest("warning.reason-required");
		}
		int changed = jdbc.sql("""
				update warning_report set status = 'RESOLVED', resolved_by = :u, resolved_at = :at, resolution_reason = :reason
				 where id = :id and status = 'OPEN'""")
			.param("u", user.id()).param("at", Timestamp.from(clock.instant())).param("reason", reason.strip())
			.param("id", reportId).update();
		if (changed == 0) {
			throw ApiProblem.conflict("warning.already-resolved");
		}
		duties.completeForSource("WARNING_REPORT", reportId, user.id(), reason.strip());
		cases.reportResolved(reportId, user.id(), reason.strip());
		audit.record("WARNING_REPORT_RESOLVED", "warning-report/" + reportId, item.studentId(), reason.strip());
		tellReporters(reportId, item.studentId(), user.id(), "REPORT_CLOSED", "notification.report.closed");
		return find(user, reportId);
	}

	/**
	 * A psychology teacher or the crisis team takes the report up: the one-to-one assessment starts. The
	 * reporters learn that it has been taken up (issue 7, point 4), nothing more.
	 */
	@Transactional
	public WarningReportItem takeUp(long reportId) {
		CurrentUser user = students.requireStudentReader();
		WarningReportItem item = find(user, reportId);
		long schoolId = jdbc.sql("select school_id from warning_report where id = :id").param("id", reportId)
			.query(Long.class).single();
		if (!user.hasRoleAtSchool(schoolId, Role.PSYCH_TEACHER, Role.CRISIS_TEAM)) {
			throw ApiProblem.forbidden("warning.take-up-forbidden");
		}
		int changed = jdbc.sql("""
				update warning_report set taken_up_by = :u, taken_up_at = :at
				 where id = :id and status = 'OPEN' and taken_up_at is null""")
			.param("u", user.id()).param("at", Timestamp.from(clock.instant())).param("id", reportId).update();
		if (changed == 0) {
			throw ApiProblem.conflict(item.status().equals("OPEN") ? "warning.already-taken-up"
					: "warning.already-resolved");
		}
		audit.record("WARNING_REPORT_TAKEN_UP", "warning-report/" + reportId, item.studentId(), null);
		tellReporters(reportId, item.studentId(), user.id(), "REPORT_TAKEN_UP", "notification.report.taken-up");
		return find(user, reportId);
	}

	/** The case's assessment (or dismissal) answered these reports: their reporters hear they were closed. */
	@org.springframework.context.event.EventListener
	void reportsAnswered(ReportsAnswered answered) {
		for (long reportId : answered.reportIds()) {
			tellReporters(reportId, answered.studentId(), answered.by(), "REPORT_CLOSED", "notification.report.closed");
		}
	}

	/**
	 * Each person whose record raised or joined the report hears that it moved: when they reported, never the
	 * student, the signs or the outcome. A link only for those who may read the report (the archive level).
	 */
	private void tellReporters(long reportId, long studentId, long actor, String kind, String key) {
		record Reporter(long userId, Instant firstAt, boolean mayRead) {
		}
		List<Reporter> reporters = jdbc.sql("""
				select rs.raised_by, min(rs.raised_at),
				       exists (select 1 from student_access sa where sa.user_id = rs.raised_by
				                  and sa.student_id = :student and sa.level >= :level)
				  from warning_report_source rs where rs.report_id = :r and rs.raised_by <> :actor
				 group by rs.raised_by order by rs.raised_by""")
			.param("r", reportId).param("student", studentId).param("level", StudentScope.ARCHIVE)
			.param("actor", actor)
			.query((rs, i) -> new Reporter(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3)))
			.list();
		for (Reporter reporter : reporters) {
			notifications.notify(List.of(reporter.userId()), Notice.of(kind, key,
					reporter.mayRead() ? "/warnings/" + reportId : null, NoticeArg.time(reporter.firstAt())));
		}
	}

	/**
	 * What the queue holds, as a short fingerprint of ids, states, urgency and deadlines in the caller's scope: the
	 * open page polls it and reloads its rows (an audited read) only when it changed. Names nobody.
	 */
	@Transactional(readOnly = true)
	public String version(String status) {
		CurrentUser user = students.requireStudentReader();
		return jdbc.sql("""
				select count(*) || '-' || coalesce(md5(string_agg(w.id || w.status || w.urgency || w.due_at
				       || coalesce(w.taken_up_at::text, '') || (select count(*) from warning_report_source rs
				                                               where rs.report_id = w.id), ',' order by w.id)), '')
				  from warning_report w join student s on s.id = w.student_id
				 where""" + StudentScope.predicate("s") + " and (cast(:status as text) is null or w.status = :status)")
			.param("scopeUserId", user.id()).param("scopeLevel", StudentScope.ARCHIVE).param("status", status)
			.query(String.class).single();
	}

	/** Of these reports, those an urgent record raised or joined after {@code since}: new to a page open since then. */
	@Transactional(readOnly = true)
	public java.util.Set<Long> urgentSince(List<Long> reportIds, Instant since) {
		if (reportIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("""
				select distinct report_id from warning_report_source
				 where report_id in (:ids) and urgency = 'URGENT' and raised_at > :since""")
			.param("ids", reportIds).param("since", Timestamp.from(since))
			.query(Long.class).list());
	}

	private WarningReportItem find(CurrentUser user, long reportId) {
		List<WarningReportItem.View> views = jdbc.sql("""
				select u.display_name, v.viewed_at from warning_report_view v join app_user u on u.id = v.user_id
				 where v.report_id = :r order by v.viewed_at""")
			.param("r", reportId)
			.query((rs, i) -> new WarningReportItem.View(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		WarningReportItem item = jdbc.sql(SELECT + " where w.id = :id and " + StudentScope.predicate("s"))
			.param("id", reportId).param("scopeUserId", user.id()).param("scopeLevel", StudentScope.ARCHIVE)
			.query((rs, i) -> map(rs, views, List.of()))
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("warning.not-found"));
		List<ReportSource> sources = sources(reportId, item.studentId());
		return new WarningReportItem(item.id(), item.studentId(), item.studentName(), item.className(), item.urgency(),
				item.status(), item.dueAt(), item.overdue(), item.raisedAt(), item.raisedBy(), item.sourceKind(),
				item.signs(), item.summary(), item.resolvedAt(), item.resolvedBy(), item.resolutionReason(), views,
				item.sourceCount(), item.mergedInto(), sources, item.takenUpBy(), item.takenUpAt(), item.caseId());
	}

	/** The report's history, oldest first, each source with its record's full text from the module that owns it. */
	private List<ReportSource> sources(long reportId, long studentId) {
		record Row(String kind, Long sourceId, Urgency urgency, List<Integer> signs, String by, Instant at,
				boolean escalated, List<String> phrases) {
		}
		List<Row> rows = jdbc.sql("""
				select rs.source_kind, rs.source_id, rs.urgency, rs.signs, u.display_name, rs.raised_at, rs.escalated,
				       rs.phrases
				  from warning_report_source rs join app_user u on u.id = rs.raised_by
				 where rs.report_id = :r order by rs.raised_at, rs.id""")
			.param("r", reportId)
			.query((rs, i) -> new Row(rs.getString(1), (Long) rs.getObject(2), Urgency.valueOf(rs.getString(3)),
					ints(rs.getArray(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7),
					List.of((String[]) rs.getArray(8).getArray())))
			.list();
		Map<String, Map<Long, List<SourcePart>>> parts = new HashMap<>();
		rows.stream().filter(r -> r.sourceId() != null).collect(Collectors.groupingBy(Row::kind,
				Collectors.mapping(Row::sourceId, Collectors.toCollection(LinkedHashSet::new))))
			.forEach((kind, ids) -> texts.stream().filter(t -> t.kinds().contains(kind)).findFirst()
				.ifPresent(t -> parts.put(kind, t.parts(kind, ids))));
		return rows.stream()
			.map(r -> new ReportSource(r.kind(), r.sourceId(), r.urgency(), r.signs(), r.by(), r.at(), r.escalated(),
					link(r.kind(), r.sourceId(), studentId),
					r.sourceId() == null ? List.of()
							: parts.getOrDefault(r.kind(), Map.of()).getOrDefault(r.sourceId(), List.of()),
					r.phrases()))
			.toList();
	}

	private static String link(String kind, Long id, long studentId) {
		if (id == null) {
			return null;
		}
		return switch (kind) {
			case "OBSERVATION" -> "/observations/" + id;
			case "TALK" -> "/students/" + studentId + "/talks/" + id;
			case "HOME_VISIT" -> "/students/" + studentId + "/home-visits/" + id;
			case "CONTACT" -> "/students/" + studentId + "/contacts/" + id;
			case "SCREENING" -> "/students/" + studentId + "/screenings";
			case "CRISIS_EVENT" -> "/crisis/" + id;
			default -> null;
		};
	}

	private WarningReportItem map(ResultSet rs, List<WarningReportItem.View> views, List<ReportSource> sources)
			throws SQLException {
		Instant due = rs.getTimestamp(7).toInstant();
		String status = rs.getString(6);
		return new WarningReportItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Urgency.valueOf(rs.getString(5)), status, due, "OPEN".equals(status) && due.isBefore(clock.instant()),
				rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), ints(rs.getArray(11)),
				rs.getString(12), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14),
				rs.getString(15), views, rs.getInt(16), (Long) rs.getObject(17), sources, rs.getString(18),
				rs.getTimestamp(19) == null ? null : rs.getTimestamp(19).toInstant(), (Long) rs.getObject(20));
	}

	private static List<Integer> ints(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return new ArrayList<>(Arrays.asList((Integer[]) array.getArray()));
	}
}
