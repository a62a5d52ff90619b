package org.mindgrid.reporting.indicator;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a school dashboard shows beside the indicators: the warning database by category and state, overdue duties
 * by person, and the names its breakdown needs (classes, staff). Counts only; callers have checked the reader is
 * the school's own staff ({@link Indicators#missed}).
 */
@Component
public class SchoolFacts {

	public record Place(long id, String name, long districtId, String district, long cityId) {
	}

	public record CaseCount(Integer category, String state, long count) {
	}

	public record Overdue(String person, long count) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	SchoolFacts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Place school(long schoolId) {
		return jdbc.sql("""
				select s.id, s.name, d.id, d.name, d.city_id from school s join district d on d.id = s.district_id
				 where s.id = :s""")
			.param("s", schoolId)
			.query((rs, i) -> new Place(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)))
			.single();
	}

	@Transactional(readOnly = true)
	public String districtName(long districtId) {
		return jdbc.sql("select name from district where id = :d").param("d", districtId).query(String.class).single();
	}

	@Transactional(readOnly = true)
	public String cityName(long cityId) {
		return jdbc.sql("select name from city where id = :c").param("c", cityId).query(String.class).single();
	}

	/** Open cases of the school by category (null: not set yet) and state. */
	@Transactional(readOnly = true)
	public List<CaseCount> openCases(long schoolId) {
		return jdbc.sql("""
				select category, state, count(*) from warning_case where school_id = :s and ended_at is null
				 group by category, state order by category nulls first, state""")
			.param("s", schoolId)
			.query((rs, i) -> new CaseCount((Integer) rs.getObject(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** The school's warning database by category at each month's end (the school's own staff: exact counts). */
	@Transactional(readOnly = true)
	public CategoryTrend categoryTrend(long schoolId, java.time.YearMonth last, int months) {
		return CategoryTrend.of(jdbc, "c.school_id = :id", schoolId, last, months, clock.getZone(), false);
	}

	/** Open duties past their deadline, by assignee, most first. */
	@Transactional(readOnly = true)
	public List<Overdue> overdueByPerson(long schoolId) {
		return jdbc.sql("""
				select u.display_name, count(*) from duty d join app_user u on u.id = d.assignee_user_id
				 where d.school_id = :s and d.status = 'OPEN' and d.due_at < :now
				 group by u.id, u.display_name order by count(*) desc, u.display_name limit 20""")
			.param("s", schoolId).param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.query((rs, i) -> new Overdue(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** The school's classes: id → "七年级1班". */
	@Transactional(readOnly = true)
	public Map<Long, String> classNames(long schoolId) {
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select c.id, g.name || c.name from school_class c join grade g on g.id = c.grade_id where c.school_id = :s")
			.param("s", schoolId)
			.query((rs, i) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

	/** The school's staff: user id → display name. */
	@Transactional(readOnly = true)
	public Map<Long, String> staffNames(long schoolId) {
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select distinct u.id, u.display_name from post p join app_user u on u.id = p.user_id where p.school_id = :s")
			.param("s", schoolId)
			.query((rs, i) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}
}
