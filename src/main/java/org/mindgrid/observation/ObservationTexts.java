package org.mindgrid.observation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mindgrid.warning.SourcePart;
import org.mindgrid.warning.SourceTexts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole of an observation or a concern report as labelled parts: signs and categories as codes, the observer's
 * or the committee member's words as typed (nothing is cut). Used by warning reports, the timeline and the
 * observation page; callers have checked archive access.
 */
@Component
class ObservationTexts implements SourceTexts {

	private final JdbcClient jdbc;

	ObservationTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("OBSERVATION", "CONCERN_REPORT");
	}

	@Override
	public Map<Long, List<SourcePart>> parts(String kind, Collection<Long> ids) {
		Map<Long, List<SourcePart>> parts = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return parts;
		}
		if ("OBSERVATION".equals(kind)) {
			jdbc.sql("""
					select id, signs, categories, category_other, other_clues, crisis_level, home_contact_done,
					       handling_advice, notes from observation where id in (:ids)""")
				.param("ids", ids)
				.query((rs, i) -> {
					parts.put(rs.getLong("id"), observation(rs));
					return null;
				})
				.list();
		}
		else if ("CONCERN_REPORT".equals(kind)) {
			jdbc.sql("select id, signs, description from concern_report where id in (:ids)")
				.param("ids", ids)
				.query((rs, i) -> {
					List<SourcePart> p = new ArrayList<>();
					add(p, SourcePart.codes("observation.part.signs", signs(rs.getArray("signs"))));
					add(p, SourcePart.text("observation.part.description", rs.getString("description")));
					parts.put(rs.getLong("id"), p);
					return null;
				})
				.list();
		}
		return parts;
	}

	static List<SourcePart> observation(ResultSet rs) throws SQLException {
		List<SourcePart> p = new ArrayList<>();
		add(p, SourcePart.codes("observation.part.signs", signs(rs.getArray("signs"))));
		List<String> categories = Arrays.stream((String[]) rs.getArray("categories").getArray())
			.map(c -> "category." + c).toList();
		add(p, new SourcePart("observation.categories", categories, rs.getString("category_other")));
		add(p, SourcePart.text("observation.other-clues", rs.getString("other_clues")));
		if (!"NONE".equals(rs.getString("crisis_level"))) {
			add(p, SourcePart.codes("observation.crisis-level", List.of("crisis." + rs.getString("crisis_level"))));
		}
		if (rs.getBoolean("home_contact_done")) {
			add(p, SourcePart.codes("observation.home-contact", List.of("observation.yes")));
		}
		add(p, SourcePart.text("observation.handling-advice", rs.getString("handling_advice")));
		add(p, SourcePart.text("observation.notes", rs.getString("notes")));
		return p;
	}

	static List<String> signs(Array array) throws SQLException {
		return Arrays.stream((Integer[]) array.getArray()).sorted().map(n -> "sign." + n).toList();
	}

	private static void add(List<SourcePart> parts, SourcePart part) {
		if (!part.isEmpty()) {
			parts.add(part);
		}
	}
}
