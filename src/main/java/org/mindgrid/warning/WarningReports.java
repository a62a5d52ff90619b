package org.mindgrid.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.duty.DutyRequest;
import org.mindgrid.duty.SchoolCalendar;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.warning.cases.CaseWork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises warning reports. In one transaction with the record that caused it: the report lands in the
 * psychology teachers' queue, each of them gets an assessment duty, and they, the school leaders and the head
 * teacher are notified (without the student's name). Nothing waits for a job.
 */
@Service
public class WarningReports {

	static final Duration URGENT_ASSESSMENT = Duration.ofHours(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SchoolCalendar calendar;

	private final Duties duties;

	private final Notifications notifications;

	private final AuditLog audit;

	private final CurrentUsers users;

	private final CaseWork cases;

	WarningReports(JdbcClient jdbc, Clock clock, SchoolCalendar calendar, Duties duties, Notifications notifications,
			AuditLog audit, CurrentUsers users, CaseWork cases) {
		this.cases = cases;
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
		this.duties = duties;
		this.notifications = notifications;
		this.audit = audit;
		this.users = users;
	}

	/**
	 * Raises a report, or joins the student's open one (ADR 0018): one open report per student, enforced by a
	 * partial unique index, so parallel signs of one student end in one report with one source each. A joining
	 * source never moves the deadline later; an urgent one makes the report urgent and tells the psychology
	 * teachers again.
	 * @param sourceKind what raised it: {@code OBSERVATION}, {@code CONCERN_REPORT}, {@code TALK}, {@code HOME_VISIT},
	 * {@code CONTACT}
	 * @param signs warning-sign numbers 1–15 of the daily observation form (may be empty for an escalation)
	 * @param summary the reporter's own words (shown only inside MindGrid, never in notifications)
	 */
	@Transactional
	public WarningRaised raise(long studentId, String sourceKind, Long sourceId, Collection<Integer> signs,
			Urgency urgency, String summary) {
		return raiseOrJoin(studentId, sourceKind, sourceId, signs, urgency, summary, List.of());
	}

	/**
	 * 请复核 (issue 7, point 14): a record saved without escalation holds risk phrases. It lands in the psychology
	 * teachers' queue as REVIEW, with the phrases kept for highlighting, or joins the student's open report as a
	 * source without changing its urgency. Only the psychology teachers are told; no assessment duty is opened
	 * until a sign makes the report HIGH or URGENT.
	 */
	@Transactional
	public WarningRaised review(long studentId, String sourceKind, long sourceId, Collection<Integer> signs,
			List<String> phrases) {
		return raiseOrJoin(studentId, sourceKind, sourceId, signs, Urgency.REVIEW, null, List.copyOf(phrases));
	}

	private WarningRaised raiseOrJoin(long studentId, String sourceKind, Long sourceId, Collection<Integer> signs,
			Urgency urgency, String summary, List<String> phrases) {
		var user = users.current();
		// Microseconds, as the database keeps them: a joined report answers with the same instant as a new one.
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		Instant due = urgency == Urgency.URGENT ? now.plus(URGENT_ASSESSMENT) : calendar.oneSchoolDayAfter(now);
		var student = jdbc.sql("select school_id, class_id from student where id = :id")
			.param("id", studentId)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		int[] sortedSigns = signs.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
		// Insert or join: a concurrent insert makes ours wait and then do nothing, and the open report it made is
		// then locked and joined. A report resolved in between leaves nothing to join, so try again.
		for (int attempt = 0; attempt < 5; attempt++) {
			var created = jdbc.sql("""
					insert into warning_report (student_id, school_id, source_kind, source_id, signs, urgency, summary,
					                            due_at, raised_by, raised_at)
					values (:student, :school, :sourceKind, :sourceId, :signs, :urgency, :summary, :due, :by, :at)
					on conflict (student_id) where status = 'OPEN' do nothing
					returning id""")
				.param("student", studentId)
				.param("school", student[0])
				.param("sourceKind", sourceKind)
				.param("sourceId", sourceId)
				.param("signs", sortedSigns)
				.param("urgency", urgency.name())
				.param("summary", summary)
				.param("due", Timestamp.from(due))
				.param("by", user.id())
				.param("at", Timestamp.from(now))
				.query(Long.class)
				.optional();
			if (created.isPresent()) {
				long id = created.get();
				addSource(id, sourceKind, sourceId, sortedSigns, urgency, user.id(), now, false, phrases);
				if (urgency == Urgency.REVIEW) {
					notifyReview(id, student, user.id(), due);
				}
				else {
					openAssessments(id, studentId, student, due);
					notifyTeam(id, student, user.id(), urgency, "WARNING_REPORT", due);
				}
				audit.record("WARNING_REPORT_RAISED", "warning-report/" + id, studentId,
						urgency.name() + " from " + sourceKind);
				// a review item (请复核) is not a warning yet: it opens a case only once a sign raises it
				if (urgency != Urgency.REVIEW) {
					cases.reportRaised(id, studentId, sourceKind, urgency.name(), user.id());
				}
				return new WarningRaised(id, studentId, urgency, due);
			}
			var joined = join(studentId, student, sourceKind, sourceId, sortedSigns, urgency, due, user.id(), now,
					phrases);
			if (joined != null) {
				if (joined.urgency() != Urgency.REVIEW) {
					cases.reportRaised(joined.id(), studentId, sourceKind, urgency.name(), user.id());
				}
				return joined;
			}
		}
		throw new IllegalStateException("warning report of student " + studentId + " kept changing");
	}

	private WarningRaised join(long studentId, long[] student, String sourceKind, Long sourceId, int[] signs,
			Urgency urgency, Instant due, long by, Instant now, List<String> phrases) {
		record Open(long id, Urgency urgency, Instant dueAt) {
		}
		var open = jdbc.sql("""
				select id, urgency, due_at from warning_report where student_id = :student and status = 'OPEN'
				   for update""")
			.param("student", studentId)
			.query((rs, i) -> new Open(rs.getLong(1), Urgency.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()))
			.optional();
		if (open.isEmpty()) {
			return null;
		}
		Open report = open.get();
		// URGENT over HIGH over REVIEW: a join never lowers.
		boolean raisesUrgency = urgency.above(report.urgency());
		Urgency newUrgency = raisesUrgency ? urgency : report.urgency();
		Instant newDue = due.isBefore(report.dueAt()) ? due : report.dueAt();
		jdbc.sql("""
				update warning_report set urgency = :urgency, due_at = :due,
				       signs = array(select distinct x from unnest(signs || cast(:signs as int[])) x order by x)
				 where id = :id""")
			.param("urgency", newUrgency.name())
			.param("due", Timestamp.from(newDue))
			.param("signs", signs)
			.param("id", report.id())
			.update();
		addSource(report.id(), sourceKind, sourceId, signs, urgency, by, now,
				newDue.isBefore(report.dueAt()) || raisesUrgency, phrases);
		// The psychology teachers' assessment duties follow the earlier deadline (Duties.open keeps the least); a
		// report still only to review has none.
		if (newUrgency != Urgency.REVIEW) {
			openAssessments(report.id(), studentId, student, newDue);
		}
		if (raisesUrgency && newUrgency == Urgency.URGENT) {
			notifyTeam(report.id(), student, by, Urgency.URGENT, "WARNING_REPORT_ESCALATED", newDue);
		}
		else if (raisesUrgency) {
			// A report to review became a red one: tell the team as a new report would.
			notifyTeam(report.id(), student, by, newUrgency, "WARNING_REPORT", newDue);
		}
		audit.record("WARNING_REPORT_JOINED", "warning-report/" + report.id(), studentId,
				urgency.name() + " from " + sourceKind + (raisesUrgency ? "; now URGENT" : ""));
		return new WarningRaised(report.id(), studentId, newUrgency, newDue);
	}

	private void addSource(long reportId, String sourceKind, Long sourceId, int[] signs, Urgency urgency, long by,
			Instant at, boolean escalated, List<String> phrases) {
		jdbc.sql("""
				insert into warning_report_source (report_id, source_kind, source_id, signs, urgency, raised_by,
				                                   raised_at, escalated, phrases)
				values (:report, :kind, :sourceId, :signs, :urgency, :by, :at, :escalated, :phrases)""")
			.param("phrases", phrases.toArray(String[]::new))
			.param("report", reportId)
			.param("kind", sourceKind)
			.param("sourceId", sourceId)
			.param("signs", signs)
			.param("urgency", urgency.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("escalated", escalated)
			.update();
	}

	private void openAssessments(long reportId, long studentId, long[] student, Instant due) {
		for (long teacher : usersWithRole(student[0], null, "PSYCH_TEACHER")) {
			duties.open(new DutyRequest(DutyKind.ASSESSMENT, student[0], studentId, student[1], teacher, due,
					"WARNING_REPORT", reportId, null));
		}
	}

	/** The class and the deadline, never the student: the inbox shows where and by when (issue 7, point 4). */
	private void notifyTeam(long reportId, long[] student, long by, Urgency urgency, String kind, Instant due) {
		List<Long> recipients = new ArrayList<>(usersWithRole(student[0], null, "PSYCH_TEACHER"));
		recipients.addAll(usersWithRole(student[0], null, "SCHOOL_LEADER"));
		recipients.addAll(usersWithRole(student[0], student[1], "HEAD_TEACHER"));
		recipients.remove(by);
		String key = "WARNING_REPORT_ESCALATED".equals(kind) ? "notification.warning.escalated"
				: urgency == Urgency.URGENT ? "notification.warning.new.urgent" : "notification.warning.new";
		notifications.notify(recipients.stream().distinct().toList(), Notice.of("WARNING_REPORT", key,
				"/warnings/" + reportId, NoticeArg.schoolClass(student[1]), NoticeArg.time(due)));
	}

	private void notifyReview(long reportId, long[] student, long by, Instant due) {
		List<Long> recipients = new ArrayList<>(usersWithRole(student[0], null, "PSYCH_TEACHER"));
		recipients.remove(by);
		notifications.notify(recipients, Notice.of("WARNING_REVIEW", "notification.warning.review",
				"/warnings/" + reportId, NoticeArg.schoolClass(student[1]), NoticeArg.time(due)));
	}

	private List<Long> usersWithRole(long schoolId, Long classId, String role) {
		return jdbc.sql("""
				select distinct p.user_id from post p join app_user u on u.id = p.user_id
				 where p.role = :role and p.school_id = :school and u.enabled
				   and (cast(:class as bigint) is null or p.class_id = :class)""")
			.param("role", role)
			.param("school", schoolId)
			.param("class", classId)
			.query(Long.class)
			.list();
	}
}
