package org.mindgrid.reporting.indicator;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The warning database by category over time (issue 12 point 7): for each month's end, the cases in the database
 * and open then, by their category now. Bureau readers get counts of 1–4 as null (the chart leaves a gap), as on
 * every bureau view.
 */
public record CategoryTrend(List<String> periods, List<List<Long>> categories) {

	/**
	 * @param cases the cases to count, as SQL over {@code c} (warning_case) with the parameter {@code :id}
	 */
	static CategoryTrend of(JdbcClient jdbc, String cases, long id, YearMonth last, int months, ZoneId zone,
			boolean suppress) {
		List<String> periods = new ArrayList<>();
		for (int i = months - 1; i >= 0; i--) {
			periods.add(last.minusMonths(i).toString());
		}
		Map<String, long[]> counts = new HashMap<>();
		jdbc.sql("""
				select to_char(m, 'YYYY-MM'),
				       count(c.id) filter (where c.category = 1), count(c.id) filter (where c.category = 2),
				       count(c.id) filter (where c.category = 3)
				  from generate_series(cast(:first as timestamp), cast(:last as timestamp), interval '1 month') m
				  left join warning_case c on c.in_database and """ + " " + cases + """

				   and c.opened_at < ((m + interval '1 month') at time zone :zone)
				   and (c.ended_at is null or c.ended_at >= ((m + interval '1 month') at time zone :zone))
				 group by m order by m""")
			.param("first", last.minusMonths(months - 1L).atDay(1).atStartOfDay())
			.param("last", last.atDay(1).atStartOfDay()).param("zone", zone.getId()).param("id", id)
			.query((rs, i) -> counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }))
			.list();
		List<List<Long>> categories = new ArrayList<>();
		for (int k = 0; k < 3; k++) {
			List<Long> series = new ArrayList<>();
			for (String p : periods) {
				long n = counts.getOrDefault(p, new long[3])[k];
				series.add(suppress && n > 0 && n < 5 ? null : n);
			}
			categories.add(series);
		}
		return new CategoryTrend(periods, categories);
	}
}
