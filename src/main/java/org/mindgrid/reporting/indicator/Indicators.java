package org.mindgrid.reporting.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of a school, a district or a city for a month, from the stored values (computed on first read of
 * a district's month, then by the hourly job). Who reads: a school's leaders, administrators, psychology teachers
 * and crisis team their school; a district officer the district and its schools; a city officer the city, its
 * districts and schools. Checked in SQL against the caller's posts; every read is audited.
 */
@Service
public class Indicators {

	public enum Level {
		SCHOOL, DISTRICT, CITY
	}

	/** One indicator's value (percent of units meeting the rule, null when none or suppressed) against its target. */
	public record Item(String indicator, String name, String rule, BigDecimal value, BigDecimal target,
			IndicatorStatus status) {
	}

	public record Report(Level level, long id, String period, List<Item> items) {
	}

	public record SchoolRow(long schoolId, String school, String stage, String ownership, String locale,
			List<Item> indicators) {
	}

	public record DistrictTable(long districtId, String period, List<SchoolRow> items) {
	}

	public record DistrictRow(long districtId, String district, List<Item> indicators) {
	}

	public record CityTable(long cityId, String period, List<DistrictRow> items) {
	}

	/** One indicator's value per month (null: nothing counted, not computed, or fewer than five students). */
	public record Series(String indicator, String name, List<BigDecimal> values) {
	}

	/** The trend of a place's indicators over the months up to one (oldest first). */
	public record Trend(List<String> periods, List<Series> series) {
	}

	/** An indicator's units in a school that miss the rule. */
	public record Missed(IndicatorDefinition.Unit unit, List<IndicatorStore.Unit> units) {
	}

	private static final String SCHOOL_ROLES = "'SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM'";

	private final JdbcClient jdbc;

	private final IndicatorCatalog catalog;

	private final IndicatorStore store;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	Indicators(JdbcClient jdbc, IndicatorCatalog catalog, IndicatorStore store, CurrentUsers users, AuditLog audit,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.store = store;
		this.users = users;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The current month in the schools' zone. */
	public YearMonth currentMonth() {
		return YearMonth.now(clock);
	}

	@Transactional(readOnly = true)
	public Report report(Level level, long id, YearMonth month, Locale locale) {
		CurrentUser user = users.current();
		Place place = place(level, id, user.id());
		List<Long> districts = districtsOf(place);
		ensureComputed(districts, month);
		Map<String, long[]> counts = switch (level) {
			case SCHOOL -> counts("v.school_id = :id", id, month);
			case DISTRICT -> counts("v.district_id = :id", id, month);
			case CITY -> counts("v.district_id in (select d.id from district d where d.city_id = :id)", id, month);
		};
		Tuning tuning = level == Level.CITY ? Tuning.DEFAULTS : tuning(place.districtId());
		boolean suppress = !place.ownStaff();
		List<Item> items = new ArrayList<>();
		for (IndicatorDefinition d : catalog.all()) {
			if (level == Level.SCHOOL && d.districtOwn()) {
				continue;
			}
			items.add(item(d, counts.get(d.id()), tuning, suppress, locale));
		}
		audit.record("INDICATORS_READ", "indicators/" + level.name().toLowerCase(Locale.ROOT) + "/" + id + "/" + month,
				null, null);
		return new Report(level, id, month.toString(), items);
	}

	/** The district's schools × indicators (no names of people; shares of fewer than five students suppressed). */
	@Transactional(readOnly = true)
	public DistrictTable districtSchools(long districtId, YearMonth month, Locale locale) {
		CurrentUser user = users.current();
		place(Level.DISTRICT, districtId, user.id());
		ensureComputed(List.of(districtId), month);
		Map<Long, Map<String, long[]>> bySchool = new HashMap<>();
		jdbc.sql("select school_id, indicator_id, met, units from indicator_value "
				+ "where district_id = :d and period = :p and school_id is not null")
			.param("d", districtId).param("p", month.toString())
			.query((rs, i) -> bySchool.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
				.put(rs.getString(2), new long[] { rs.getLong(3), rs.getLong(4) }))
			.list();
		Tuning tuning = tuning(districtId);
		List<SchoolRow> rows = jdbc.sql("select id, name, stage, ownership, locale from school where district_id = :d order by name, id")
			.param("d", districtId)
			.query((rs, i) -> {
				Map<String, long[]> counts = bySchool.getOrDefault(rs.getLong(1), Map.of());
				List<Item> items = new ArrayList<>();
				for (IndicatorDefinition d : catalog.all()) {
					if (!d.districtOwn()) {
						items.add(item(d, counts.get(d.id()), tuning, true, locale));
					}
				}
				return new SchoolRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						items);
			})
			.list();
		audit.record("INDICATORS_READ", "indicators/district/" + districtId + "/schools/" + month, null, null);
		return new DistrictTable(districtId, month.toString(), rows);
	}

	/** The city's districts × indicators (each district's schools pooled with its own units). */
	@Transactional(readOnly = true)
	public CityTable cityDistricts(long cityId, YearMonth month, Locale locale) {
		CurrentUser user = users.current();
		Place place = place(Level.CITY, cityId, user.id());
		ensureComputed(districtsOf(place), month);
		Map<Long, Map<String, long[]>> byDistrict = new HashMap<>();
		jdbc.sql("select v.district_id, v.indicator_id, sum(v.met), sum(v.units) from indicator_value v "
				+ "where v.district_id in (select d.id from district d where d.city_id = :c) and v.period = :p "
				+ "group by v.district_id, v.indicator_id")
			.param("c", cityId).param("p", month.toString())
			.query((rs, i) -> byDistrict.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
				.put(rs.getString(2), new long[] { rs.getLong(3), rs.getLong(4) }))
			.list();
		List<DistrictRow> rows = jdbc.sql("select id, name from district where city_id = :c order by name, id")
			.param("c", cityId)
			.query((rs, i) -> {
				Map<String, long[]> counts = byDistrict.getOrDefault(rs.getLong(1), Map.of());
				List<Item> items = new ArrayList<>();
				for (IndicatorDefinition d : catalog.all()) {
					items.add(item(d, counts.get(d.id()), Tuning.DEFAULTS, true, locale));
				}
				return new DistrictRow(rs.getLong(1), rs.getString(2), items);
			})
			.list();
		audit.record("INDICATORS_READ", "indicators/city/" + cityId + "/districts/" + month, null, null);
		return new CityTable(cityId, month.toString(), rows);
	}

	/**
	 * The trend of a school's, district's or city's indicators over {@code months} months up to {@code last}, from
	 * the stored values only (months never computed show as gaps: history is not recomputed on a read). Readers as
	 * for {@link #report}.
	 */
	@Transactional(readOnly = true)
	public Trend trend(Level level, long id, YearMonth last, int months, Locale locale) {
		CurrentUser user = users.current();
		Place place = place(level, id, user.id());
		List<String> periods = new ArrayList<>();
		for (int i = months - 1; i >= 0; i--) {
			periods.add(last.minusMonths(i).toString());
		}
		String where = switch (level) {
			case SCHOOL -> "v.school_id = :id";
			case DISTRICT -> "v.district_id = :id";
			case CITY -> "v.district_id in (select d.id from district d where d.city_id = :id)";
		};
		Map<String, Map<String, long[]>> byIndicator = new HashMap<>();
		jdbc.sql("select v.indicator_id, v.period, sum(v.met), sum(v.units) from indicator_value v where " + where
				+ " and v.period in (:p) group by v.indicator_id, v.period")
			.param("id", id).param("p", periods)
			.query((rs, i) -> byIndicator.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
				.put(rs.getString(2), new long[] { rs.getLong(3), rs.getLong(4) }))
			.list();
		Tuning tuning = level == Level.CITY ? Tuning.DEFAULTS : tuning(place.districtId());
		List<Series> series = new ArrayList<>();
		for (IndicatorDefinition d : catalog.all()) {
			if (level == Level.SCHOOL && d.districtOwn()) {
				continue;
			}
			Map<String, long[]> counts = byIndicator.getOrDefault(d.id(), Map.of());
			List<BigDecimal> values = new ArrayList<>();
			String name = null;
			for (String p : periods) {
				Item item = item(d, counts.get(p), tuning, !place.ownStaff(), locale);
				values.add(item.value());
				name = item.name();
			}
			series.add(new Series(d.id(), name, values));
		}
		audit.record("INDICATORS_READ", "indicators/" + level.name().toLowerCase(Locale.ROOT) + "/" + id + "/trend/"
				+ periods.get(0) + ".." + last, null, null);
		return new Trend(periods, series);
	}

	/**
	 * The units of a school that miss their rule, per indicator with classes or people as units (which class is
	 * below 2 lessons this month, which mentor has not visited): for the school's own staff only.
	 */
	@Transactional(readOnly = true)
	public Map<String, Missed> missed(long schoolId, YearMonth month) {
		CurrentUser user = users.current();
		Place place = place(Level.SCHOOL, schoolId, user.id());
		if (!place.ownStaff()) {
			throw ApiProblem.forbidden("indicator.problem.forbidden");
		}
		Map<String, Missed> missed = new LinkedHashMap<>();
		for (IndicatorDefinition d : catalog.all()) {
			if (d.unit() == IndicatorDefinition.Unit.CLASS || d.unit() == IndicatorDefinition.Unit.MENTOR
					|| d.unit() == IndicatorDefinition.Unit.STAFF || d.unit() == IndicatorDefinition.Unit.STUDENT) {
				List<IndicatorStore.Unit> units = store.units(d, place.districtId(), schoolId, month).stream()
					.filter(u -> !u.met())
					.toList();
				if (!units.isEmpty()) {
					missed.put(d.id(), new Missed(d.unit(), units));
				}
			}
		}
		return missed;
	}

	private Item item(IndicatorDefinition d, long[] count, Tuning tuning, boolean suppress, Locale locale) {
		BigDecimal target = tuning.target(d);
		BigDecimal threshold = tuning.threshold(d);
		String name = messages.getMessage("indicator." + d.id() + ".name", null, d.id(), locale);
		String rule = messages.getMessage("indicator." + d.id() + ".rule",
				new Object[] { threshold == null ? "" : threshold.stripTrailingZeros().toPlainString() }, d.id(), locale);
		if (count == null || count[1] == 0) {
			return new Item(d.id(), name, rule, null, target, IndicatorStatus.NONE);
		}
		if (suppress && d.unit().isPeople() && count[1] < 5) {
			return new Item(d.id(), name, rule, null, target, IndicatorStatus.SUPPRESSED);
		}
		// rounded down to a tenth: 99.96 % is not yet 100 %
		BigDecimal value = BigDecimal.valueOf(count[0] * 1000 / count[1], 1);
		return new Item(d.id(), name, rule, value, target, IndicatorStatus.of(value, target));
	}

	/** A district's own thresholds and targets over the definitions' (none for the city level). */
	private record Tuning(Map<String, BigDecimal> thresholds, Map<String, BigDecimal> targets) {

		static final Tuning DEFAULTS = new Tuning(Map.of(), Map.of());

		BigDecimal target(IndicatorDefinition d) {
			return targets.getOrDefault(d.id(), d.target());
		}

		BigDecimal threshold(IndicatorDefinition d) {
			return thresholds.getOrDefault(d.id(), d.threshold());
		}
	}

	private Tuning tuning(Long districtId) {
		return districtId == null ? Tuning.DEFAULTS : new Tuning(store.thresholds(districtId), targets(districtId));
	}

	private Map<String, long[]> counts(String where, long id, YearMonth month) {
		Map<String, long[]> map = new LinkedHashMap<>();
		jdbc.sql("select v.indicator_id, sum(v.met), sum(v.units) from indicator_value v where " + where
				+ " and v.period = :p group by v.indicator_id")
			.param("id", id).param("p", month.toString())
			.query((rs, i) -> map.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		return map;
	}

	private Map<String, BigDecimal> targets(Long districtId) {
		Map<String, BigDecimal> map = new HashMap<>();
		if (districtId != null) {
			jdbc.sql("select indicator_id, target from indicator_setting where district_id = :d and target is not null")
				.param("d", districtId)
				.query((rs, i) -> map.put(rs.getString(1), rs.getBigDecimal(2)))
				.list();
		}
		return map;
	}

	private void ensureComputed(List<Long> districts, YearMonth month) {
		for (long d : districts) {
			boolean computed = jdbc.sql("select exists (select 1 from indicator_refresh where district_id = :d and period = :p)")
				.param("d", d).param("p", month.toString()).query(Boolean.class).single();
			if (!computed) {
				store.refresh(d, month, null);
			}
		}
	}

	private List<Long> districtsOf(Place place) {
		if (place.level() == Level.CITY) {
			return jdbc.sql("select id from district where city_id = :c order by id").param("c", place.id())
				.query(Long.class).list();
		}
		return List.of(place.districtId());
	}

	/** A place and whether the caller may read it (403) or it exists (404); ownStaff: the school's own staff. */
	private record Place(Level level, long id, Long districtId, boolean ownStaff) {
	}

	private Place place(Level level, long id, long me) {
		String sql = switch (level) {
			case SCHOOL -> "select s.district_id,"
					+ " exists (select 1 from post p where p.user_id = :me and ((p.role in (" + SCHOOL_ROLES + ") and p.school_id = s.id)"
					+ "   or (p.role = 'DISTRICT_OFFICER' and p.district_id = s.district_id)"
					+ "   or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id))),"
					+ " exists (select 1 from post p where p.user_id = :me and p.role in (" + SCHOOL_ROLES + ") and p.school_id = s.id)"
					+ " from school s join district d on d.id = s.district_id where s.id = :id";
			case DISTRICT -> "select d.id,"
					+ " exists (select 1 from post p where p.user_id = :me and ((p.role = 'DISTRICT_OFFICER' and p.district_id = d.id)"
					+ "   or (p.role = 'CITY_OFFICER' and p.city_id = d.city_id))), false"
					+ " from district d where d.id = :id";
			case CITY -> "select null::bigint,"
					+ " exists (select 1 from post p where p.user_id = :me and p.role = 'CITY_OFFICER' and p.city_id = c.id), false"
					+ " from city c where c.id = :id";
		};
		record Found(Place place, boolean allowed) {
		}
		Found found = jdbc.sql(sql).param("me", me).param("id", id)
			.query((rs, i) -> new Found(new Place(level, id, (Long) rs.getObject(1), rs.getBoolean(3)), rs.getBoolean(2)))
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("problem.not-found"));
		if (!found.allowed()) {
			throw ApiProblem.forbidden("indicator.problem.forbidden");
		}
		return found.place();
	}
}
