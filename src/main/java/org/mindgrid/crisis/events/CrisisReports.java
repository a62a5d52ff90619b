package org.mindgrid.crisis.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The report to the district bureau (issue 10 point 3): the first one is the 1-hour report; later ones are
 * follow-ups (续报) appended to it. The district's officers are told at once and acknowledge each.
 */
@Service
public class CrisisReports {

	/** What a submission answers. */
	public record Submitted(long id, String kind, Instant submittedAt, ReportStatus reportStatus) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EventAccess access;

	private final CrisisEvents events;

	private final CrisisPeople people;

	private final Notifications notifications;

	private final AuditLog audit;

	private final JsonMapper json;

	CrisisReports(JdbcClient jdbc, Clock clock, EventAccess access, CrisisEvents events, CrisisPeople people,
			Notifications notifications, AuditLog audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.access = access;
		this.events = events;
		this.people = people;
		this.notifications = notifications;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * {@code POST /api/v1/crisis-events/{id}/report}: the school team submits the 1-hour report, or a follow-up once
	 * it is in. The report carries the first-time actions as they stand, with their times.
	 */
	@Transactional
	public Submitted submit(long eventId, Map<String, Object> body) {
		EventAccess.Access a = access.require(eventId);
		if (a.reach() != Reach.TEAM) {
			throw ApiProblem.forbidden(a.reach().bureau() ? "crisis.bureau-reads" : "crisis.report-forbidden");
		}
		jdbc.sql("select id from crisis_event where id = :id for update").param("id", eventId).query(Long.class).single();
		EventRef e = access.ref(eventId);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		boolean first = e.reportSubmittedAt() == null;
		CrisisInput in = new CrisisInput(body, clock.getZone());
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("whatHappened", in.text("whatHappened", 4000, first));
		if (first) {
			content.put("occurredAt", in.time("occurredAt", now, now.minus(CrisisInput.PAST), e.occurredAt()).toString());
			String place = in.text("place", 200, false);
			if (place == null) {
				place = jdbc.sql("select place from crisis_event where id = :id").param("id", eventId)
					.query(String.class).optional().orElse(null);
			}
			if (place == null) {
				throw CrisisInput.problem("crisis.field.required", "place");
			}
			content.put("place", place);
		}
		content.put("currentState", in.text("currentState", 2000, true));
		content.put("contactPerson", in.text("contactPerson", 50, first));
		String phone = in.text("contactPhone", 30, first);
		if (phone != null && !phone.matches("[0-9+()\\- ]{3,30}")) {
			throw CrisisInput.problem("crisis.field.phone", "contactPhone");
		}
		content.put("contactPhone", phone);
		content.values().removeIf(java.util.Objects::isNull);
		if (first) {
			events.reportedUpward(eventId, a.user().id(), now);
		}
		content.put("steps", jdbc.sql("""
				select x.step, x.action, x.done_at from crisis_entry x
				 where x.event_id = :e and x.step is not null and x.action <> 'VOID'
				   and not exists (select 1 from crisis_entry v where v.voids = x.id) order by x.done_at, x.id""")
			.param("e", eventId)
			.query((rs, i) -> Map.of("step", FirstStep.valueOf(rs.getString(1)).code(), "state",
					"NOT_APPLICABLE".equals(rs.getString(2)) ? "NOT_APPLICABLE" : "DONE", "at",
					rs.getTimestamp(3).toInstant().toString()))
			.list());
		long id = jdbc.sql("""
				insert into crisis_report (event_id, kind, content, submitted_by, submitted_at)
				values (:e, :kind, cast(:content as jsonb), :by, :now) returning id""")
			.param("e", eventId)
			.param("kind", first ? "INITIAL" : "FOLLOW_UP")
			.param("content", json.writeValueAsString(content))
			.param("by", a.user().id())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		if (first) {
			jdbc.sql("update crisis_event set report_submitted_at = :now, version = version + 1 where id = :id")
				.param("now", Timestamp.from(now)).param("id", eventId).update();
		}
		ReportStatus status = ReportStatus.of(e.reportDueAt(), first ? now : e.reportSubmittedAt(), now);
		notifications.notify(people.districtOfficers(e), Notice.of("CRISIS_REPORT",
				first ? "notification.crisis.report" : "notification.crisis.follow-up", "/crisis/" + eventId,
				NoticeArg.code("crisis.kind." + e.kind()), NoticeArg.time(now)));
		audit.record(first ? "CRISIS_REPORT_SUBMITTED" : "CRISIS_FOLLOW_UP_SUBMITTED", "crisis-event/" + eventId,
				e.studentId(), status.status());
		return new Submitted(id, first ? "INITIAL" : "FOLLOW_UP", now, status);
	}

	/** The district's officer acknowledges receipt of one report. */
	@Transactional
	public Instant acknowledge(long eventId, long reportId) {
		EventAccess.Access a = access.require(eventId);
		if (a.reach() != Reach.DISTRICT) {
			throw ApiProblem.forbidden("crisis.acknowledge-forbidden");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		int n = jdbc.sql("""
				update crisis_report set acknowledged_by = :by, acknowledged_at = :now
				 where id = :r and event_id = :e and acknowledged_at is null""")
			.param("by", a.user().id()).param("now", Timestamp.from(now)).param("r", reportId).param("e", eventId)
			.update();
		if (n == 0) {
			var at = jdbc.sql("select acknowledged_at from crisis_report where id = :r and event_id = :e")
				.param("r", reportId).param("e", eventId).query(Timestamp.class).optional();
			if (at.isEmpty()) {
				throw ApiProblem.notFound("crisis.report-not-found");
			}
			return at.get().toInstant();
		}
		jdbc.sql("select submitted_by from crisis_report where id = :r").param("r", reportId).query(Long.class)
			.optional().ifPresent(by -> notifications.notify(java.util.List.of(by), Notice.of("CRISIS_REPORT",
					"notification.crisis.acknowledged", "/crisis/" + eventId, NoticeArg.time(now))));
		audit.record("CRISIS_REPORT_ACKNOWLEDGED", "crisis-event/" + eventId, a.event().studentId(),
				"report " + reportId);
		return now;
	}
}
