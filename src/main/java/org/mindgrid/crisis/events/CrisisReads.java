package org.mindgrid.crisis.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.crisis.events.CrisisViews.EntryView;
import org.mindgrid.crisis.events.CrisisViews.EventDetail;
import org.mindgrid.crisis.events.CrisisViews.EventSummary;
import org.mindgrid.crisis.events.CrisisViews.ReportView;
import org.mindgrid.crisis.events.CrisisViews.StepView;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of crisis events (issue 10 points 2, 3 and 6), scoped in SQL by {@link EventAccess} and audited: the
 * school's staff see their school's events as they reach them, district and city officers their area's, with the
 * student's name (DESIGN.md: the one student fact the bureau reads). The school's notes on a student not yet
 * identified and the case link stay with the school.
 */
@Service
public class CrisisReads {

	/** Filters of the list; nulls mean any. {@code state}: OPEN or CLOSED; {@code flagged}: overdue or late. */
	public record Filter(String state, Boolean flagged, int page, int size) {
	}

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String SUMMARY = """
			select e.id, e.student_id, st.name as student_name,
			       g.name || '（' || replace(c.name, '班', '') || '）班' as class_name, e.school_id,
			       sc.name as school_name, e.kind, e.occurred_at, e.raised_at, e.report_due_at, e.report_submitted_at,
			       e.closed_at,
			       (select count(distinct x.step) from crisis_entry x where x.event_id = e.id and x.step is not null
			           and x.action <> 'VOID' and not exists (select 1 from crisis_entry v where v.voids = x.id)) as done_steps
			  from crisis_event e
			  join school sc on sc.id = e.school_id
			  left join student st on st.id = e.student_id
			  left join school_class c on c.id = e.class_id
			  left join grade g on g.id = c.grade_id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentUsers users;

	private final EventAccess access;

	private final AuditLog audit;

	private final JsonMapper json;

	CrisisReads(JdbcClient jdbc, Clock clock, CurrentUsers users, EventAccess access, AuditLog audit,
			JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.users = users;
		this.access = access;
		this.audit = audit;
		this.json = json;
	}

	/** {@code GET /api/v1/crisis-events}: open events first, newest first. */
	@Transactional
	public Page<EventSummary> list(Filter f) {
		CurrentUser user = requireReader();
		Instant now = clock.instant();
		String where = " where" + EventAccess.predicate("e") + """
				   and (cast(:state as text) is null or (e.closed_at is null) = (cast(:state as text) = 'OPEN'))
				   and (cast(:flagged as boolean) is null
				        or (coalesce(e.report_submitted_at, cast(:now as timestamptz)) > e.report_due_at) = :flagged)""";
		Map<String, Object> params = new HashMap<>();
		params.put("crisisUser", user.id());
		params.put("state", f.state());
		params.put("flagged", f.flagged());
		params.put("now", Timestamp.from(now));
		long total = jdbc.sql("select count(*) from crisis_event e" + where).params(params).query(Long.class).single();
		List<EventSummary> items = jdbc.sql(SUMMARY + where
				+ " order by e.closed_at is null desc, e.raised_at desc, e.id desc limit :size offset :offset")
			.params(params)
			.param("size", f.size())
			.param("offset", (long) f.page() * f.size())
			.query((rs, i) -> summary(rs, now))
			.list();
		if (!items.isEmpty()) {
			audit.record("CRISIS_EVENTS_LISTED", "crisis-events", null,
					"events " + items.stream().map(EventSummary::id).toList());
		}
		return new Page<>(items, total, f.page(), f.size());
	}

	/** {@code GET /api/v1/crisis-events/{id}}: the event, its five steps, entries and reports; audited. */
	@Transactional
	public EventDetail get(long eventId) {
		EventAccess.Access a = access.require(eventId);
		EventDetail d = detail(a);
		audit.record("CRISIS_EVENT_READ", "crisis-event/" + eventId, d.studentId(), a.reach().name());
		return d;
	}

	/** The detail for a reach already checked; not audited (callers are). */
	EventDetail detail(EventAccess.Access a) {
		Instant now = clock.instant();
		long eventId = a.event().id();
		boolean school = a.reach() == Reach.TEAM || a.reach() == Reach.HEAD_TEACHER;
		record Head(EventSummary s, String studentNo, Long classId, String hint, String place, String summary,
				String raisedBy, String closedBy, Long caseId, Instant submittedAt, int version) {
		}
		Head h = jdbc.sql(SUMMARY.replace(" from crisis_event e", """
				, st.student_no, e.class_id, e.student_hint, e.place, e.summary, ru.display_name as raised_by_name,
				  cu.display_name as closed_by_name, e.case_id, e.version
				  from crisis_event e join app_user ru on ru.id = e.raised_by left join app_user cu on cu.id = e.closed_by
				""") + " where e.id = :id")
			.param("id", eventId)
			.query((rs, i) -> new Head(summary(rs, now), rs.getString("student_no"), (Long) rs.getObject("class_id"),
					rs.getString("student_hint"), rs.getString("place"), rs.getString("summary"),
					rs.getString("raised_by_name"), rs.getString("closed_by_name"), (Long) rs.getObject("case_id"),
					instant(rs.getTimestamp("report_submitted_at")), rs.getInt("version")))
			.single();
		List<EntryView> entries = entries(eventId);
		List<StepView> steps = steps(entries);
		List<ReportView> reports = reports(eventId);
		EventSummary s = h.s();
		boolean closed = s.closed();
		List<String> allowed = new ArrayList<>();
		if (!closed) {
			boolean anyOpen = steps.stream().anyMatch(x -> "OPEN".equals(x.state()));
			for (CrisisAction action : CrisisAction.values()) {
				if (!action.allowedFor(a.reach())) {
					continue;
				}
				boolean now2 = switch (action) {
					case CALL_DOCTOR, SEND_TO_HOSPITAL, INFORM_POLICE, NOTIFY_PARENTS, REPORT_UPWARD -> steps.stream()
						.anyMatch(x -> x.step().equals(action.code()) && "OPEN".equals(x.state()));
					case NOT_APPLICABLE -> anyOpen;
					case IDENTIFY_STUDENT -> s.studentId() == null;
					case VOID -> entries.stream().anyMatch(CrisisReads::voidable);
					case CLOSE -> h.submittedAt() != null && !anyOpen;
					default -> true;
				};
				if (now2) {
					allowed.add(action.code());
				}
			}
		}
		return new EventDetail(s.id(), a.reach().name(), s.schoolId(), s.schoolName(), s.studentId(), s.studentName(),
				a.reach() == Reach.CITY ? null : h.studentNo(), h.classId(), s.className(), school ? h.hint() : null,
				s.kind(), s.occurredAt(), h.place(), h.summary(), h.raisedBy(), s.raisedAt(), s.reportDueAt(),
				h.submittedAt(), s.reportStatus(), s.lateMinutes(), school ? h.caseId() : null,
				closed ? a.event().closedAt() : null, h.closedBy(), steps, entries, reports, allowed,
				!closed && a.reach() == Reach.TEAM, a.reach() == Reach.DISTRICT, h.version());
	}

	/** A member of the school's staff, for the follow-up's assignee. */
	public record StaffOption(long id, String name) {
	}

	/** The staff of the event's school, for a reader who may assign follow-ups (the team, the head teacher). */
	public List<StaffOption> assignees(Reach reach, long schoolId) {
		if (!CrisisAction.FOLLOW_UP.allowedFor(reach)) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct u.id, u.display_name from post p join app_user u on u.id = p.user_id and u.enabled
				 where p.school_id = :s and p.role in ('SCHOOL_LEADER', 'PSYCH_TEACHER', 'CRISIS_TEAM', 'HEAD_TEACHER',
				                                         'MENTOR', 'SUBJECT_TEACHER')
				 order by u.display_name, u.id""")
			.param("s", schoolId)
			.query((rs, i) -> new StaffOption(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** The event an entry belongs to, for the follow-up duty's link; empty when there is no such entry. */
	public java.util.Optional<Long> eventOfEntry(long entryId) {
		return jdbc.sql("select event_id from crisis_entry where id = :id").param("id", entryId).query(Long.class)
			.optional();
	}

	/** An entry that may still be voided: not a void, not voided, not the close. */
	static boolean voidable(EntryView e) {
		return e.voids() == null && e.voidedBy() == null && !"void".equals(e.action()) && !"close".equals(e.action());
	}

	private List<EntryView> entries(long eventId) {
		return jdbc.sql("""
				select x.id, x.action, x.step, x.done_at, x.details::text, u.display_name, x.recorded_at, x.voids,
				       v.id as voided_by, au.display_name as assignee
				  from crisis_entry x join app_user u on u.id = x.by_user
				  -- an entry is voided at most once (a voided entry cannot be voided again)
				  left join crisis_entry v on v.voids = x.id
				  left join app_user au on au.id = case when x.details->>'assigneeUserId' ~ '^[0-9]{1,18}$'
				                                        then cast(x.details->>'assigneeUserId' as bigint) end
				 where x.event_id = :e order by x.done_at, x.id""")
			.param("e", eventId)
			.query((rs, i) -> {
				Map<String, Object> details = new java.util.LinkedHashMap<>(json.readValue(rs.getString(5), MAP));
				if (rs.getString("assignee") != null) {
					details.put("assigneeName", rs.getString("assignee"));
				}
				return new EntryView(rs.getLong(1), CrisisAction.valueOf(rs.getString(2)).code(),
						rs.getString(3) == null ? null : FirstStep.valueOf(rs.getString(3)).code(),
						rs.getTimestamp(4).toInstant(), details, rs.getString(6), rs.getTimestamp(7).toInstant(),
						(Long) rs.getObject(8), (Long) rs.getObject(9));
			})
			.list();
	}

	/** The five in the seed's order: the standing entry of each, or OPEN. */
	private static List<StepView> steps(List<EntryView> entries) {
		List<StepView> steps = new ArrayList<>();
		for (FirstStep step : FirstStep.values()) {
			EntryView done = entries.stream()
				.filter(e -> step.code().equals(e.step()) && e.voidedBy() == null && !"void".equals(e.action()))
				.findFirst().orElse(null);
			if (done == null) {
				steps.add(new StepView(step.code(), "OPEN", null, null, null, null));
			}
			else {
				boolean na = "not-applicable".equals(done.action());
				Object note = done.details().get(na ? "reason" : "note");
				steps.add(new StepView(step.code(), na ? "NOT_APPLICABLE" : "DONE", done.doneAt(), done.by(),
						note == null ? null : note.toString(), done.id()));
			}
		}
		return steps;
	}

	private List<ReportView> reports(long eventId) {
		return jdbc.sql("""
				select r.id, r.kind, r.content::text, su.display_name, r.submitted_at, au.display_name, r.acknowledged_at
				  from crisis_report r join app_user su on su.id = r.submitted_by
				  left join app_user au on au.id = r.acknowledged_by
				 where r.event_id = :e order by r.submitted_at, r.id""")
			.param("e", eventId)
			.query((rs, i) -> new ReportView(rs.getLong(1), rs.getString(2), json.readValue(rs.getString(3), MAP),
					rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), instant(rs.getTimestamp(7))))
			.list();
	}

	private static EventSummary summary(ResultSet rs, Instant now) throws SQLException {
		Instant due = rs.getTimestamp("report_due_at").toInstant();
		ReportStatus status = ReportStatus.of(due, instant(rs.getTimestamp("report_submitted_at")), now);
		return new EventSummary(rs.getLong("id"), (Long) rs.getObject("student_id"), rs.getString("student_name"),
				rs.getString("class_name"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("kind"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("raised_at").toInstant(), due,
				status.status(), status.lateMinutes(), FirstStep.values().length - rs.getInt("done_steps"),
				rs.getTimestamp("closed_at") != null);
	}

	private CurrentUser requireReader() {
		CurrentUser user = users.current();
		// the school's staff and the bureau's officers; not students, not the system's administrators
		if (!user.isSchoolStaff() && !user.hasAnyRole(Role.DISTRICT_OFFICER, Role.CITY_OFFICER)) {
			throw ApiProblem.forbidden(user.staffOnlyRefusal());
		}
		return user;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
