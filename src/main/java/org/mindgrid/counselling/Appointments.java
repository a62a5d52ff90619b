package org.mindgrid.counselling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.counselling.AppointmentTransitions.Status;
import org.mindgrid.counselling.AppointmentTransitions.Step;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.notification.Notice;
import org.mindgrid.notification.NoticeArg;
import org.mindgrid.notification.Notifications;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.FieldProblems;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counselling appointments (心理辅导预约登记表, ADR 0036). Asked for by the school's psychology teachers, the student's
 * head teacher or mentor (or the student on the class page, {@link StudentRequests}); seen, without the request's
 * note, by those and the school's crisis team and leaders; scheduled, moved, declined and closed by the psychology
 * teachers. Two appointments never overlap in one room of a school (checked under the school's advisory lock). A
 * student out of the caller's reach is 404, as everywhere; every read and step is audited.
 */
@Service
public class Appointments {

	public static final List<String> TOPICS = List.of("EMOTION", "STUDY", "RELATIONSHIPS", "FAMILY", "ADAPTATION",
			"OTHER");

	public static final String DEFAULT_ROOM = "心理辅导室";

	static final List<String> ASK = List.of("PSYCH_TEACHER", "HEAD_TEACHER", "MENTOR");

	static final List<String> SEE = List.of("PSYCH_TEACHER", "CRISIS_TEAM", "SCHOOL_LEADER", "HEAD_TEACHER", "MENTOR");

	static final List<String> COUNSEL = List.of("PSYCH_TEACHER");

	/** The longest range one calendar read may cover. */
	static final int MAX_DAYS = 62;

	public record Appointment(long id, long studentId, String studentName, long classId, String className, String status,
			String requestedVia, String requestedBy, String topic, String preferred, String requestNote,
			Long counsellorId, String counsellor, Instant startsAt, Instant endsAt, String room, int version,
			Instant createdAt) {
	}

	public record Calendar(List<Appointment> items, List<Appointment> pending) {
	}

	/** What a step carries: the version as read, and the time, length and room when it places the appointment. */
	public record StepInput(Integer version, Instant startsAt, Integer duration, String room, String reason) {
	}

	private static final String COLUMNS = """
			select a.id, a.student_id, s.name, s.class_id, a.status, a.requested_via, rq.display_name, a.topic, a.preferred,
			       a.request_note, a.counsellor_id, co.display_name, a.starts_at, a.ends_at, a.room, a.version, a.created_at,
			       exists (select 1 from post p where p.user_id = :me and p.role = 'PSYCH_TEACHER' and p.school_id = a.school_id) as counsels,
			       g.name || c.name
			  from counselling_appointment a join student s on s.id = a.student_id
			  join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
			  left join app_user rq on rq.id = a.requested_by left join app_user co on co.id = a.counsellor_id
			""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Notifications notifications;

	private final FieldProblems problems;

	private final Clock clock;

	Appointments(JdbcClient jdbc, CurrentUsers users, AuditLog audit, Notifications notifications,
			FieldProblems problems, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.notifications = notifications;
		this.problems = problems;
		this.clock = clock;
	}

	/**
	 * A request by staff. A psychology teacher may give the time at once ({@code place} not null): the appointment is
	 * then requested and scheduled in one go, both steps kept.
	 */
	@Transactional
	public Appointment request(long studentId, String topic, String preferred, String note, StepInput place) {
		long me = users.current().id();
		long[] school = reach(studentId, ASK, me);
		checkTopic(topic);
		String via = jdbc.sql("""
				select p.role from post p join student s on s.id = :st
				 where p.user_id = :me and ((p.role = 'PSYCH_TEACHER' and p.school_id = s.school_id)
				    or (p.role = 'HEAD_TEACHER' and p.class_id = s.class_id))
				 order by p.role = 'PSYCH_TEACHER' desc limit 1""")
			.param("st", studentId).param("me", me).query(String.class).optional().orElse("MENTOR");
		long id = insert(school[0], studentId, via, me, topic, preferred, note);
		event(id, "REQUEST", null, Status.REQUESTED, null, me);
		audit.record("COUNSELLING_APPOINTMENT_REQUEST", "counselling-appointment/" + id, studentId, topic);
		tellCounsellors(school[0], school[1]);
		if (place != null && place.startsAt() != null) {
			Appointment asked = get(id, me);
			return step(id, Step.SCHEDULE, new StepInput(asked.version(), place.startsAt(), place.duration(),
					place.room(), null));
		}
		return get(id, me);
	}

	/** The student's own request from the class page (no account: the class code, 学号 and birth date). */
	@Transactional
	long requestAsStudent(long schoolId, long classId, long studentId, String topic, String preferred) {
		checkTopic(topic);
		long id = insert(schoolId, studentId, "STUDENT", null, topic, preferred, null);
		event(id, "REQUEST", null, Status.REQUESTED, null, null);
		audit.record("COUNSELLING_APPOINTMENT_REQUEST", "counselling-appointment/" + id, studentId,
				topic + " (the student, on the class page)");
		tellCounsellors(schoolId, classId);
		return id;
	}

	/** One step of an appointment (see {@link AppointmentTransitions}); 409 for a stale version or a taken slot. */
	@Transactional
	public Appointment step(long id, Step step, StepInput input) {
		long me = users.current().id();
		Appointment a = get(id, me);
		boolean counsels = counsels(a.studentId(), me);
		boolean asked = step.actor() == AppointmentTransitions.Actor.COUNSELLOR_OR_REQUESTER
				&& jdbc.sql("select requested_by = :me from counselling_appointment where id = :id").param("me", me)
					.param("id", id).query(Boolean.class).optional().orElse(false);
		if (!counsels && !asked) {
			throw ApiProblem.forbidden("counselling.problem.counsellor-only");
		}
		Status from = Status.valueOf(a.status());
		Status to = AppointmentTransitions.next(step, from)
			.orElseThrow(() -> ApiProblem.conflict("counselling.problem.step",
					new DefaultMessageSourceResolvable("counselling.step." + step.path()),
					new DefaultMessageSourceResolvable("counselling.status." + from.name())));
		if (input.version() == null) {
			throw problems.field("version", "input.required");
		}
		String reason = input.reason() == null ? null : input.reason().strip();
		if (step.needsReason() && (reason == null || reason.isEmpty())) {
			throw problems.field("reason", "input.required");
		}
		Instant now = clock.instant();
		int changed;
		if (AppointmentTransitions.places(step)) {
			long school = schoolOf(id);
			Instant starts = input.startsAt();
			if (starts == null) {
				throw problems.field("startsAt", "input.required");
			}
			if (starts.isBefore(now.minus(Duration.ofHours(1))) || starts.isAfter(now.plus(Duration.ofDays(366)))) {
				throw problems.field("startsAt", "counselling.problem.starts");
			}
			int minutes = input.duration() == null ? 40 : input.duration();
			if (minutes < 10 || minutes > 180) {
				throw problems.field("duration", "counselling.problem.minutes");
			}
			String room = input.room() == null || input.room().isBlank() ? DEFAULT_ROOM : input.room().strip();
			if (room.length() > 60) {
				throw problems.field("room", "counselling.problem.room");
			}
			Instant ends = starts.plus(Duration.ofMinutes(minutes));
			jdbc.sql("select pg_advisory_xact_lock(7301, cast(:s as int))").param("s", school).query((rs, i) -> 1).list();
			boolean taken = jdbc.sql("""
					select exists (select 1 from counselling_appointment
					                where school_id = :school and room = :room and status in ('SCHEDULED', 'COMPLETED')
					                  and id <> :id and starts_at < :ends and ends_at > :starts
					                  and starts_at > cast(:starts as timestamptz) - interval '1 day')""")
				.param("school", school).param("room", room).param("id", id).param("starts", Timestamp.from(starts))
				.param("ends", Timestamp.from(ends)).query(Boolean.class).single();
			if (taken) {
				throw ApiProblem.conflict("counselling.problem.taken", room);
			}
			changed = jdbc.sql("""
					update counselling_appointment set status = :to, counsellor_id = :me, starts_at = :starts, ends_at = :ends,
					       room = :room, reminded_at = null, version = version + 1, updated_at = :now
					 where id = :id and version = :v""")
				.param("to", to.name()).param("me", me).param("starts", Timestamp.from(starts))
				.param("ends", Timestamp.from(ends)).param("room", room).param("now", Timestamp.from(now))
				.param("id", id).param("v", input.version()).update();
		}
		else {
			changed = jdbc.sql("""
					update counselling_appointment set status = :to, version = version + 1, updated_at = :now
					 where id = :id and version = :v""")
				.param("to", to.name()).param("now", Timestamp.from(now)).param("id", id).param("v", input.version())
				.update();
		}
		if (changed == 0) {
			throw ApiProblem.conflict("counselling.problem.stale");
		}
		event(id, step.name(), from, to, reason, me);
		audit.record("COUNSELLING_APPOINTMENT_" + step.name(), "counselling-appointment/" + id, a.studentId(),
				from + "→" + to);
		Appointment done = get(id, me);
		tellRequester(done, step);
		return done;
	}

	/** The appointments placed between two dates (the week's calendar) and the requests still waiting. */
	@Transactional
	public Calendar between(LocalDate from, LocalDate to, ZoneId zone) {
		if (from == null) {
			throw problems.field("from", "input.required");
		}
		if (to == null) {
			throw problems.field("to", "input.required");
		}
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw problems.field("to", "counselling.problem.range", MAX_DAYS);
		}
		long me = users.current().id();
		String mine = """
				  and a.school_id = any(array(select coalesce(p.school_id, c.school_id) from post p
				                             left join school_class c on c.id = p.class_id where p.user_id = :me))
				  and """ + " " + StudentScope.BY_ROLES + "\n";
		List<Appointment> items = jdbc.sql(COLUMNS + " where a.starts_at >= :from and a.starts_at < :to " + mine
				+ " order by a.starts_at, a.id limit 1000")
			.param("me", me).param("roles", SEE)
			.param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, i) -> row(rs)).list();
		List<Appointment> pending = jdbc.sql(COLUMNS + " where a.status = 'REQUESTED' " + mine
				+ " order by a.created_at, a.id limit 200")
			.param("me", me).param("roles", SEE).query((rs, i) -> row(rs)).list();
		audit.record("COUNSELLING_CALENDAR_READ", "counselling/appointments?from=" + from + "&to=" + to, null,
				items.size() + pending.size() + " appointments");
		return new Calendar(items, pending);
	}

	/** A student's appointments, newest first; 404 out of reach. */
	@Transactional
	public List<Appointment> ofStudent(long studentId) {
		long me = users.current().id();
		reach(studentId, SEE, me);
		List<Appointment> list = jdbc.sql(COLUMNS + " where a.student_id = :st order by a.id desc limit 100")
			.param("me", me).param("st", studentId).query((rs, i) -> row(rs)).list();
		audit.record("COUNSELLING_APPOINTMENTS_READ", "students/" + studentId + "/counselling", studentId, null);
		return list;
	}

	/** One appointment as the caller may see it; 404 when they may not. */
	@Transactional(readOnly = true)
	public Appointment get(long id) {
		return get(id, users.current().id());
	}

	private Appointment get(long id, long me) {
		return jdbc.sql(COLUMNS + " where a.id = :id and " + StudentScope.BY_ROLES).param("me", me).param("id", id)
			.param("roles", SEE).query((rs, i) -> row(rs)).optional()
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
	}

	/**
	 * Reminders a day ahead (the hourly job): the counsellor, whoever asked, and the class's head teacher (who lets
	 * the student go from class). Each appointment once; a moved one is reminded again.
	 */
	@Transactional
	public int remind() {
		Instant now = clock.instant();
		List<long[]> due = jdbc.sql("""
				update counselling_appointment a set reminded_at = :now
				  from student s
				 where s.id = a.student_id and a.status = 'SCHEDULED' and a.reminded_at is null
				   and a.starts_at > :now and a.starts_at <= :until
				returning a.id, coalesce(a.counsellor_id, 0), coalesce(a.requested_by, 0), s.class_id,
				          (extract(epoch from a.starts_at) * 1000)::bigint""")
			.param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(Duration.ofHours(24))))
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) })
			.list();
		for (long[] d : due) {
			Instant starts = Instant.ofEpochMilli(d[4]);
			Set<Long> to = new java.util.LinkedHashSet<>();
			to.add(d[1]);
			if (d[2] != 0) {
				to.add(d[2]);
			}
			to.addAll(jdbc.sql("select user_id from post where role = 'HEAD_TEACHER' and class_id = :c")
				.param("c", d[3]).query(Long.class).list());
			to.remove(0L);
			notifications.notify(to, Notice.of("COUNSELLING", "counselling.notice.reminder", "/counselling",
					NoticeArg.schoolClass(d[3]), NoticeArg.time(starts)));
		}
		return due.size();
	}

	boolean counsels(long studentId, long me) {
		return jdbc.sql("select exists (select 1 from student s where s.id = :st and " + StudentScope.BY_ROLES + ")")
			.param("st", studentId).param("me", me).param("roles", COUNSEL).query(Boolean.class).single();
	}

	/** The student's school and class, if the caller holds one of {@code roles} over them; 404 otherwise. */
	long[] reach(long studentId, List<String> roles, long me) {
		return jdbc.sql("select s.school_id, s.class_id from student s where s.id = :st and " + StudentScope.BY_ROLES)
			.param("st", studentId).param("me", me).param("roles", roles)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional()
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
	}

	private void checkTopic(String topic) {
		if (topic == null || topic.isBlank()) {
			throw problems.field("topic", "input.required");
		}
		if (!TOPICS.contains(topic)) {
			throw problems.field("topic", "counselling.problem.topic");
		}
	}

	private long insert(long school, long studentId, String via, Long by, String topic, String preferred, String note) {
		String p = preferred == null ? null : preferred.strip();
		String n = note == null ? null : note.strip();
		if (p != null && p.length() > 200) {
			throw problems.field("preferred", "counselling.problem.long", 200);
		}
		if (n != null && n.length() > 500) {
			throw problems.field("note", "counselling.problem.long", 500);
		}
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				insert into counselling_appointment (school_id, student_id, status, requested_via, requested_by, topic,
				                                     preferred, request_note, created_at, updated_at)
				values (:school, :st, 'REQUESTED', :via, :by, :topic, :p, :n, :now, :now) returning id""")
			.param("school", school).param("st", studentId).param("via", via).param("by", by).param("topic", topic)
			.param("p", p == null || p.isEmpty() ? null : p).param("n", n == null || n.isEmpty() ? null : n)
			.param("now", now).query(Long.class).single();
	}

	private void event(long id, String step, Status from, Status to, String reason, Long actor) {
		jdbc.sql("""
				insert into counselling_appointment_event (appointment_id, step, from_status, to_status, reason, actor_id, at)
				values (:id, :step, :from, :to, :reason, :actor, :at)""")
			.param("id", id).param("step", step).param("from", from == null ? null : from.name())
			.param("to", to.name()).param("reason", reason).param("actor", actor)
			.param("at", Timestamp.from(clock.instant())).update();
	}

	private long schoolOf(long id) {
		return jdbc.sql("select school_id from counselling_appointment where id = :id").param("id", id)
			.query(Long.class).single();
	}

	private void tellCounsellors(long school, long classId) {
		List<Long> psych = jdbc.sql("""
				select p.user_id from post p join app_user u on u.id = p.user_id and u.enabled
				 where p.role = 'PSYCH_TEACHER' and p.school_id = :s""").param("s", school).query(Long.class).list();
		notifications.notify(psych, Notice.of("COUNSELLING", "counselling.notice.requested", "/counselling",
				NoticeArg.schoolClass(classId)));
	}

	private void tellRequester(Appointment a, Step step) {
		Long by = jdbc.sql("select requested_by from counselling_appointment where id = :id").param("id", a.id())
			.query(Long.class).optional().orElse(null);
		List<Long> to = new ArrayList<>();
		if (by != null && !by.equals(users.current().id())) {
			to.add(by);
		}
		if (AppointmentTransitions.places(step) || step == Step.CANCEL || step == Step.DECLINE) {
			to.addAll(jdbc.sql("select user_id from post where role = 'HEAD_TEACHER' and class_id = :c")
				.param("c", a.classId()).query(Long.class).list());
		}
		to.remove(users.current().id());
		if (!to.isEmpty()) {
			// {0} the class, {1} the time (none before it is placed)
			notifications.notify(to, a.startsAt() == null
					? Notice.of("COUNSELLING", "counselling.notice." + step.path(), "/counselling",
							NoticeArg.schoolClass(a.classId()))
					: Notice.of("COUNSELLING", "counselling.notice." + step.path(), "/counselling",
							NoticeArg.schoolClass(a.classId()), NoticeArg.time(a.startsAt())));
		}
	}

	private static Appointment row(ResultSet rs) throws SQLException {
		boolean counsels = rs.getBoolean(18);
		Timestamp starts = rs.getTimestamp(13);
		Timestamp ends = rs.getTimestamp(14);
		Long counsellor = rs.getObject(11) == null ? null : rs.getLong(11);
		return new Appointment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(19), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), counsels ? rs.getString(10) : null,
				counsellor, rs.getString(12),
				starts == null ? null : starts.toInstant(), ends == null ? null : ends.toInstant(), rs.getString(15),
				rs.getInt(16), rs.getTimestamp(17).toInstant());
	}
}
