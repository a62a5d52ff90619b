package org.mindgrid.crisis.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.crisis.CrisisReported;
import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.duty.DutyRequest;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.student.Students;
import org.mindgrid.warning.Cases;
import org.mindgrid.warning.Urgency;
import org.mindgrid.warning.WarningReports;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Raises crisis events and records what is done about them (issue 10 points 1, 2 and 4). Raising is one
 * transaction: the event, the student's urgent warning report (which opens or joins their case, category 3 pending
 * review when new), and the notices to the team through every channel.
 */
@Service
public class CrisisEvents {

	/** 1 小时内向上级教育主管部门报告 (measure 14). */
	public static final Duration REPORT_WITHIN = Duration.ofHours(1);

	/** The source kind of the warning report an event raises, and of its follow-up duties' entries. */
	public static final String SOURCE_KIND = "CRISIS_EVENT";

	static final String ENTRY_SOURCE = "CRISIS_ENTRY";

	/** What a raise answers ({@code POST /api/v1/crisis-events} → 201). */
	public record Raised(long id, Instant reportDueAt, Long caseId) {
	}

	/** The fields of a raise, as typed; {@code studentId} null when the student is not known yet. */
	public record RaiseInput(Long studentId, String studentHint, String kind, String occurredAt, String place,
			String summary) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentUsers users;

	private final Students students;

	private final EventAccess access;

	private final WarningReports warnings;

	private final Cases cases;

	private final Notifications notifications;

	private final Duties duties;

	private final CrisisPeople people;

	private final AuditLog audit;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	CrisisEvents(JdbcClient jdbc, Clock clock, CurrentUsers users, Students students, EventAccess access,
			WarningReports warnings, Cases cases, Notifications notifications, Duties duties, CrisisPeople people,
			AuditLog audit, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.users = users;
		this.students = students;
		this.access = access;
		this.warnings = warnings;
		this.cases = cases;
		this.notifications = notifications;
		this.duties = duties;
		this.people = people;
		this.audit = audit;
		this.json = json;
		this.events = events;
	}

	/** {@code POST /api/v1/crisis-events} as sent: the student's id checked as a field, the rest as typed. */
	@Transactional
	public Raised raise(Map<String, Object> body) {
		CrisisInput in = new CrisisInput(body, clock.getZone());
		return raise(new RaiseInput(in.id("studentId", false), in.text("studentHint", 200, false),
				in.text("kind", 40, false), in.text("occurredAt", 40, false), in.text("place", 200, false),
				in.text("summary", 4000, false)));
	}

	/** Any staff member of the school raises an event, for a student they may list or for one not known yet. */
	@Transactional
	public Raised raise(RaiseInput in) {
		CurrentUser user = users.current();
		if (!user.isSchoolStaff()) {
			throw ApiProblem.forbidden(user.staffOnlyRefusal());
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", in.kind());
		body.put("occurredAt", in.occurredAt());
		body.put("place", in.place());
		body.put("summary", in.summary());
		body.put("studentHint", in.studentHint());
		CrisisInput input = new CrisisInput(body, clock.getZone());
		CrisisKind kind = input.choice("kind", CrisisKind.class, true);
		Instant occurredAt = input.time("occurredAt", now, now.minus(CrisisInput.PAST), now);
		if (occurredAt.isAfter(now)) {
			occurredAt = now;
		}
		String place = input.text("place", 200, false);
		String summary = input.text("summary", 4000, false);
		String hint = in.studentId() == null ? input.text("studentHint", 200, false) : null;
		long schoolId;
		Long classId = null;
		if (in.studentId() != null) {
			if (students.accessLevel(user, in.studentId()).isEmpty()) {
				throw ApiProblem.notFound("student.not-found").with("field", "studentId");
			}
			long[] sc = jdbc.sql("select school_id, class_id from student where id = :id").param("id", in.studentId())
				.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
			schoolId = sc[0];
			classId = sc[1];
		}
		else {
			Long own = user.schoolId();
			if (own == null) {
				throw ApiProblem.forbidden(user.staffOnlyRefusal());
			}
			schoolId = own;
		}
		Instant due = now.plus(REPORT_WITHIN);
		long id = jdbc.sql("""
				insert into crisis_event (school_id, district_id, city_id, student_id, class_id, student_hint, kind,
				                          occurred_at, place, summary, raised_by, raised_at, report_due_at)
				select s.id, s.district_id, d.city_id, :student, :class, :hint, :kind, :occurred, :place, :summary, :by,
				       :now, :due
				  from school s join district d on d.id = s.district_id where s.id = :school
				returning id""")
			.param("school", schoolId)
			.param("student", in.studentId())
			.param("class", classId)
			.param("hint", hint)
			.param("kind", kind.name())
			.param("occurred", Timestamp.from(occurredAt))
			.param("place", place)
			.param("summary", summary)
			.param("by", user.id())
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(due))
			.query(Long.class)
			.single();
		audit.record("CRISIS_EVENT_RAISED", "crisis-event/" + id, in.studentId(), kind.name());
		Long caseId = in.studentId() == null ? null : linkCase(id, in.studentId(), kind, user.id());
		EventRef ref = access.ref(id);
		List<Long> team = new java.util.ArrayList<>(people.team(ref));
		team.remove(user.id());
		notifications.notify(team, Notice.of("CRISIS_EVENT", "notification.crisis.raised", "/crisis/" + id,
				NoticeArg.code("crisis.kind." + kind.name()),
				classId == null ? NoticeArg.code("crisis.student.unknown") : NoticeArg.schoolClass(classId),
				NoticeArg.time(due)));
		events.publishEvent(new CrisisReported(id, schoolId, in.studentId(), kind.name(), due));
		return new Raised(id, due, caseId);
	}

	/** The student's urgent warning report (their case opens or joins it), and the case records the event. */
	private long linkCase(long eventId, long studentId, CrisisKind kind, long by) {
		warnings.raise(studentId, SOURCE_KIND, eventId, List.of(), Urgency.URGENT, null);
		long caseId = cases.crisisRaised(studentId, eventId, kind.name(), by);
		jdbc.sql("update crisis_event set case_id = :c where id = :id").param("c", caseId).param("id", eventId).update();
		return caseId;
	}

	/** {@code POST /api/v1/crisis-events/{id}/actions}: one entry; answers its id. */
	@Transactional
	public long act(long eventId, Map<String, Object> body) {
		EventAccess.Access a = access.require(eventId);
		Object code = body == null ? null : body.get("action");
		CrisisAction action = code instanceof String s ? CrisisAction.ofCode(s.strip()).orElse(null) : null;
		if (action == null) {
			throw CrisisInput.problem("crisis.field.choice", "action", String.join(", ",
					java.util.Arrays.stream(CrisisAction.values()).map(CrisisAction::code).toList()));
		}
		if (!action.allowedFor(a.reach())) {
			throw ApiProblem.forbidden(a.reach().bureau() ? "crisis.bureau-reads" : "crisis.action-forbidden");
		}
		EventRef e = a.event();
		// one writer at a time per event: two teachers ticking the same step end in one tick
		jdbc.sql("select id from crisis_event where id = :id for update").param("id", eventId).query(Long.class).single();
		if (jdbc.sql("select closed_at is not null from crisis_event where id = :id").param("id", eventId)
			.query(Boolean.class).single()) {
			throw ApiProblem.conflict("crisis.closed");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		CrisisInput in = new CrisisInput(body, clock.getZone());
		Instant earliest = e.occurredAt().minus(Duration.ofDays(1));
		Map<String, Object> details = new LinkedHashMap<>();
		String step = null;
		Instant doneAt = now;
		switch (action) {
			case CALL_DOCTOR, SEND_TO_HOSPITAL, INFORM_POLICE, NOTIFY_PARENTS, REPORT_UPWARD -> {
				step = action.step().orElseThrow().name();
				requireOpen(eventId, step);
				doneAt = in.time("at", now, earliest, now);
				put(details, "note", in.text("note", 500, false));
			}
			case NOT_APPLICABLE -> {
				String stepCode = in.text("step", 40, true);
				step = FirstStep.ofCode(stepCode).map(FirstStep::name)
					.orElseThrow(() -> CrisisInput.problem("crisis.field.choice", "step", String.join(", ",
							java.util.Arrays.stream(FirstStep.values()).map(FirstStep::code).toList())));
				requireOpen(eventId, step);
				details.put("reason", in.text("reason", 500, true));
			}
			case AFTERCARE -> {
				details.put("personKind", in.choice("personKind", AftercarePerson.class, true).name());
				details.put("person", in.text("person", 100, true));
				details.put("givenBy", in.text("givenBy", 100, true));
				details.put("what", in.text("what", 2000, true));
				doneAt = in.time("at", now, earliest, now);
			}
			case FOLLOW_UP -> {
				details.put("relation", in.choice("relation", FollowUpRelation.class, true).name());
				details.put("person", in.text("person", 100, true));
				long assignee = in.id("assigneeUserId", true);
				if (!people.staffOf(assignee, e.schoolId())) {
					throw CrisisInput.problem("crisis.field.assignee", "assigneeUserId");
				}
				LocalDate today = LocalDate.ofInstant(now, clock.getZone());
				LocalDate dueOn = in.date("dueOn", today, today.plusDays(90));
				details.put("assigneeUserId", assignee);
				details.put("dueOn", dueOn.toString());
				put(details, "note", in.text("note", 500, false));
			}
			case COOPERATION -> {
				details.put("department", in.choice("department", Department.class, true).name());
				details.put("note", in.text("note", 2000, true));
				doneAt = in.time("at", now, earliest, now);
			}
			case IDENTIFY_STUDENT -> {
				if (e.studentId() != null) {
					throw ApiProblem.conflict("crisis.student-known");
				}
				long studentId = in.id("studentId", true);
				if (students.accessLevel(a.user(), studentId).isEmpty()) {
					throw ApiProblem.notFound("student.not-found").with("field", "studentId");
				}
				details.put("studentId", studentId);
			}
			case VOID -> {
				long entryId = in.id("entryId", true);
				boolean mine = jdbc.sql("""
						select exists (select 1 from crisis_entry where id = :e and event_id = :ev and action <> 'VOID'
						                  and not exists (select 1 from crisis_entry v where v.voids = :e))""")
					.param("e", entryId).param("ev", eventId).query(Boolean.class).single();
				if (!mine) {
					throw CrisisInput.problem("crisis.field.entry", "entryId");
				}
				details.put("reason", in.text("reason", 500, true));
				details.put("entryId", entryId);
			}
			case CLOSE -> {
				if (e.reportSubmittedAt() == null) {
					throw ApiProblem.conflict("crisis.close-no-report");
				}
				if (!openSteps(eventId).isEmpty()) {
					throw ApiProblem.conflict("crisis.close-open-steps").with("openSteps",
							openSteps(eventId).stream().map(s -> FirstStep.valueOf(s).code()).toList());
				}
				put(details, "note", in.text("note", 1000, false));
			}
		}
		long entryId = insert(eventId, action.name(), step, doneAt, details, a.user().id(), now,
				action == CrisisAction.VOID ? (Long) details.get("entryId") : null);
		after(action, e, entryId, details, a.user(), now);
		audit.record("CRISIS_" + action.name(), "crisis-event/" + eventId, e.studentId(),
				step != null ? step : action == CrisisAction.VOID ? "entry " + details.get("entryId") : null);
		return entryId;
	}

	private void after(CrisisAction action, EventRef e, long entryId, Map<String, Object> details, CurrentUser user,
			Instant now) {
		switch (action) {
			case FOLLOW_UP -> {
				LocalDate dueOn = LocalDate.parse((String) details.get("dueOn"));
				Instant due = dueOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1);
				duties.open(new DutyRequest(DutyKind.CRISIS_FOLLOW_UP, e.schoolId(), null, e.classId(),
						(Long) details.get("assigneeUserId"), due, ENTRY_SOURCE, entryId, null));
			}
			case IDENTIFY_STUDENT -> {
				long studentId = (Long) details.get("studentId");
				jdbc.sql("""
						update crisis_event set student_id = :s, class_id = (select class_id from student where id = :s),
						       version = version + 1 where id = :id""")
					.param("s", studentId).param("id", e.id()).update();
				linkCase(e.id(), studentId, CrisisKind.valueOf(e.kind()), user.id());
				Long classId = jdbc.sql("select class_id from student where id = :s").param("s", studentId)
					.query(Long.class).single();
				notifications.notify(people.atSchool(e.schoolId(), classId, "HEAD_TEACHER"),
						Notice.of("CRISIS_EVENT", "notification.crisis.raised", "/crisis/" + e.id(),
								NoticeArg.code("crisis.kind." + e.kind()), NoticeArg.schoolClass(classId),
								NoticeArg.time(e.reportDueAt())));
			}
			case VOID -> {
				long voided = (Long) details.get("entryId");
				duties.cancelForSource(ENTRY_SOURCE, voided, user.id(), (String) details.get("reason"),
						DutyKind.CRISIS_FOLLOW_UP);
			}
			case CLOSE -> jdbc.sql("""
					update crisis_event set closed_at = :now, closed_by = :by, version = version + 1 where id = :id""")
				.param("now", Timestamp.from(now)).param("by", user.id()).param("id", e.id()).update();
			default -> jdbc.sql("update crisis_event set version = version + 1 where id = :id").param("id", e.id())
				.update();
		}
	}

	/** Ticks {@code REPORT_UPWARD} when the 1-hour report goes in and nobody ticked it yet. */
	void reportedUpward(long eventId, long by, Instant at) {
		if (openSteps(eventId).contains(FirstStep.REPORT_UPWARD.name())) {
			insert(eventId, CrisisAction.REPORT_UPWARD.name(), FirstStep.REPORT_UPWARD.name(), at,
					Map.of("byReport", true), by, at, null);
		}
	}

	/** The first-time actions not yet done nor marked not applicable (voided entries do not count). */
	List<String> openSteps(long eventId) {
		List<String> resolved = jdbc.sql("""
				select distinct x.step from crisis_entry x
				 where x.event_id = :e and x.step is not null and x.action <> 'VOID'
				   and not exists (select 1 from crisis_entry v where v.voids = x.id)""")
			.param("e", eventId).query(String.class).list();
		return java.util.Arrays.stream(FirstStep.values()).map(FirstStep::name).filter(s -> !resolved.contains(s))
			.toList();
	}

	private void requireOpen(long eventId, String step) {
		if (!openSteps(eventId).contains(step)) {
			throw ApiProblem.conflict("crisis.step-done", new org.springframework.context.support.DefaultMessageSourceResolvable(
					new String[] { "crisis.step." + step }, step)).with("step", FirstStep.valueOf(step).code());
		}
	}

	private long insert(long eventId, String action, String step, Instant doneAt, Map<String, Object> details,
			long by, Instant now, Long voids) {
		return jdbc.sql("""
				insert into crisis_entry (event_id, action, step, done_at, details, by_user, recorded_at, voids)
				values (:e, :action, :step, :done, cast(:details as jsonb), :by, :now, :voids) returning id""")
			.param("e", eventId)
			.param("action", action)
			.param("step", step)
			.param("done", Timestamp.from(doneAt))
			.param("details", json.writeValueAsString(details))
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("voids", voids)
			.query(Long.class)
			.single();
	}

	private static void put(Map<String, Object> details, String key, Object value) {
		if (value != null) {
			details.put(key, value);
		}
	}

	/** Whose support an aftercare entry records. */
	public enum AftercarePerson {
		STUDENT, STAFF, FAMILY
	}

	/** Who a follow-up is for. */
	public enum FollowUpRelation {
		WITNESS, CLOSE_FRIEND, CLASS, FAMILY, OTHER
	}

	/** The departments measure 14 names (政法、公安、网信、卫健) and the press office. */
	public enum Department {
		POLICE, HEALTH, CYBERSPACE, JUSTICE, PRESS, OTHER
	}
}
