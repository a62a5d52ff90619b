package org.mindgrid.reporting.records;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.reporting.records.RecordInputs.Filter;
import org.mindgrid.reporting.records.RecordViews.Activity;
import org.mindgrid.reporting.records.RecordViews.JointMeeting;
import org.mindgrid.reporting.records.RecordViews.Lesson;
import org.mindgrid.reporting.records.RecordViews.ParentSession;
import org.mindgrid.reporting.records.RecordViews.Training;
import org.mindgrid.shared.web.Page;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The oversight ledgers (台账) as lists, newest first. Each row's readability is decided in the SQL over the caller's
 * posts ({@link RecordAccess}); a filter naming a place the caller may not read, or one that does not exist, is the
 * same 403, so that ids cannot be probed.
 */
@Service
public class RecordLedgers {

	/** What a ledger holds. */
	public enum Kind {
		LESSON, ACTIVITY, PARENT_SESSION, TRAINING, JOINT_MEETING;

		/** Head teachers read their class's lessons and parent sessions. */
		boolean headTeachersRead() {
			return this == LESSON || this == PARENT_SESSION;
		}
	}

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final AuditLog audit;

	RecordLedgers(JdbcClient jdbc, RecordAccess access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	/** A school whose ledgers the caller reads. */
	public record SchoolOption(long id, String name) {
	}

	/** Whether the caller reads some ledger of this kind at all. */
	public boolean readable(Kind kind) {
		return access.readsAny(kind.headTeachersRead(), kind != Kind.JOINT_MEETING);
	}

	/** Whether the caller reads the whole school's ledgers (not only a class's). */
	public boolean readsSchool(long schoolId) {
		return access.readsSchool(schoolId);
	}

	/** The schools whose ledgers the caller reads (their own; the district's or city's for officers), by name. */
	public List<SchoolOption> readableSchools() {
		return jdbc.sql("""
				select s.id, s.name from school s join district d on d.id = s.district_id
				 where exists (select 1 from post p where p.user_id = :me
				   and ((p.role in (:readers) and p.school_id = s.id)
				     or (p.role = 'DISTRICT_OFFICER' and p.district_id = s.district_id)
				     or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id)))
				 order by s.name, s.id limit 2000""")
			.param("me", access.caller().id()).param("readers", RecordAccess.SCHOOL_READERS)
			.query((rs, i) -> new SchoolOption(rs.getLong(1), rs.getString(2))).list();
	}

	/** Refuses a filter naming a place the caller may not read, or a caller who reads no ledger of the kind. */
	public void checkReadable(Kind kind, Filter filter) {
		if (!access.readsAny(kind.headTeachersRead(), kind != Kind.JOINT_MEETING)) {
			throw access.forbidden();
		}
		if (filter.classId() != null && !access.readsClass(filter.classId(), kind.headTeachersRead())) {
			throw access.forbidden();
		}
		if (filter.schoolId() != null && !access.readsSchool(filter.schoolId())) {
			throw access.forbidden();
		}
		if (filter.districtId() != null && !access.readsDistrict(filter.districtId())) {
			throw access.forbidden();
		}
		if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
			throw access.field("to", "records.v.range");
		}
	}

	/** A page of the ledger, audited (no student data, but who looked at which ledger is kept). */
	@Transactional
	public Page<?> read(Kind kind, Filter f, int page, int size) {
		checkReadable(kind, f);
		Page<?> result = page(kind, f, page, size);
		audit.record("RECORDS_READ", "records/" + kind.name(), null, describe(f) + " page " + page);
		return result;
	}

	Page<?> page(Kind kind, Filter f, int page, int size) {
		return switch (kind) {
			case LESSON -> lessons(f, null, page, size);
			case ACTIVITY -> activities(f, null, page, size);
			case PARENT_SESSION -> parentSessions(f, null, page, size);
			case TRAINING -> trainings(f, null, page, size);
			case JOINT_MEETING -> jointMeetings(f, null, page, size);
		};
	}

	static String describe(Filter f) {
		return "school " + f.schoolId() + " class " + f.classId() + " district " + f.districtId() + " " + f.from()
				+ ".." + f.to();
	}

	Page<Lesson> lessons(Filter f, Long onlyId, int page, int size) {
		String where = RecordAccess.schoolReadable(true) + common(f, "r.given_on", true, onlyId);
		return page("""
				select r.id, r.school_id, r.class_id, g.name || c.name as class_name, r.given_on, r.periods, r.topic,
				       r.teacher_user_id, u.display_name
				  from psych_lesson r join school_class c on c.id = r.class_id join grade g on g.id = c.grade_id
				  join app_user u on u.id = r.teacher_user_id
				 where""" + " " + where + " order by r.given_on desc, r.id desc",
				"select 1 from psych_lesson r where " + where, f, page, size,
				(rs, i) -> new Lesson(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getString(7), rs.getLong(8), rs.getString(9)));
	}

	Page<Activity> activities(Filter f, Long onlyId, int page, int size) {
		String where = RecordAccess.schoolReadable(false) + common(f, "r.held_on", false, onlyId)
				+ (f.classId() == null ? ""
						: " and exists (select 1 from theme_activity_class ac where ac.activity_id = r.id and ac.class_id = :class)");
		return page("""
				select r.id, r.school_id, r.kind, r.title, r.held_on, r.organiser,
				       array(select ac.class_id from theme_activity_class ac where ac.activity_id = r.id order by 1)
				  from theme_activity r
				 where""" + " " + where + " order by r.held_on desc, r.id desc",
				"select 1 from theme_activity r where " + where, f, page, size,
				(rs, i) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getString(6), longs(rs.getArray(7))));
	}

	Page<ParentSession> parentSessions(Filter f, Long onlyId, int page, int size) {
		String where = RecordAccess.schoolReadable(true) + common(f, "r.held_on", true, onlyId);
		return page("""
				select r.id, r.school_id, r.class_id, g.name || c.name, r.held_on, r.topic, r.head_teacher_user_id,
				       u.display_name, r.families_attended
				  from parent_session r join school_class c on c.id = r.class_id join grade g on g.id = c.grade_id
				  join app_user u on u.id = r.head_teacher_user_id
				 where""" + " " + where + " order by r.held_on desc, r.id desc",
				"select 1 from parent_session r where " + where, f, page, size,
				(rs, i) -> new ParentSession(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getInt(9)));
	}

	Page<Training> trainings(Filter f, Long onlyId, int page, int size) {
		// a school's training reads as the school's records; the district's also by the readers of its schools,
		// whose staff attend it and whose hours count for them (ADR 0031)
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
				 where""" + " " + where + " order by r.held_on desc, r.id desc",
				"select 1 from staff_training r where " + where, f, page, size,
				(rs, i) -> new Training(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
						rs.getString(5), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7), longs(rs.getArray(8))));
	}

	Page<JointMeeting> jointMeetings(Filter f, Long onlyId, int page, int size) {
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
				 where""" + " " + where + " order by r.held_on desc, r.id desc",
				"select 1 from joint_meeting r where " + where, f, page, size,
				(rs, i) -> new JointMeeting(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
						Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6)));
	}

	/** The name of the place a ledger is of, for the first rows of an export: class, school, district, or the caller's. */
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

	private <T> Page<T> page(String select, String count, Filter f, int page, int size, RowMapper<T> mapper) {
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

	/** Only the filters given go into the SQL (an optional "(:x is null or …)" misleads the generic plan). */
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

	private static List<Long> longs(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		List<Long> list = new ArrayList<>(values.length);
		for (Object v : values) {
			list.add(((Number) v).longValue());
		}
		return list;
	}
}
