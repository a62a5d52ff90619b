package org.mindgrid.counselling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.counselling.AppointmentTransitions.Step;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.FieldProblems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counsellor's records (ADR 0036): the individual counselling record (个别心理辅导全过程记录表: the presenting
 * problem, sessions with goals, methods, progress and homework, the assessment and the closing summary) and the
 * groups (团体心理辅导参与记录表: members, sessions, each member's attendance and participation). Written and read by
 * the school's psychology teachers only; whoever else may see the student learns that counselling exists (how many
 * sessions, when), never what was said (403 on the notes, 404 out of reach).
 */
@Service
public class CounsellingRecords {

	public record Attendance(long studentId, String name, boolean present, String participation) {
	}

	public record Session(long id, Instant heldAt, int minutes, String goals, String methods, String progress,
			String homework, String counsellor, Long appointmentId, List<Attendance> attendance) {
	}

	public record IndividualRecord(long id, long studentId, String status, String counsellor, Instant openedAt,
			Instant closedAt, String presentingProblem, String background, String assessment, String summary,
			List<Session> sessions) {
	}

	/** What anyone who sees the student may know of a record: that it exists, its dates and how many sessions. */
	public record RecordSummary(long id, String status, Instant openedAt, Instant closedAt, long sessions,
			Instant lastSession) {
	}

	public record Member(long studentId, String name, long classId) {
	}

	public record Group(long id, String name, String aims, String counsellor, Instant createdAt, List<Member> members,
			List<Session> sessions) {
	}

	public record GroupSummary(long id, String name, long members, long sessions, Instant createdAt) {
	}

	/** The student's counselling as the caller may see it; {@code records} only for psychology teachers. */
	public record Overview(String studentName, String className, boolean notes,
			List<Appointments.Appointment> appointments, List<RecordSummary> summaries,
			List<IndividualRecord> records, List<GroupSummary> groups, long noShows) {
	}

	public record AttendanceInput(Long studentId, Boolean present, String participation) {
	}

	public record NewSession(Long studentId, Long groupId, Instant heldAt, Integer duration, String goals,
			String methods, String progress, String homework, String presentingProblem, String background,
			Long appointmentId, List<AttendanceInput> attendance) {
	}

	private final JdbcClient jdbc;

	private final Appointments appointments;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final FieldProblems problems;

	private final Clock clock;

	CounsellingRecords(JdbcClient jdbc, Appointments appointments, CurrentUsers users, AuditLog audit,
			FieldProblems problems, Clock clock) {
		this.jdbc = jdbc;
		this.appointments = appointments;
		this.users = users;
		this.audit = audit;
		this.problems = problems;
		this.clock = clock;
	}

	/**
	 * A session: of the student's open individual record (opened with the presenting problem when none is open), or
	 * of a group with each member's attendance (members not listed were absent). Returns the session's id and its
	 * record's or group's.
	 */
	@Transactional
	public Map<String, Long> session(NewSession in) {
		long me = users.current().id();
		if ((in.studentId() == null) == (in.groupId() == null)) {
			throw problems.field(in.studentId() == null ? "studentId" : "groupId", "counselling.problem.one-of");
		}
		Instant now = clock.instant();
		Instant held = in.heldAt() == null ? now : in.heldAt();
		if (held.isAfter(now.plus(Duration.ofHours(1))) || held.isBefore(now.minus(Duration.ofDays(730)))) {
			throw problems.field("heldAt", "counselling.problem.held");
		}
		int minutes = in.duration() == null ? 40 : in.duration();
		if (minutes < 5 || minutes > 240) {
			throw problems.field("duration", "counselling.problem.session-duration");
		}
		long[] place = in.studentId() != null ? notesOf(in.studentId(), me) : groupOf(in.groupId(), me);
		long school = place[0];
		Long recordId = null;
		if (in.studentId() != null) {
			recordId = jdbc.sql("select id from counselling_record where student_id = :st and status = 'OPEN'")
				.param("st", in.studentId()).query(Long.class).optional().orElse(null);
			if (recordId == null) {
				String problem = text(in.presentingProblem(), "presentingProblem", 2000);
				if (problem == null) {
					throw problems.field("presentingProblem", "counselling.problem.presenting");
				}
				recordId = jdbc.sql("""
						insert into counselling_record (school_id, student_id, counsellor_id, status, presenting_problem,
						                                background, opened_at)
						values (:school, :st, :me, 'OPEN', :p, :b, :now) returning id""")
					.param("school", school).param("st", in.studentId()).param("me", me).param("p", problem)
					.param("b", text(in.background(), "background", 2000)).param("now", Timestamp.from(now))
					.query(Long.class).single();
				audit.record("COUNSELLING_RECORD_OPEN", "counselling-record/" + recordId, in.studentId(), null);
			}
		}
		Map<Long, AttendanceInput> attendance = new LinkedHashMap<>();
		if (in.groupId() != null) {
			List<Long> members = jdbc.sql("select student_id from counselling_group_member where group_id = :g order by student_id")
				.param("g", in.groupId()).query(Long.class).list();
			List<AttendanceInput> given = in.attendance() == null ? List.of() : in.attendance();
			for (int i = 0; i < given.size(); i++) {
				AttendanceInput a = given.get(i);
				if (a == null || a.studentId() == null || !members.contains(a.studentId())) {
					throw problems.field("attendance[" + (i + 1) + "].studentId", "counselling.problem.member");
				}
				text(a.participation(), "attendance[" + (i + 1) + "].participation", 1000);
				attendance.put(a.studentId(), a);
			}
			for (long m : members) {
				attendance.putIfAbsent(m, new AttendanceInput(m, false, null));
			}
		}
		if (in.appointmentId() != null) {
			Appointments.Appointment a = appointments.get(in.appointmentId());
			if (in.studentId() == null || a.studentId() != in.studentId()) {
				throw problems.field("appointmentId", "counselling.problem.appointment");
			}
			if ("SCHEDULED".equals(a.status())) {
				appointments.step(a.id(), Step.COMPLETE, new Appointments.StepInput(a.version(), null, null, null, null));
			}
		}
		long id = jdbc.sql("""
				insert into counselling_session (school_id, record_id, group_id, appointment_id, held_at, minutes, goals,
				                                 methods, progress, homework, counsellor_id, created_at)
				values (:school, :r, :g, :a, :held, :min, :goals, :methods, :progress, :homework, :me, :now) returning id""")
			.param("school", school).param("r", recordId).param("g", in.groupId()).param("a", in.appointmentId())
			.param("held", Timestamp.from(held)).param("min", minutes).param("goals", text(in.goals(), "goals", 2000))
			.param("methods", text(in.methods(), "methods", 2000))
			.param("progress", text(in.progress(), "progress", 4000))
			.param("homework", text(in.homework(), "homework", 2000)).param("me", me).param("now", Timestamp.from(now))
			.query(Long.class).single();
		for (AttendanceInput a : attendance.values()) {
			jdbc.sql("""
					insert into counselling_attendance (session_id, student_id, present, participation)
					values (:s, :st, :p, :part)""")
				.param("s", id).param("st", a.studentId()).param("p", Boolean.TRUE.equals(a.present()))
				.param("part", a.participation() == null || a.participation().isBlank() ? null : a.participation().strip())
				.update();
		}
		if (in.studentId() != null) {
			audit.record("COUNSELLING_SESSION", "counselling-session/" + id, in.studentId(), "record " + recordId);
		}
		else {
			for (long m : attendance.keySet()) {
				audit.record("COUNSELLING_SESSION", "counselling-session/" + id, m, "group " + in.groupId());
			}
		}
		Map<String, Long> out = new LinkedHashMap<>();
		out.put("id", id);
		out.put(in.studentId() != null ? "recordId" : "groupId", in.studentId() != null ? recordId : in.groupId());
		return out;
	}

	/** Closes an individual record with the counsellor's assessment and the closing summary. */
	@Transactional
	public IndividualRecord close(long recordId, String assessment, String summary) {
		long me = users.current().id();
		Long student = jdbc.sql("select student_id from counselling_record where id = :id").param("id", recordId)
			.query(Long.class).optional().orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		notesOf(student, me);
		String s = text(summary, "summary", 4000);
		if (s == null) {
			throw problems.field("summary", "input.required");
		}
		int changed = jdbc.sql("""
				update counselling_record set status = 'CLOSED', assessment = :a, summary = :s, closed_at = :now, closed_by = :me
				 where id = :id and status = 'OPEN'""")
			.param("a", text(assessment, "assessment", 2000)).param("s", s)
			.param("now", Timestamp.from(clock.instant())).param("me", me).param("id", recordId).update();
		if (changed == 0) {
			throw ApiProblem.conflict("counselling.problem.closed");
		}
		audit.record("COUNSELLING_RECORD_CLOSE", "counselling-record/" + recordId, student, null);
		return records(student).stream().filter(r -> r.id() == recordId).findFirst().orElseThrow();
	}

	/** The student's counselling as the caller may see it: 404 out of reach; the notes for psychology teachers. */
	@Transactional
	public Overview overview(long studentId) {
		long me = users.current().id();
		List<Appointments.Appointment> list = appointments.ofStudent(studentId);
		boolean notes = appointments.counsels(studentId, me);
		List<RecordSummary> summaries = jdbc.sql("""
				select r.id, r.status, r.opened_at, r.closed_at, count(x.id), max(x.held_at)
				  from counselling_record r left join counselling_session x on x.record_id = r.id
				 where r.student_id = :st group by r.id order by r.id desc""")
			.param("st", studentId)
			.query((rs, i) -> new RecordSummary(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getLong(5),
					rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.list();
		List<GroupSummary> groups = jdbc.sql("""
				select g.id, g.name, (select count(*) from counselling_group_member m2 where m2.group_id = g.id),
				       (select count(*) from counselling_session x where x.group_id = g.id), g.created_at
				  from counselling_group g join counselling_group_member m on m.group_id = g.id and m.student_id = :st
				 order by g.id desc""")
			.param("st", studentId)
			.query((rs, i) -> new GroupSummary(rs.getLong(1), notes ? rs.getString(2) : null, rs.getLong(3),
					rs.getLong(4), rs.getTimestamp(5).toInstant()))
			.list();
		long noShows = list.stream().filter(a -> "NO_SHOW".equals(a.status())).count();
		List<IndividualRecord> records = notes ? records(studentId) : List.of();
		if (notes) {
			audit.record("COUNSELLING_NOTES_READ", "students/" + studentId + "/counselling", studentId, null);
		}
		String[] who = jdbc.sql("""
				select s.name, g.name || c.name from student s join school_class c on c.id = s.class_id
				  join grade g on g.id = c.grade_id where s.id = :st""")
			.param("st", studentId).query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		return new Overview(who[0], who[1], notes, list, summaries, records, groups, noShows);
	}

	/** The school's groups (psychology teachers). */
	@Transactional(readOnly = true)
	public List<GroupSummary> groups() {
		return jdbc.sql("""
				select g.id, g.name, (select count(*) from counselling_group_member m where m.group_id = g.id),
				       (select count(*) from counselling_session x where x.group_id = g.id), g.created_at
				  from counselling_group g
				 where g.school_id in (select p.school_id from post p where p.user_id = :me and p.role = 'PSYCH_TEACHER')
				 order by g.id desc limit 200""")
			.param("me", users.current().id())
			.query((rs, i) -> new GroupSummary(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** A new group of the caller's school, its members all students of that school. */
	@Transactional
	public Group newGroup(String name, String aims, List<Long> studentIds) {
		long me = users.current().id();
		String n = text(name, "name", 100);
		if (n == null) {
			throw problems.field("name", "input.required");
		}
		if (studentIds == null || studentIds.isEmpty() || studentIds.size() > 40) {
			throw problems.field("studentIds", "counselling.problem.members");
		}
		Long school = jdbc.sql("select p.school_id from post p where p.user_id = :me and p.role = 'PSYCH_TEACHER' "
				+ "order by p.school_id limit 1").param("me", me).query(Long.class).optional()
			.orElseThrow(() -> ApiProblem.forbidden("counselling.problem.counsellor-only"));
		List<Long> distinct = studentIds.stream().distinct().toList();
		long inSchool = jdbc.sql("select count(*) from student where id in (:ids) and school_id = :s")
			.param("ids", distinct).param("s", school).query(Long.class).single();
		if (inSchool != distinct.size()) {
			throw problems.field("studentIds", "counselling.problem.member");
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into counselling_group (school_id, name, aims, counsellor_id, created_at)
				values (:s, :n, :a, :me, :now) returning id""")
			.param("s", school).param("n", n).param("a", text(aims, "aims", 2000)).param("me", me)
			.param("now", Timestamp.from(now)).query(Long.class).single();
		for (long st : distinct) {
			jdbc.sql("insert into counselling_group_member (group_id, student_id, joined_at) values (:g, :st, :now)")
				.param("g", id).param("st", st).param("now", Timestamp.from(now)).update();
			audit.record("COUNSELLING_GROUP_JOIN", "counselling-group/" + id, st, null);
		}
		return group(id);
	}

	/** The students of the caller's school with these 学号 (the group form); a field error names those not found. */
	@Transactional(readOnly = true)
	public List<Long> byNumbers(List<String> numbers) {
		List<String> wanted = numbers.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
		if (wanted.isEmpty() || wanted.size() > 40) {
			throw problems.field("studentIds", "counselling.problem.members");
		}
		Map<String, Long> found = new LinkedHashMap<>();
		jdbc.sql("""
				select s.student_no, s.id from student s
				 where s.student_no in (:nos)
				   and s.school_id in (select p.school_id from post p where p.user_id = :me and p.role = 'PSYCH_TEACHER')""")
			.param("nos", wanted).param("me", users.current().id())
			.query((rs, i) -> found.put(rs.getString(1), rs.getLong(2))).list();
		List<String> missing = wanted.stream().filter(n -> !found.containsKey(n)).toList();
		if (!missing.isEmpty()) {
			throw problems.field("studentIds", "counselling.problem.numbers", String.join("、", missing));
		}
		return wanted.stream().map(found::get).toList();
	}

	/** A group with its members and sessions (psychology teachers of its school; 404 for anyone else). */
	@Transactional
	public Group group(long id) {
		long me = users.current().id();
		groupOf(id, me);
		Group g = jdbc.sql("""
				select g.id, g.name, g.aims, u.display_name, g.created_at from counselling_group g
				  join app_user u on u.id = g.counsellor_id where g.id = :id""")
			.param("id", id)
			.query((rs, i) -> new Group(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), List.of(), List.of()))
			.single();
		List<Member> members = jdbc.sql("""
				select s.id, s.name, s.class_id from counselling_group_member m join student s on s.id = m.student_id
				 where m.group_id = :g order by s.class_id, s.student_no""")
			.param("g", id).query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
		audit.record("COUNSELLING_GROUP_READ", "counselling-group/" + id, null, members.size() + " members");
		return new Group(g.id(), g.name(), g.aims(), g.counsellor(), g.createdAt(), members,
				sessions("x.group_id = :owner", id));
	}

	private List<IndividualRecord> records(long studentId) {
		return jdbc.sql("""
				select r.id, r.student_id, r.status, u.display_name, r.opened_at, r.closed_at, r.presenting_problem,
				       r.background, r.assessment, r.summary
				  from counselling_record r join app_user u on u.id = r.counsellor_id
				 where r.student_id = :st order by r.id desc""")
			.param("st", studentId)
			.query((rs, i) -> new IndividualRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
					rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), List.of()))
			.list()
			.stream()
			.map(r -> new IndividualRecord(r.id(), r.studentId(), r.status(), r.counsellor(), r.openedAt(),
					r.closedAt(), r.presentingProblem(), r.background(), r.assessment(), r.summary(),
					sessions("x.record_id = :owner", r.id())))
			.toList();
	}

	private List<Session> sessions(String owner, long ownerId) {
		Map<Long, List<Attendance>> attendance = new LinkedHashMap<>();
		jdbc.sql("""
				select t.session_id, t.student_id, s.name, t.present, t.participation
				  from counselling_attendance t join counselling_session x on x.id = t.session_id
				  join student s on s.id = t.student_id where """ + " " + owner + " order by s.student_no")
			.param("owner", ownerId)
			.query((rs, i) -> attendance.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Attendance(rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getString(5))))
			.list();
		return jdbc.sql("""
				select x.id, x.held_at, x.minutes, x.goals, x.methods, x.progress, x.homework, u.display_name, x.appointment_id
				  from counselling_session x join app_user u on u.id = x.counsellor_id where """ + " " + owner
				+ " order by x.held_at, x.id")
			.param("owner", ownerId)
			.query((rs, i) -> new Session(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getObject(9) == null ? null : rs.getLong(9), attendance.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	/** The school of a student whose notes the caller may write and read: 404 out of reach, 403 if not a counsellor. */
	private long[] notesOf(long studentId, long me) {
		long[] place = appointments.reach(studentId, Appointments.SEE, me);
		if (!appointments.counsels(studentId, me)) {
			throw ApiProblem.forbidden("counselling.problem.notes");
		}
		return place;
	}

	private long[] groupOf(long groupId, long me) {
		return jdbc.sql("""
				select g.school_id, 0 from counselling_group g
				 where g.id = :g and exists (select 1 from post p where p.user_id = :me and p.role = 'PSYCH_TEACHER'
				                              and p.school_id = g.school_id)""")
			.param("g", groupId).param("me", me).query((rs, i) -> new long[] { rs.getLong(1), 0 }).optional()
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
	}

	private String text(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			throw problems.field(field, "counselling.problem.long", max);
		}
		return v;
	}
}
