package org.mindgrid.reporting.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.reporting.records.RecordInputs.ActivityInput;
import org.mindgrid.reporting.records.RecordInputs.JointMeetingInput;
import org.mindgrid.reporting.records.RecordInputs.LessonInput;
import org.mindgrid.reporting.records.RecordInputs.ParentSessionInput;
import org.mindgrid.reporting.records.RecordInputs.TrainingInput;
import org.mindgrid.reporting.records.RecordViews.Activity;
import org.mindgrid.reporting.records.RecordViews.JointMeeting;
import org.mindgrid.reporting.records.RecordViews.Lesson;
import org.mindgrid.reporting.records.RecordViews.ParentSession;
import org.mindgrid.reporting.records.RecordViews.Training;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and lists the oversight records (issue 12 point 1). Each write checks the caller's posts in SQL, checks
 * every id it is given (an unknown one is a 400 naming the field), inserts and audits in one transaction.
 */
@Service
public class OversightRecords {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditLog audit;

	private final RecordAccess access;

	private final RecordLedgers ledgers;

	OversightRecords(JdbcClient jdbc, Clock clock, AuditLog audit, RecordAccess access, RecordLedgers ledgers) {
		this.ledgers = ledgers;
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.access = access;
	}

	record ClassPlace(long classId, long schoolId, long districtId) {
	}

	/** A class the caller records lessons and parent sessions for. */
	public record ClassOption(long id, String name) {
	}

	/** The school's classes the caller keeps records of: all for its keepers, their own for head teachers. */
	public List<ClassOption> keptClasses(long schoolId) {
		return jdbc.sql("""
				select c.id, g.name || c.name from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :s and exists (select 1 from post p where p.user_id = :me
				   and ((p.school_id = c.school_id and p.class_id is null and p.role in (:keepers))
				     or (p.class_id = c.id and p.role = 'HEAD_TEACHER')))
				 order by g.level, g.name, c.name, c.id""")
			.param("s", schoolId).param("me", access.caller().id()).param("keepers", RecordAccess.SCHOOL_KEEPERS)
			.query((rs, i) -> new ClassOption(rs.getLong(1), rs.getString(2))).list();
	}

	/** Whether the caller keeps the school's own records (not only a class's). */
	public boolean keepsSchool(long schoolId) {
		return access.holds(schoolId, RecordAccess.SCHOOL_KEEPERS, null, List.of());
	}

	/** Whether the caller records the district's trainings and joint meetings. */
	public boolean keepsDistrict(long districtId) {
		return access.isDistrictOfficer(districtId);
	}

	// ------------------------------------------------------------------ writes

	/** Any of the five records, by its input's type: the one dispatch of the page form and the Excel import. */
	@Transactional
	public Object record(Object input) {
		if (input instanceof LessonInput l) {
			return recordLesson(l);
		}
		if (input instanceof ActivityInput a) {
			return recordActivity(a);
		}
		if (input instanceof ParentSessionInput p) {
			return recordParentSession(p);
		}
		if (input instanceof TrainingInput t) {
			return recordTraining(t);
		}
		return recordJointMeeting((JointMeetingInput) input);
	}

	@Transactional
	public Lesson recordLesson(LessonInput in) {
		ClassPlace place = keptClass(in.classId(), in.schoolId());
		CurrentUser me = access.caller();
		long teacher = in.teacherUserId() == null ? me.id() : in.teacherUserId();
		if (!access.isStaffOf(teacher, place.schoolId())) {
			throw access.field("teacherUserId", "records.v.not-staff");
		}
		long id = jdbc.sql("""
				insert into psych_lesson (school_id, class_id, given_on, periods, topic, teacher_user_id, recorded_by,
				                          recorded_at)
				values (:school, :class, :on, :periods, :topic, :teacher, :me, :now) returning id""")
			.param("school", place.schoolId()).param("class", place.classId()).param("on", in.givenOn())
			.param("periods", in.periods()).param("topic", in.topic().strip()).param("teacher", teacher)
			.param("me", me.id()).param("now", now())
			.query(Long.class).single();
		audit.record("PSYCH_LESSON_CREATE", "psych-lesson/" + id, null, "class/" + place.classId());
		return ledgers.lessons(RecordInputs.Filter.NONE, id, 0, 1).items().get(0);
	}

	@Transactional
	public Activity recordActivity(ActivityInput in) {
		long school = in.schoolId();
		// access first: an unknown school is refused like a foreign one
		if (!access.holds(school, RecordAccess.SCHOOL_KEEPERS, null, List.of())) {
			throw access.forbidden();
		}
		String kind = code(in.kind(), RecordCodes.ACTIVITY_KINDS, "kind");
		List<Long> classes = distinct(in.classIds(), "classIds");
		if (!classes.isEmpty()) {
			long found = jdbc.sql("select count(*) from school_class where id in (:ids) and school_id = :s")
				.param("ids", classes).param("s", school).query(Long.class).single();
			if (found != classes.size()) {
				throw access.field("classIds", "records.v.class-not-of-school");
			}
		}
		long id = jdbc.sql("""
				insert into theme_activity (school_id, kind, title, held_on, organiser, recorded_by, recorded_at)
				values (:school, :kind, :title, :on, :organiser, :me, :now) returning id""")
			.param("school", school).param("kind", kind).param("title", in.title().strip()).param("on", in.heldOn())
			.param("organiser", blankToNull(in.organiser())).param("me", access.caller().id()).param("now", now())
			.query(Long.class).single();
		for (long c : classes) {
			jdbc.sql("insert into theme_activity_class (activity_id, class_id) values (:a, :c)").param("a", id)
				.param("c", c).update();
		}
		audit.record("THEME_ACTIVITY_CREATE", "theme-activity/" + id, null, kind);
		return ledgers.activities(RecordInputs.Filter.NONE, id, 0, 1).items().get(0);
	}

	@Transactional
	public ParentSession recordParentSession(ParentSessionInput in) {
		ClassPlace place = keptClass(in.classId(), in.schoolId());
		CurrentUser me = access.caller();
		Long head = in.headTeacherUserId();
		if (head == null) {
			head = access.holds(null, List.of(), place.classId(), List.of("HEAD_TEACHER")) ? me.id()
					: jdbc.sql("""
							select user_id from post where class_id = :c and role = 'HEAD_TEACHER' order by id limit 1""")
						.param("c", place.classId()).query(Long.class).optional().orElse(me.id());
		}
		if (!access.isStaffOf(head, place.schoolId())) {
			throw access.field("headTeacherUserId", "records.v.not-staff");
		}
		long id = jdbc.sql("""
				insert into parent_session (school_id, class_id, held_on, topic, head_teacher_user_id,
				                            families_attended, recorded_by, recorded_at)
				values (:school, :class, :on, :topic, :head, :families, :me, :now) returning id""")
			.param("school", place.schoolId()).param("class", place.classId()).param("on", in.heldOn())
			.param("topic", in.topic().strip()).param("head", head).param("families", in.familiesAttended())
			.param("me", me.id()).param("now", now())
			.query(Long.class).single();
		audit.record("PARENT_SESSION_CREATE", "parent-session/" + id, null, "class/" + place.classId());
		return ledgers.parentSessions(RecordInputs.Filter.NONE, id, 0, 1).items().get(0);
	}

	@Transactional
	public Training recordTraining(TrainingInput in) {
		String kind = code(in.kind(), RecordCodes.TRAINING_KINDS, "kind");
		long district;
		Long school = null;
		if (in.schoolId() != null) {
			school = in.schoolId();
			if (!access.holds(school, RecordAccess.SCHOOL_KEEPERS, null, List.of())) {
				throw access.forbidden();
			}
			district = jdbc.sql("select district_id from school where id = :s").param("s", school).query(Long.class)
				.single();
			if (in.districtId() != null && in.districtId() != district) {
				throw access.field("districtId", "records.v.school-not-of-district");
			}
		}
		else {
			if (in.districtId() == null) {
				throw access.field("districtId", "records.v.required");
			}
			district = in.districtId();
			if (!access.isDistrictOfficer(district)) {
				throw access.forbidden();
			}
		}
		List<Long> attendees = distinct(in.attendeeUserIds(), "attendeeUserIds");
		if (!attendees.isEmpty()) {
			long found = jdbc.sql("""
					select count(distinct p.user_id) from post p join school s on s.id = p.school_id
					 where p.user_id in (:ids) and p.role <> 'PSYCH_COMMITTEE'
					   and (s.id = :school or (cast(:school as bigint) is null and s.district_id = :district))""")
				.param("ids", attendees).param("school", school).param("district", district).query(Long.class)
				.single();
			if (found != attendees.size()) {
				throw access.field("attendeeUserIds", "records.v.not-staff");
			}
		}
		long id = jdbc.sql("""
				insert into staff_training (district_id, school_id, kind, title, held_on, hours, recorded_by,
				                            recorded_at)
				values (:district, :school, :kind, :title, :on, :hours, :me, :now) returning id""")
			.param("district", district).param("school", school).param("kind", kind)
			.param("title", in.title().strip()).param("on", in.heldOn()).param("hours", in.hours())
			.param("me", access.caller().id()).param("now", now())
			.query(Long.class).single();
		for (long user : attendees) {
			jdbc.sql("insert into staff_training_attendee (training_id, user_id) values (:t, :u)").param("t", id)
				.param("u", user).update();
		}
		audit.record("STAFF_TRAINING_CREATE", "staff-training/" + id, null, kind + " " + attendees.size());
		return ledgers.trainings(RecordInputs.Filter.NONE, id, 0, 1).items().get(0);
	}

	@Transactional
	public JointMeeting recordJointMeeting(JointMeetingInput in) {
		long district = in.districtId();
		if (!access.isDistrictOfficer(district)) {
			throw access.forbidden();
		}
		LinkedHashSet<String> departments = new LinkedHashSet<>();
		for (String d : in.departments()) {
			departments.add(code(d, RecordCodes.DEPARTMENTS, "departments"));
		}
		long id = jdbc.sql("""
				insert into joint_meeting (district_id, held_on, departments, minutes, decisions, recorded_by,
				                           recorded_at)
				values (:district, :on, cast(:departments as text[]), :minutes, :decisions, :me, :now) returning id""")
			.param("district", district).param("on", in.heldOn())
			// codes checked against the list above: a literal array is safe
			.param("departments", "{" + String.join(",", departments) + "}")
			.param("minutes", in.minutes().strip()).param("decisions", blankToNull(in.decisions()))
			.param("me", access.caller().id()).param("now", now())
			.query(Long.class).single();
		audit.record("JOINT_MEETING_CREATE", "joint-meeting/" + id, null, String.join(",", departments));
		return ledgers.jointMeetings(RecordInputs.Filter.NONE, id, 0, 1).items().get(0);
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * The class, if the caller keeps its records (the school's keepers, the class's head teacher). An unknown class
	 * is refused like a foreign one, so that class ids cannot be probed; a school given must be the class's.
	 */
	private ClassPlace keptClass(long classId, Long schoolId) {
		ClassPlace place = jdbc.sql("""
				select c.id, c.school_id, s.district_id from school_class c join school s on s.id = c.school_id
				 where c.id = :c""").param("c", classId)
			.query((rs, i) -> new ClassPlace(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional()
			.orElseThrow(access::forbidden);
		if (!access.holds(place.schoolId(), RecordAccess.SCHOOL_KEEPERS, place.classId(), List.of("HEAD_TEACHER"))) {
			throw access.forbidden();
		}
		if (schoolId != null && schoolId != place.schoolId()) {
			throw access.field("classId", "records.v.class-not-of-school");
		}
		return place;
	}

	private String code(String value, List<String> codes, String field) {
		String code = value == null ? "" : value.strip();
		if (!codes.contains(code)) {
			throw access.field(field, "input.option", String.join(", ", codes));
		}
		return code;
	}

	private List<Long> distinct(List<Long> ids, String field) {
		if (ids == null) {
			return List.of();
		}
		if (ids.stream().anyMatch(Objects::isNull)) {
			throw access.field(field, "input.null-element");
		}
		return new ArrayList<>(new LinkedHashSet<>(ids));
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
