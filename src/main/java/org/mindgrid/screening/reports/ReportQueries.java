package org.mindgrid.screening.reports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.mindgrid.identity.StudentScope;
import org.mindgrid.screening.reports.ReportData.Campaign;
import org.mindgrid.screening.reports.ReportData.ClassCompletion;
import org.mindgrid.screening.reports.ReportData.ClassRef;
import org.mindgrid.screening.reports.ReportData.Completion;
import org.mindgrid.screening.reports.ReportData.Result;
import org.mindgrid.screening.reports.ReportData.Student;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL of the reports. Aggregates read {@code screening_result} without names; the one query of named
 * students ({@link #students}) carries {@link StudentScope#predicate}.
 */
@Repository
class ReportQueries {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CAMPAIGN = """
			select c.id, c.school_id, s.name, d.id, d.name, c.name, c.opens_at, c.closes_at
			  from screening_campaign c join school s on s.id = c.school_id join district d on d.id = s.district_id
			""";

	/** Per invitation: the scales due for the grade and the scales with a result. */
	private static final String COMPLETION = """
			select i.class_id, count(*) as invited,
			       count(*) filter (where i.consent) as consented,
			       count(*) filter (where i.consent = false) as refused,
			       count(*) filter (where i.consent and due.n > 0 and done.n >= due.n) as completed
			  from screening_invite i
			  cross join lateral (select count(*) as n from screening_campaign_scale cs
			                       where cs.campaign_id = i.campaign_id
			                         and i.grade_level between cs.grade_from and cs.grade_to) due
			  cross join lateral (select count(distinct r.scale_id) as n from screening_result r
			                       where r.campaign_id = i.campaign_id and r.student_id = i.student_id) done
			""";

	private final JdbcClient jdbc;

	ReportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Campaign> campaign(long id) {
		return jdbc.sql(CAMPAIGN + " where c.id = :id").param("id", id).query(ReportQueries::campaign).optional();
	}

	private static Campaign campaign(ResultSet rs, int i) throws SQLException {
		return new Campaign(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
	}

	/** The campaign's classes, by grade and name. */
	List<ClassRef> classes(long campaignId) {
		return jdbc.sql("""
				select sc.id, g.level, g.name, sc.name
				  from screening_campaign_class cc join school_class sc on sc.id = cc.class_id
				  join grade g on g.id = sc.grade_id
				 where cc.campaign_id = :c order by g.level, sc.name""")
			.param("c", campaignId)
			.query((rs, i) -> new ClassRef(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** Completion per class of the campaign (classes without invitations have none). */
	List<ClassCompletion> completion(long campaignId, List<ClassRef> classes) {
		Map<Long, Completion> byClass = new LinkedHashMap<>();
		jdbc.sql(COMPLETION + " where i.campaign_id = :c group by i.class_id")
			.param("c", campaignId)
			.query((rs, i) -> byClass.put(rs.getLong(1),
					new Completion(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
			.list();
		List<ClassCompletion> out = new ArrayList<>();
		for (ClassRef c : classes) {
			out.add(new ClassCompletion(c, byClass.getOrDefault(c.id(), Completion.NONE)));
		}
		return out;
	}

	/** Completion per school of campaigns opened in [from, to) at the given schools. */
	Map<Long, Completion> completionBySchool(Collection<Long> schoolIds, Instant from, Instant to) {
		Map<Long, Completion> out = new LinkedHashMap<>();
		if (schoolIds.isEmpty()) {
			return out;
		}
		jdbc.sql(COMPLETION.replace("select i.class_id,", "select i.school_id,") + """
				  join screening_campaign c on c.id = i.campaign_id
				 where i.school_id in (:schools) and c.opens_at >= :from and c.opens_at < :to
				 group by i.school_id""")
			.param("schools", schoolIds)
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query((rs, i) -> out.put(rs.getLong(1),
					new Completion(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
			.list();
		return out;
	}

	/** The scale ids of the campaign. */
	List<String> campaignScales(long campaignId) {
		return jdbc.sql("select scale_id from screening_campaign_scale where campaign_id = :c order by position, scale_id")
			.param("c", campaignId)
			.query(String.class)
			.list();
	}

	/** Every result of the campaign. */
	List<Result> results(long campaignId) {
		return jdbc.sql(RESULT + " where r.campaign_id = :c").param("c", campaignId).query(ReportQueries::result).list();
	}

	/** Results of these campaigns. */
	List<Result> results(Collection<Long> campaignIds) {
		if (campaignIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(RESULT + " where r.campaign_id in (:c)")
			.param("c", campaignIds)
			.query(ReportQueries::result)
			.list();
	}

	/** Results of campaigns opened in [from, to) at the given schools. */
	List<Result> resultsOfSchools(Collection<Long> schoolIds, Instant from, Instant to) {
		if (schoolIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(RESULT + """
				  join screening_campaign c on c.id = r.campaign_id
				 where r.school_id in (:schools) and c.opens_at >= :from and c.opens_at < :to""")
			.param("schools", schoolIds)
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query(ReportQueries::result)
			.list();
	}

	private static final String RESULT = """
			select r.student_id, r.class_id, r.school_id, r.scale_id, r.total, r.band, r.factors::text,
			       r.factor_bands::text, r.flags
			  from screening_result r
			""";

	private static Result result(ResultSet rs, int i) throws SQLException {
		Map<String, Double> factors = new LinkedHashMap<>();
		JsonNode f = JSON.readTree(rs.getString(7));
		f.properties().forEach(e -> {
			if (e.getValue().isNumber()) {
				factors.put(e.getKey(), e.getValue().asDouble());
			}
		});
		Map<String, String> bands = new LinkedHashMap<>();
		JsonNode b = JSON.readTree(rs.getString(8));
		b.properties().forEach(e -> {
			if (e.getValue().isString()) {
				bands.put(e.getKey(), e.getValue().asString());
			}
		});
		List<String> flags = new ArrayList<>();
		Array array = rs.getArray(9);
		if (array != null) {
			for (Object o : (Object[]) array.getArray()) {
				flags.add(String.valueOf(o));
			}
		}
		return new Result(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getDouble(5),
				rs.getString(6), factors, bands, flags);
	}

	/** Students invited in this class of the campaign (for last year's results of the same students). */
	List<Long> invitedStudents(long campaignId, long classId) {
		return jdbc.sql("select student_id from screening_invite where campaign_id = :c and class_id = :k")
			.param("c", campaignId)
			.param("k", classId)
			.query(Long.class)
			.list();
	}

	/**
	 * The named students with a result in the campaign (in one class, or all when {@code classId} is null) that
	 * the reader may read at archive level: the scope predicate decides.
	 */
	List<Student> students(long campaignId, Long classId, long userId) {
		return jdbc.sql("""
				select s.id, s.name, s.student_no, i.class_id
				  from screening_invite i join student s on s.id = i.student_id
				 where i.campaign_id = :c and (cast(:k as bigint) is null or i.class_id = :k)
				   and exists (select 1 from screening_result r where r.campaign_id = i.campaign_id
				                                             and r.student_id = i.student_id)
				   and""" + StudentScope.predicate("s") + """
				 order by i.class_id, s.student_no, s.id""")
			.param("c", campaignId)
			.param("k", classId)
			.param("scopeUserId", userId)
			.param("scopeLevel", StudentScope.ARCHIVE)
			.query((rs, i) -> new Student(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/**
	 * The window the district comparison uses: the school's semester in which the campaign opened, or 90 days
	 * either side of its opening when no semester holds it.
	 */
	Instant[] semesterWindow(Campaign c, java.time.ZoneId zone) {
		LocalDate opened = c.opensAt().atZone(zone).toLocalDate();
		return jdbc.sql("""
				select starts_on, ends_on from semester
				 where school_id = :s and starts_on <= :d and ends_on >= :d order by starts_on desc limit 1""")
			.param("s", c.schoolId())
			.param("d", opened)
			.query((rs, i) -> new Instant[] { rs.getDate(1).toLocalDate().atStartOfDay(zone).toInstant(),
					rs.getDate(2).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant() })
			.optional()
			.orElseGet(() -> new Instant[] { c.opensAt().minus(java.time.Duration.ofDays(90)),
					c.opensAt().plus(java.time.Duration.ofDays(90)) });
	}

	/** Campaigns of the district's schools opened in [from, to). */
	List<Long> districtCampaigns(long districtId, Instant from, Instant to) {
		return jdbc.sql("""
				select c.id from screening_campaign c join school s on s.id = c.school_id
				 where s.district_id = :d and c.opens_at >= :from and c.opens_at < :to""")
			.param("d", districtId)
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query(Long.class)
			.list();
	}

	/** The same school's campaign about a year earlier (opened 9 to 15 months before), the closest to a year. */
	Optional<Campaign> lastYear(Campaign c) {
		return jdbc.sql(CAMPAIGN + """
				 where c.school_id = :s and c.id <> :id
				   and c.opens_at between cast(:at as timestamptz) - interval '15 months'
				                      and cast(:at as timestamptz) - interval '9 months'
				 order by abs(extract(epoch from (c.opens_at - (cast(:at as timestamptz) - interval '1 year')))), c.id
				 limit 1""")
			.param("s", c.schoolId())
			.param("id", c.id())
			.param("at", java.sql.Timestamp.from(c.opensAt()))
			.query(ReportQueries::campaign)
			.optional();
	}

	/** Campaigns of a school the reader may open, newest first. */
	List<Campaign> campaignsOfSchool(long schoolId) {
		return jdbc.sql(CAMPAIGN + " where c.school_id = :s order by c.opens_at desc, c.id desc")
			.param("s", schoolId)
			.query(ReportQueries::campaign)
			.list();
	}

	/** Campaigns that include one of these classes, newest first. */
	List<Campaign> campaignsOfClasses(Collection<Long> classIds) {
		if (classIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CAMPAIGN + """
				 where exists (select 1 from screening_campaign_class cc where cc.campaign_id = c.id
				                                                        and cc.class_id in (:k))
				 order by c.opens_at desc, c.id desc""")
			.param("k", classIds)
			.query(ReportQueries::campaign)
			.list();
	}

	record Place(long id, String name) {
	}

	List<Place> schoolsOfDistrict(long districtId) {
		return jdbc.sql("select id, name from school where district_id = :d order by name, id")
			.param("d", districtId)
			.query((rs, i) -> new Place(rs.getLong(1), rs.getString(2)))
			.list();
	}

	List<Place> districtsOfCity(long cityId) {
		return jdbc.sql("select id, name from district where city_id = :c order by name, id")
			.param("c", cityId)
			.query((rs, i) -> new Place(rs.getLong(1), rs.getString(2)))
			.list();
	}

	Optional<Place> district(long id) {
		return jdbc.sql("select id, name from district where id = :d")
			.param("d", id)
			.query((rs, i) -> new Place(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	Optional<Long> cityOfDistrict(long districtId) {
		return jdbc.sql("select city_id from district where id = :d").param("d", districtId).query(Long.class).optional();
	}

	/** School id → district id, for the city's rows. */
	Map<Long, Long> schoolDistricts(long cityId) {
		Map<Long, Long> out = new LinkedHashMap<>();
		jdbc.sql("select s.id, s.district_id from school s join district d on d.id = s.district_id where d.city_id = :c")
			.param("c", cityId)
			.query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return out;
	}
}
