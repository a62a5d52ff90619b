package org.mindgrid.screening.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mindgrid.warning.SourcePart;
import org.mindgrid.warning.SourceTexts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A screening result as a warning report's source: the scale, its total and band, the flags (codes, words at display). */
@Component
class ScreeningTexts implements SourceTexts {

	private final JdbcClient jdbc;

	ScreeningTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(ResultRecorder.SOURCE_KIND);
	}

	@Override
	public Map<Long, List<SourcePart>> parts(String kind, Collection<Long> ids) {
		Map<Long, List<SourcePart>> parts = new LinkedHashMap<>();
		jdbc.sql("""
				select r.id, r.scale_id, r.total, r.band, r.flags, c.name
				  from screening_result r join screening_campaign c on c.id = r.campaign_id
				 where r.id = any(cast(:ids as bigint[]))""")
			.param("ids", ids.toArray(Long[]::new))
			.query(rs -> {
				List<SourcePart> list = new ArrayList<>();
				list.add(SourcePart.text("screening.source.campaign", rs.getString(6)));
				list.add(SourcePart.codes("screening.source.scale", List.of("screening.scale." + rs.getString(2))));
				double total = rs.getDouble(3);
				list.add(SourcePart.text("screening.source.total",
						total == Math.rint(total) ? String.valueOf((long) total) : String.format("%.2f", total)));
				if (rs.getString(4) != null) {
					list.add(SourcePart.codes("screening.source.band", List.of("screening.band." + rs.getString(4))));
				}
				List<String> critical = new ArrayList<>();
				boolean cutoff = false;
				for (String f : (String[]) rs.getArray(5).getArray()) {
					if (f.startsWith("CRITICAL:")) {
						critical.add(f.substring("CRITICAL:".length()));
					}
					else if ("CUTOFF".equals(f)) {
						cutoff = true;
					}
				}
				if (cutoff) {
					list.add(SourcePart.codes("screening.source.flags", List.of("screening.flag.CUTOFF")));
				}
				if (!critical.isEmpty()) {
					list.add(SourcePart.text("screening.source.critical", String.join(", ", critical)));
				}
				parts.put(rs.getLong(1), list);
			});
		return parts;
	}
}
