package org.mindgrid.reporting.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mindgrid.shared.db.JobLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a district's indicators for a month (each indicator's units, grouped by school: met and all) and keeps
 * them in {@code indicator_value}, replacing what was there, in one transaction under a lock of the district and
 * month: two instances, or the job and a first read, never compute one twice at once.
 */
@Component
public class IndicatorStore {

	private final JdbcClient jdbc;

	private final IndicatorCatalog catalog;

	private final Clock clock;

	IndicatorStore(JdbcClient jdbc, IndicatorCatalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Computes the district's month unless it was computed at or after {@code unlessSince} (null: always); answers
	 * whether it computed. Its own writing transaction, also when called from a read.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean refresh(long districtId, YearMonth month, Instant unlessSince) {
		String period = month.toString();
		jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", JobLock.key("indicators:" + districtId + ":" + period))
			.query((rs, i) -> 1).single();
		if (unlessSince != null) {
			var last = jdbc.sql("select computed_at from indicator_refresh where district_id = :d and period = :p")
				.param("d", districtId).param("p", period).query(OffsetDateTime.class).optional();
			if (last.isPresent() && !last.get().toInstant().isBefore(unlessSince)) {
				return false;
			}
		}
		// a city's largest district takes seconds per indicator: not a request's statement timeout
		jdbc.sql("set local statement_timeout = '10min'").update();
		Instant now = clock.instant();
		jdbc.sql("delete from indicator_value where district_id = :d and period = :p")
			.param("d", districtId).param("p", period).update();
		Map<String, BigDecimal> thresholds = thresholds(districtId);
		for (IndicatorDefinition d : catalog.all()) {
			Map<String, Object> params = params(d, districtId, month, thresholds.getOrDefault(d.id(), d.threshold()), now);
			params.put("id", d.id());
			params.put("period", period);
			jdbc.sql("insert into indicator_value (indicator_id, period, district_id, school_id, met, units, computed_at) "
					+ "select :id, :period, u.district_id, u.school_id, count(*) filter (where u.met), count(*), :now "
					+ "from (" + d.sql() + ") u group by u.district_id, u.school_id")
				.params(params)
				.update();
		}
		jdbc.sql("""
				insert into indicator_refresh (period, district_id, computed_at) values (:p, :d, :now)
				on conflict (period, district_id) do update set computed_at = excluded.computed_at""")
			.param("p", period).param("d", districtId).param("now", now.atOffset(java.time.ZoneOffset.UTC)).update();
		return true;
	}

	/** The units of one school for one indicator, for the school's breakdown (which class, which mentor). */
	@Transactional(readOnly = true)
	public List<Unit> units(IndicatorDefinition d, long districtId, long schoolId, YearMonth month) {
		Map<String, Object> params = params(d, districtId, month,
				thresholds(districtId).getOrDefault(d.id(), d.threshold()), clock.instant());
		params.put("school", schoolId);
		return jdbc.sql("select u.class_id, u.unit_id, u.met from (" + d.sql() + ") u where u.school_id = :school")
			.params(params)
			.query((rs, i) -> new Unit((Long) rs.getObject(1), rs.getLong(2), rs.getBoolean(3)))
			.list();
	}

	/** One unit of an indicator in a school: its class where it has one. */
	public record Unit(Long classId, long unitId, boolean met) {
	}

	/** The district's own thresholds (indicator_setting). */
	Map<String, BigDecimal> thresholds(long districtId) {
		Map<String, BigDecimal> map = new HashMap<>();
		jdbc.sql("select indicator_id, threshold from indicator_setting where district_id = :d and threshold is not null")
			.param("d", districtId)
			.query((rs, i) -> map.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return map;
	}

	private Map<String, Object> params(IndicatorDefinition d, long districtId, YearMonth month, BigDecimal threshold,
			Instant now) {
		ZoneId zone = clock.getZone();
		var from = d.period().from(month);
		var to = d.period().to(month);
		Map<String, Object> params = new HashMap<>();
		params.put("district", districtId);
		params.put("threshold", threshold);
		params.put("from", from);
		params.put("to", to);
		params.put("from_at", from.atStartOfDay(zone).toOffsetDateTime());
		params.put("to_at", to.atStartOfDay(zone).toOffsetDateTime());
		params.put("now", now.atOffset(java.time.ZoneOffset.UTC));
		return params;
	}
}
