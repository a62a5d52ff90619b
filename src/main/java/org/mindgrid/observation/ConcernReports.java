package org.mindgrid.observation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.warning.RiskPhrases;
import org.mindgrid.warning.WarningRaised;
import org.mindgrid.warning.WarningReports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concern reports by psych committee members (心理委员) about a classmate. They go to the head teacher and the
 * psychology teachers; red signs raise a warning report exactly as an observation does. The reporter reads
 * nothing back but their own confirmation.
 */
@Service
public class ConcernReports {

	/** What the reporting student gets back: a receipt, nothing of what the school does with it. */
	public record Reported(long id, long studentId, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentUsers users;

	private final StudentLookup lookup;

	private final WarningReports warnings;

	private final Notifications notifications;

	private final AuditLog audit;

	private final RiskPhrases phrases;

	ConcernReports(JdbcClient jdbc, Clock clock, CurrentUsers users, StudentLookup lookup, WarningReports warnings,
			Notifications notifications, AuditLog audit, RiskPhrases phrases) {
		this.phrases = phrases;
		this.jdbc = jdbc;
		this.clock = clock;
		this.users = users;
		this.lookup = lookup;
		this.warnings = warnings;
		this.notifications = notifications;
		this.audit = audit;
	}

	public record Classmate(long id, String name) {
	}

	/** The committee member's classmates, names only (they never see records), sorted by pinyin. */
	@Transactional(readOnly = true)
	public List<Classmate> classmates() {
		CurrentUser user = users.current();
		if (!user.hasRole(Role.PSYCH_COMMITTEE)) {
			throw ApiProblem.forbidden("concern.forbidden");
		}
		return jdbc.sql("""
				select s.id, s.name from student s
				 where s.status = 'ENROLLED' and s.class_id in
				       (select p.class_id from post p where p.user_id = :user and p.role = 'PSYCH_COMMITTEE')
				   and s.id is distinct from (select student_id from app_user where id = :user)
				 order by s.name collate "zh-x-icu"
				""")
			.param("user", user.id())
			.query((rs, i) -> new Classmate(rs.getLong(1), rs.getString(2)))
			.list();
	}

	@Transactional
	public Reported report(long studentId, List<Integer> signs, String description) {
		CurrentUser user = users.current();
		if (!user.hasRole(Role.PSYCH_COMMITTEE)) {
			throw ApiProblem.forbidden("concern.forbidden");
		}
		ObservedStudent student = lookup.classmate(user, studentId)
			.orElseThrow(() -> ApiProblem.notFound("student.not-found"));
		if (signs != null && signs.contains(null)) {
			throw ApiProblem.badRequest("observation.bad-sign", "null");
		}
		List<Integer> cleanSigns = signs == null ? List.of() : signs.stream().distinct().sorted().toList();
		if (cleanSigns.stream().anyMatch(s -> s < 1 || s > SignRouting.SIGN_COUNT)) {
			throw ApiProblem.badRequest("observation.bad-sign", cleanSigns.toString());
		}
		if (description == null || description.isBlank()) {
			throw ApiProblem.badRequest("concern.description-required");
		}
		if (description.length() > 2000) {
			throw ApiProblem.badRequest("observation.too-long", 2000);
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into concern_report (student_id, school_id, class_id, reporter_user_id, signs, description, created_at)
				values (:student, :school, :class, :reporter, :signs, :description, :at) returning id""")
			.param("student", student.id())
			.param("school", student.schoolId())
			.param("class", student.classId())
			.param("reporter", user.id())
			.param("signs", cleanSigns.stream().mapToInt(Integer::intValue).toArray())
			.param("description", description.strip())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		audit.record("CONCERN_REPORTED", "concern-report/" + id, student.id(), "signs " + cleanSigns);
		WarningRaised report = SignRouting.urgencyOf(cleanSigns, "NONE")
			.map(urgency -> warnings.raise(student.id(), "CONCERN_REPORT", id, cleanSigns, urgency,
					description.strip()))
			.orElse(null);
		if (report != null) {
			jdbc.sql("update concern_report set warning_report_id = :r where id = :id").param("r", report.id())
				.param("id", id).update();
		}
		else {
			phrases.reviewIfFound(student.id(), "CONCERN_REPORT", id, List.of(description));
			List<Long> recipients = new ArrayList<>(jdbc.sql("""
					select distinct user_id from post
					 where (role = 'HEAD_TEACHER' and class_id = :class) or (role = 'PSYCH_TEACHER' and school_id = :school)""")
				.param("class", student.classId())
				.param("school", student.schoolId())
				.query(Long.class)
				.list());
			notifications.notify(recipients, Notice.of("CONCERN_REPORT", "notification.concern",
					"/students/" + student.id(), NoticeArg.schoolClass(student.classId())));
		}
		return new Reported(id, student.id(), now);
	}
}
