package org.mindgrid.mentoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mindgrid.warning.SourcePart;
import org.mindgrid.warning.SourceTexts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The substance of talks, home visits and contacts as labelled parts, whole: a talk's topics and the student's
 * state, a visit's judgments per question of tool 3 (options as message keys, records and notes as typed), a
 * contact's channel and content. For warning reports and the timeline; callers have checked archive access.
 */
@Component
class LedgerTexts implements SourceTexts {

	private static final TypeReference<LinkedHashMap<String, HomeVisitOutline.Answer>> ANSWERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LedgerTexts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("TALK", "HOME_VISIT", "CONTACT");
	}

	@Override
	public Map<Long, List<SourcePart>> parts(String kind, Collection<Long> ids) {
		Map<Long, List<SourcePart>> parts = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return parts;
		}
		switch (kind) {
			case "TALK" -> jdbc.sql("""
					select id, place, topics, student_state, follow_up, void_reason from talk where id in (:ids)""")
				.param("ids", ids)
				.query((rs, i) -> {
					List<SourcePart> p = new ArrayList<>();
					add(p, SourcePart.text("mentoring.talk.topics", rs.getString("topics")));
					add(p, SourcePart.text("mentoring.talk.state", rs.getString("student_state")));
					add(p, SourcePart.text("mentoring.talk.follow-up", rs.getString("follow_up")));
					add(p, SourcePart.text("mentoring.talk.place", rs.getString("place")));
					voided(p, rs.getString("void_reason"));
					parts.put(rs.getLong("id"), p);
					return null;
				})
				.list();
			case "HOME_VISIT" -> jdbc.sql("""
					select id, interviewee, relation, answers::text as answers, categories, void_reason
					  from home_visit where id in (:ids)""")
				.param("ids", ids)
				.query((rs, i) -> {
					List<SourcePart> p = new ArrayList<>();
					add(p, SourcePart.text("mentoring.hv.interviewee", rs.getString("interviewee")));
					add(p, SourcePart.text("mentoring.hv.relation", rs.getString("relation")));
					String[] categories = (String[]) rs.getArray("categories").getArray();
					add(p, SourcePart.codes("mentoring.hv.categories",
							java.util.Arrays.stream(categories).map(c -> "hv.cat." + c).toList()));
					visitAnswers(p, rs.getString("answers"));
					voided(p, rs.getString("void_reason"));
					parts.put(rs.getLong("id"), p);
					return null;
				})
				.list();
			case "CONTACT" -> jdbc.sql("select id, channel, content, void_reason from home_school_contact where id in (:ids)")
				.param("ids", ids)
				.query((rs, i) -> {
					List<SourcePart> p = new ArrayList<>();
					add(p, new SourcePart("mentoring.contact.content", List.of("mentoring.channel." + rs.getString("channel")),
							rs.getString("content")));
					voided(p, rs.getString("void_reason"));
					parts.put(rs.getLong("id"), p);
					return null;
				})
				.list();
			default -> {
			}
		}
		return parts;
	}

	/** Each answered question of tool 3: its judgment (options as keys, a free note as typed) and the record. */
	private void visitAnswers(List<SourcePart> p, String text) {
		Map<String, HomeVisitOutline.Answer> answers = text == null ? Map.of() : json.readValue(text, ANSWERS);
		for (HomeVisitOutline.Question q : HomeVisitOutline.QUESTIONS) {
			HomeVisitOutline.Answer a = answers.get(q.code());
			if (a == null) {
				continue;
			}
			List<String> codes = q.options().isEmpty() ? List.of()
					: a.judgment().stream().map(j -> "hv.opt." + j).toList();
			List<String> words = new ArrayList<>();
			if (q.options().isEmpty() && !a.judgment().isEmpty()) {
				words.add(String.join("；", a.judgment()));
			}
			if (a.record() != null && !a.record().isBlank()) {
				words.add(a.record());
			}
			add(p, new SourcePart("mentoring.hv.judgment." + q.code(), codes,
					words.isEmpty() ? null : String.join("\n", words)));
		}
	}

	private static void voided(List<SourcePart> p, String reason) {
		if (reason != null) {
			p.add(0, SourcePart.text("mentoring.voided.label", reason));
		}
	}

	private static void add(List<SourcePart> parts, SourcePart part) {
		if (!part.isEmpty()) {
			parts.add(part);
		}
	}
}
