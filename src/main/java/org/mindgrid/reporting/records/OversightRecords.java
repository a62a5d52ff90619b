package org.mindgrid.reporting.records;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.reporting.records.RecordInputs.ActivityInput;
import org.mindgrid.reporting.records.RecordInputs.Filter;
import org.mindgrid.reporting.records.RecordInputs.JointMeetingInput;
import org.mindgrid.reporting.records.RecordInputs.LessonInput;
import org.mindgrid.reporting.records.RecordInputs.ParentSessionInput;
import org.mindgrid.reporting.records.RecordInputs.TrainingInput;
import org.mindgrid.reporting.records.RecordViews.Activity;
import org.mindgrid.reporting.records.RecordViews.JointMeeting;
import org.mindgrid.reporting.records.RecordViews.Lesson;
import org.mindgrid.reporting.records.RecordViews.ParentSession;
import org.mindgrid.reporting.records.RecordViews.Training;
import org.mindgrid.shared.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and lists the oversight records (issue 12 point 1). Each write checks the caller's posts in SQL, checks
 * every id it is given (an unknown one is a 400 naming the field), inserts and audits in one transaction.
 */
@Service
public class OversightRecords {

	/** What a ledger holds, newest first. */
	public enum Kind {
		LESSON, ACTIVITY, PARENT_SESSION, TRAINING, JOINT_MEETING
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditLog audit;

	private final RecordAccess access;

	OversightRecords(JdbcClient jdbc, Clock clock, AuditLog audit, RecordAccess access) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.access = access;
	}

	record ClassPlace(long classId, long schoolId, long districtId) {
	}

	// ------------------------------------------------------------------ writes

	@Transactional
	public Lesson recordLesson(LessonInput in) {
		ClassPlace place = classOf(in.classId(), in.schoolId());
		if (!access.holds(place.schoolId(), RecordAccess.SCHOOL_KEEPERS, place.classId(), List.of("HEAD_TEACHER"))) {
			throw access.forbidden();
		}
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
		return lessons(new Filter(null, null, null, null, null), id, 0, 1).items().get(0);
	}

	@Transactional
	public Activity recordActivity(ActivityInput in) {
		long school = schoolOf(in.schoolId(), "schoolId");
		String kind = code(in.kind(), RecordCodes.ACTIVITY_KINDS, "kind");
		if (!access.holds(school, RecordAccess.SCHOOL_KEEPERS, null, List.of())) {
			throw access.forbidden();
		}
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
		return activities(new Filter(null, null, null, null, null), id, 0, 1).items().get(0);
	}

	@Transactional
	public ParentSession recordParentSession(ParentSessionInput in) {
		ClassPlace place = classOf(in.classId(), in.schoolId());
		if (!access.holds(place.schoolId(), RecordAccess.SCHOOL_KEEPERS, place.classId(), List.of("HEAD_TEACHER"))) {
			throw access.forbidden();
		}
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
		return parentSessions(new Filter(null, null, null, null, null), id, 0, 1).items().get(0);
	}

	@Transactional
	public Training recordTraining(TrainingInput in) {
		String kind = code(in.kind(), RecordCodes.TRAINING_KINDS, "kind");
		long district;
		Long school = null;
		if (in.schoolId() != null) {
			school = schoolOf(in.schoolId(), "schoolId");
			district = jdbc.sql("select district_id from school where id = :s").param("s", school).query(Long.class)
				.single();
			if (in.districtId() != null && in.districtId() != district) {
				throw access.field("districtId", "records.v.school-not-of-district");
			}
			if (!access.holds(school, RecordAccess.SCHOOL_KEEPERS, null, List.of())) {
				throw access.forbidden();
			}
		}
		else {
			if (in.districtId() == null) {
				throw access.field("districtId", "records.v.required");
			}
			district = districtOf(in.districtId());
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
		return trainings(new Filter(null, null, null, null, null), id, 0, 1).items().get(0);
	}

	@Transactional
	public JointMeeting recordJointMeeting(JointMeetingInput in) {
		long district = districtOf(in.districtId());
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
		return jointMeetings(new Filter(null, null, null, null, null), id, 0, 1).items().get(0);
	}

	// ------------------------------------------------------------------ reads

	/** Refuses a filter naming a place the caller may not read, or a caller who reads no ledger of the kind. */
	public void checkReadable(Kind kind, Filter filter) {
		boolean heads = kind == Kind.LESSON || kind == Kind.PARENT_SESSION;
		if (!access.readsAny(heads, kind != Kind.JOINT_MEETING)) {
			throw access.forbidden();
		}
		if (filter.classId() != null) {
			ClassPlace place = classOf(filter.classId(), filter.schoolId());
			if (!access.readsSchool(place.schoolId(), place.classId(), heads)) {
				throw access.forbidden();
			}
		}
		else if (filter.schoolId() != null) {
			long school = schoolOf(filter.schoolId(), "schoolId");
			if (!access.readsSchool(school, null, false)) {
				throw access.forbidden();
			}
		}
		if (filter.districtId() != null) {
			if (!access.readsDistrict(districtOf(filter.districtId()))) {
				throw access.forbidden();
			}
		}
		if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
			throw access.field("to", "records.v.range");
		}
	}

	public Page<Lesson> lessons(Filter f, Long onlyId, int page, int size) {
		String where = RecordAccess.schoolReadable(true) + common(f, "r.given_on", true, onlyId);
		return page("""
				select r.id, r.school_id, r.class_id, g.name || c.name as class_name, r.given_on, r.periods, r.topic,
				       r.teacher_user_id, u.display_name
				  from psych_lesson r join school_class c on c.id = r.class_id join grade g on g.id = c.grade_id
				  join app_user u on u.id = r.teacher_user_id
				  where """ + " " + where + " order by r.given_on desc, r.id desc",
				"select 1 from psych_lesson r where " + where, f, page, size,
				(rs, i) -> new Lesson(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getString(7), rs.getLong(8), rs.getString(9)));
	}

	public Page<Activity> activities(Filter f, Long onlyId, int page, int size) {
		String where = RecordAccess.schoolReadable(false) + common(f, "r.held_on", false, onlyId)
				+ (f.classId() == null ? ""
						: " and exists (select 1 from theme_activity_class ac where ac.activity_id = r.id and ac.class_id = :class)");
		return page("""
				select r.id, r.school_id, r.kind, r.title, r.held_on, r.organiser,
				       array(select ac.class_id from theme_activity_class ac where ac.activity_id = r.id order by 1)
				  from theme_activity r
				  where """ + " " + where + " order by r.held_on desc, r.id desc",
				"select 1 from theme_activity r where " + where, f, page, size,
				(rs, i) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getString(6), longs(rs.getArray(7))));
	}

	public Page<ParentSession> parentSessions(Filter f, Long onlyId, int page, int size) {
		String where = RecordAccess.schoolReadable(true) + common(f, "r.held_on", true, onlyId);
		return page("""
				select r.id, r.school_id, r.class_id, g.name || c.name, r.held_on, r.topic, r.head_teacher_user_id,
				       u.display_name, r.families_attended
				  from parent_session r join school_class c on c.id = r.class_id join grade g on g.id = c.grade_id
				  join app_user u on u.id = r.head_teacher_user_id
				  where """ + " " + where + " order by r.held_on desc, r.id desc",
				"select 1 from parent_session r where " + where, f, page, size,
				(rs, i) -> new ParentSession(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getInt(9)));
	}

	public Page<Training> trainings(Filter f, Long onlyId, int page, int size) {
		// a school's training: as the school's records; the district's: its officers, the city's, and the leaders
		// of the district's schools (their staff attend it)
		String readable = """
				(case when r.school_id is not null then %s
				 else %s or exists (select 1 from post p join school s on s.id = p.school_id
				                     where p.user_id = :me and s.district_id = r.district_id
				                       and p.role in ('SCHOOL_ADMIN', 'SCHOOL_LEADER', 'PSYCH_TEACHER', 'CRISIS_TEAM')) end)"""
			.formatted(RecordAccess.schoolReadable(false), RecordAccess.districtReadable());
		StringBuilder where = new StringBuilder(readable).append(dates(f, "r.held_on"));
		if (f.schoolId() != null) {
			where.append(" and r.school_id = :school");
		}
		if (f.districtId() != null) {
			where.append(" and r.district_id = :district");
		}
		if (onlyId != null) {
			where.append(" and r.id = ").append(onlyId.longValue());
		}
		return page("""
				select r.id, r.district_id, r.school_id, r.kind, r.title, r.held_on, r.hours,
				       array(select a.user_id from staff_training_attendee a where a.training_id = r.id order by 1)
				  from staff_training r
				  where """ + " " + where + " order by r.held_on desc, r.id desc",
				"select 1 from staff_training r where " + where, f, page, size,
				(rs, i) -> new Training(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
						rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7),
						longs(rs.getArray(8))));
	}

	public Page<JointMeeting> jointMeetings(Filter f, Long onlyId, int page, int size) {
		StringBuilder where = new StringBuilder(RecordAccess.districtReadable()).append(dates(f, "r.held_on"));
		if (f.districtId() != null) {
			where.append(" and r.district_id = :district");
		}
		if (f.schoolId() != null) {
			where.append(" and r.district_id = (select district_id from school where id = :school)");
		}
		if (onlyId != null) {
			where.append(" and r.id = ").append(onlyId.longValue());
		}
		return page("""
				select r.id, r.district_id, r.held_on, r.departments, r.minutes, r.decisions from joint_meeting r
				  where """ + " " + where + " order by r.held_on desc, r.id desc",
				"select 1 from joint_meeting r where " + where, f, page, size,
				(rs, i) -> new JointMeeting(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
						Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6)));
	}

	/** The name of the place a ledger is of, for the first rows of an export: school, district, or the caller's. */
	public String placeName(Filter f) {
		if (f.classId() != null) {
			return jdbc.sql("""
					select s.name || ' ' || g.name || c.name from school_class c join school s on s.id = c.school_id
					  join grade g on g.id = c.grade_id where c.id = :c""").param("c", f.classId()).query(String.class)
				.optional().orElse("");
		}
		if (f.schoolId() != null) {
			return jdbc.sql("select name from school where id = :s").param("s", f.schoolId()).query(String.class)
				.optional().orElse("");
		}
		if (f.districtId() != null) {
			return jdbc.sql("select name from district where id = :d").param("d", f.districtId())
				.query(String.class).optional().orElse("");
		}
		return jdbc.sql("""
				select coalesce(min(s.name), min(d.name), min(c.name), '') from post p
				  left join school s on s.id = p.school_id left join district d on d.id = p.district_id
				  left join city c on c.id = p.city_id where p.user_id = :me and p.role <> 'PSYCH_COMMITTEE'""")
			.param("me", access.caller().id()).query(String.class).single();
	}

	// ------------------------------------------------------------------ helpers

	private <T> Page<T> page(String select, String count, Filter f, int page, int size,
			org.springframework.jdbc.core.RowMapper<T> mapper) {
		Map<String, Object> params = params(f);
		List<T> items = jdbc.sql(select + " limit " + size + " offset " + ((long) page * size)).params(params)
			.query(mapper).list();
		long counted = jdbc.sql("select count(*) from (" + count + " limit " + (Page.COUNT_CAP + 1) + ") x")
			.params(params).query(Long.class).single();
		return Page.capped(items, counted, page, size);
	}

	private Map<String, Object> params(Filter f) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("me", access.caller().id());
		if (f.schoolId() != null) {
			params.put("school", f.schoolId());
		}
		if (f.classId() != null) {
			params.put("class", f.classId());
		}
		if (f.districtId() != null) {
			params.put("district", f.districtId());
		}
		if (f.from() != null) {
			params.put("from", f.from());
		}
		if (f.to() != null) {
			params.put("to", f.to());
		}
		return params;
	}

	private static String common(Filter f, String dateColumn, boolean classColumn, Long onlyId) {
		StringBuilder sb = new StringBuilder(dates(f, dateColumn));
		if (f.schoolId() != null) {
			sb.append(" and r.school_id = :school");
		}
		if (f.classId() != null && classColumn) {
			sb.append(" and r.class_id = :class");
		}
		if (f.districtId() != null) {
			sb.append(" and r.school_id in (select id from school where district_id = :district)");
		}
		if (onlyId != null) {
			sb.append(" and r.id = ").append(onlyId.longValue());
		}
		return sb.toString();
	}

	private static String dates(Filter f, String column) {
		return (f.from() == null ? "" : " and " + column + " >= :from") + (f.to() == null ? "" : " and " + column + " <= :to");
	}

	private ClassPlace classOf(Long classId, Long schoolId) {
		if (schoolId != null) {
			schoolOf(schoolId, "schoolId");
		}
		ClassPlace place = jdbc.sql("""
				select c.id, c.school_id, s.district_id from school_class c join school s on s.id = c.school_id
				 where c.id = :c""").param("c", classId)
			.query((rs, i) -> new ClassPlace(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional()
			.orElseThrow(() -> access.field("classId", "records.v.unknown"));
		if (schoolId != null && schoolId != place.schoolId()) {
			throw access.field("classId", "records.v.class-not-of-school");
		}
		return place;
	}

	private long schoolOf(Long schoolId, String field) {
		return jdbc.sql("select id from school where id = :s").param("s", schoolId).query(Long.class).optional()
			.orElseThrow(() -> access.field(field, "records.v.unknown"));
	}

	private long districtOf(Long districtId) {
		return jdbc.sql("select id from district where id = :d").param("d", districtId).query(Long.class).optional()
			.orElseThrow(() -> access.field("districtId", "records.v.unknown"));
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

	private static List<Long> longs(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		List<Long> list = new ArrayList<>(values.length);
		for (Object v : values) {
			list.add(((Number) v).longValue());
		}
		return list;
	}

}
