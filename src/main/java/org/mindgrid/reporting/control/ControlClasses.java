package org.mindgrid.reporting.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.FieldProblems;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three control classes of regions and schools (三大分类管控, measure 17, ADR 0034). The city's officers assign a
 * district or a school its class with a reason; a new assignment ends the one before. Beside each, the class the
 * rules suggest from the last twelve months' crisis events and this month's red indicators, stricter for urban,
 * junior secondary and private schools as the seed asks. The district's officers read their district's and its
 * schools'; the city's officers their city's. Checked in SQL; reads and writes are audited.
 */
@Service
public class ControlClasses {

	public enum ControlClass {
		KEY, WATCH, ROUTINE
	}

	/** A class in force: who set it, when and why. */
	public record Assignment(ControlClass controlClass, String reason, String assignedBy, Instant assignedAt) {
	}

	/** Why the rules suggest a class: a message key of the bundle and its arguments. */
	public record Why(String key, List<Object> args) {
	}

	public record Suggestion(ControlClass controlClass, List<Why> reasons) {
	}

	/** What the rules read of a district or school. */
	public record Signals(long events, long severe, long red, boolean stricter) {
	}

	/** What an assignment is for: the city, the district (of the school), and the name to show. */
	public record Target(long cityId, long districtId, Long schoolId, String name) {
	}

	public static final int MAX_REASON = 2000;

	private static final String CITY_OFFICER = """
			exists (select 1 from post p where p.user_id = :me and p.role = 'CITY_OFFICER' and p.city_id = :c)""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final FieldProblems problems;

	private final Clock clock;

	ControlClasses(JdbcClient jdbc, CurrentUsers users, AuditLog audit, FieldProblems problems, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.problems = problems;
		this.clock = clock;
	}

	/**
	 * The rules: KEY after a suicide or an attempt, or three events in twelve months, or many red indicators; WATCH
	 * after any event or several red indicators (fewer for the schools the seed names for closer supervision);
	 * else ROUTINE. The thresholds count the school-level indicators a dashboard shows.
	 */
	public static Suggestion suggest(Signals s) {
		List<Why> why = new ArrayList<>();
		if (s.severe() > 0) {
			why.add(new Why("control.why.severe", List.of(s.severe())));
		}
		if (s.events() >= 3) {
			why.add(new Why("control.why.events", List.of(s.events())));
		}
		if (s.red() >= 10) {
			why.add(new Why("control.why.red", List.of(s.red())));
		}
		if (!why.isEmpty()) {
			return new Suggestion(ControlClass.KEY, why);
		}
		if (s.events() > 0) {
			why.add(new Why("control.why.events", List.of(s.events())));
		}
		long watchRed = s.stricter() ? 3 : 6;
		if (s.red() >= watchRed) {
			why.add(new Why(s.stricter() ? "control.why.red-stricter" : "control.why.red", List.of(s.red())));
		}
		if (!why.isEmpty()) {
			return new Suggestion(ControlClass.WATCH, why);
		}
		return new Suggestion(ControlClass.ROUTINE, List.of(new Why("control.why.none", List.of())));
	}

	@Transactional
	public Assignment assign(Long districtId, Long schoolId, ControlClass controlClass, String reason) {
		if ((districtId == null) == (schoolId == null)) {
			throw problems.field("districtId", "control.problem.target");
		}
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty() || text.length() > MAX_REASON) {
			throw problems.field("reason", "control.problem.reason", MAX_REASON);
		}
		Long city = districtId != null
				? jdbc.sql("select city_id from district where id = :d").param("d", districtId).query(Long.class).optional().orElse(null)
				: jdbc.sql("select d.city_id from school s join district d on d.id = s.district_id where s.id = :s")
					.param("s", schoolId).query(Long.class).optional().orElse(null);
		long me = users.current().id();
		boolean officer = city != null && jdbc.sql("select " + CITY_OFFICER).param("me", me).param("c", city)
			.query(Boolean.class).single();
		if (!officer) {
			// an unknown district or school gets the same answer as another city's
			throw ApiProblem.forbidden("control.problem.forbidden");
		}
		Instant now = clock.instant();
		String column = districtId != null ? "district_id" : "school_id";
		long target = districtId != null ? districtId : schoolId;
		jdbc.sql("update control_class set ended_at = :now where " + column + " = :t and ended_at is null")
			.param("now", Timestamp.from(now)).param("t", target).update();
		jdbc.sql("insert into control_class (city_id, " + column + ", control_class, reason, assigned_by, assigned_at) "
				+ "values (:c, :t, :k, :r, :me, :now)")
			.param("c", city).param("t", target).param("k", controlClass.name()).param("r", text).param("me", me)
			.param("now", Timestamp.from(now)).update();
		audit.record("CONTROL_CLASS_ASSIGN", (districtId != null ? "district/" : "school/") + target + "/control-class",
				null, controlClass.name());
		return new Assignment(controlClass, text, users.current().displayName(), now);
	}

	/** The classes in force for a city's districts: district id → assignment. */
	@Transactional
	public Map<Long, Assignment> ofDistricts(long cityId) {
		requireReader(cityId, null);
		Map<Long, Assignment> map = new HashMap<>();
		jdbc.sql("""
				select k.district_id, k.control_class, k.reason, u.display_name, k.assigned_at
				  from control_class k join app_user u on u.id = k.assigned_by
				 where k.city_id = :c and k.district_id is not null and k.ended_at is null""")
			.param("c", cityId)
			.query((rs, i) -> map.put(rs.getLong(1), new Assignment(ControlClass.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant())))
			.list();
		audit.record("CONTROL_CLASSES_READ", "city/" + cityId + "/control-classes", null, null);
		return map;
	}

	/** The classes in force for a district's schools, and the district's own (key 0). */
	@Transactional
	public Map<Long, Assignment> ofSchools(long districtId) {
		long city = jdbc.sql("select city_id from district where id = :d").param("d", districtId).query(Long.class)
			.optional().orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		requireReader(city, districtId);
		Map<Long, Assignment> map = new HashMap<>();
		jdbc.sql("""
				select coalesce(k.school_id, 0), k.control_class, k.reason, u.display_name, k.assigned_at
				  from control_class k join app_user u on u.id = k.assigned_by
				 where k.ended_at is null
				   and (k.school_id in (select id from school where district_id = :d) or k.district_id = :d)""")
			.param("d", districtId)
			.query((rs, i) -> map.put(rs.getLong(1), new Assignment(ControlClass.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant())))
			.list();
		audit.record("CONTROL_CLASSES_READ", "district/" + districtId + "/control-classes", null, null);
		return map;
	}

	/** Crisis events of the last twelve months per district of a city: id → {events, severe}. */
	@Transactional(readOnly = true)
	public Map<Long, long[]> districtEvents(long cityId) {
		return events("e.city_id = :id", "e.district_id", cityId);
	}

	/** Crisis events of the last twelve months per school of a district: id → {events, severe}. */
	@Transactional(readOnly = true)
	public Map<Long, long[]> schoolEvents(long districtId) {
		return events("e.district_id = :id", "e.school_id", districtId);
	}

	/** A district or school the caller may class (the city's officers); 403 for anything else, unknown ids too. */
	@Transactional(readOnly = true)
	public Target target(Long districtId, Long schoolId) {
		Target t = null;
		if (districtId != null && schoolId == null) {
			t = jdbc.sql("select city_id, id, name from district where id = :d").param("d", districtId)
				.query((rs, i) -> new Target(rs.getLong(1), rs.getLong(2), null, rs.getString(3))).optional().orElse(null);
		}
		else if (schoolId != null && districtId == null) {
			t = jdbc.sql("select d.city_id, d.id, s.id, s.name from school s join district d on d.id = s.district_id where s.id = :s")
				.param("s", schoolId)
				.query((rs, i) -> new Target(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).optional()
				.orElse(null);
		}
		if (t == null || !isCityOfficer(t.cityId())) {
			throw ApiProblem.forbidden("control.problem.forbidden");
		}
		return t;
	}

	public boolean isCityOfficerOfDistrict(long districtId) {
		return jdbc.sql("select exists (select 1 from post p join district d on d.city_id = p.city_id "
				+ "where p.user_id = :me and p.role = 'CITY_OFFICER' and d.id = :d)")
			.param("me", users.current().id()).param("d", districtId).query(Boolean.class).single();
	}

	public boolean isCityOfficer(long cityId) {
		return jdbc.sql("select " + CITY_OFFICER).param("me", users.current().id()).param("c", cityId)
			.query(Boolean.class).single();
	}

	private Map<Long, long[]> events(String where, String key, long id) {
		Map<Long, long[]> map = new HashMap<>();
		jdbc.sql("select " + key + ", count(*), count(*) filter (where e.kind in ('SUICIDE', 'SUICIDE_ATTEMPT')) "
				+ "from crisis_event e where " + where + " and e.raised_at >= :since group by " + key)
			.param("id", id).param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(365))))
			.query((rs, i) -> map.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		return map;
	}

	private void requireReader(long cityId, Long districtId) {
		boolean reader = jdbc.sql("select " + CITY_OFFICER + " or exists (select 1 from post p where p.user_id = :me "
				+ "and p.role = 'DISTRICT_OFFICER' and p.district_id = cast(:d as bigint))")
			.param("me", users.current().id()).param("c", cityId).param("d", districtId).query(Boolean.class).single();
		if (!reader) {
			throw ApiProblem.forbidden("control.problem.forbidden-read");
		}
	}
}
