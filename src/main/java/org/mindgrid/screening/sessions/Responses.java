package org.mindgrid.screening.sessions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.mindgrid.screening.campaigns.ScreeningInput;
import org.mindgrid.screening.results.ResultRecorder;
import org.mindgrid.screening.results.ScoreJson;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleScore;
import org.mindgrid.screening.scales.Scales;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers saved item by item (a merge into the response's {@code jsonb}, one statement per save) and their
 * submission: scored, recorded, flagged. Shared by the student's code path and the staff's ratings and paper entry.
 */
@Component
public class Responses {

	/** Which campaign scales the invite's grade gets, in the campaign's order. */
	private final JdbcClient jdbc;

	private final Clock clock;

	private final Scales scales;

	private final ScreeningInput input;

	private final ResultRecorder results;

	Responses(JdbcClient jdbc, Clock clock, Scales scales, ScreeningInput input, ResultRecorder results) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scales = scales;
		this.input = input;
		this.results = results;
	}

	public record Saved(String scaleId, int answered, int items) {
	}

	/** A campaign's scales never change once it is created: read once per campaign, not on every save. */
	private final java.util.Map<Long, List<Object[]>> campaignScales = new java.util.concurrent.ConcurrentHashMap<>();

	/** The scales of the campaign that the student's grade gets, in the campaign's order. */
	public List<Scale> scalesFor(long campaignId, int gradeLevel) {
		List<Object[]> rows = campaignScales.computeIfAbsent(campaignId, c -> jdbc.sql("""
				select scale_id, grade_from, grade_to from screening_campaign_scale
				 where campaign_id = :c order by position""")
			.param("c", c)
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getInt(3) })
			.list());
		if (rows.isEmpty()) {
			// a campaign being created in this very transaction: do not remember it without its scales
			campaignScales.remove(campaignId);
		}
		if (campaignScales.size() > 10_000) {
			campaignScales.clear();
		}
		return rows.stream()
			.filter(r -> gradeLevel >= (int) r[1] && gradeLevel <= (int) r[2])
			.map(r -> scales.find((String) r[0]).orElse(null))
			.filter(s -> s != null)
			.toList();
	}

	/** The checked answers: every key an item number of the scale, every value one of its options. */
	public Map<Integer, Integer> check(Scale scale, Map<String, Integer> given) {
		if (given == null || given.isEmpty()) {
			throw input.field("answers", "input.required");
		}
		Map<String, Object[]> problems = new LinkedHashMap<>();
		Map<Integer, Integer> answers = new TreeMap<>();
		for (var e : given.entrySet()) {
			Integer no = parseItem(e.getKey());
			if (no == null || no < 1 || no > scale.itemCount()) {
				problems.put("answers." + e.getKey(), new Object[] { "screening.answer.no-such-item",
						new Object[] { scale.itemCount() } });
			}
			else if (e.getValue() == null || !scale.allows(e.getValue())) {
				problems.put("answers." + no, new Object[] { "screening.answer.out-of-range", new Object[] {
						scale.options().stream().map(o -> String.valueOf(o.value())).collect(Collectors.joining("/")) } });
			}
			else {
				answers.put(no, e.getValue());
			}
		}
		if (!problems.isEmpty()) {
			throw input.fields(problems);
		}
		return answers;
	}

	private static Integer parseItem(String key) {
		if (key == null || key.isEmpty() || key.length() > 4) {
			return null;
		}
		for (int i = 0; i < key.length(); i++) {
			if (key.charAt(i) < '0' || key.charAt(i) > '9') {
				return null;
			}
		}
		return Integer.valueOf(key);
	}

	/** Merges the answers into the response; 409 once it is submitted. */
	public Saved save(long campaignId, long studentId, long schoolId, long classId, Scale scale,
			Map<Integer, Integer> answers, Long ratedBy) {
		Instant now = clock.instant();
		String json = ScoreJson.write(answers);
		Integer answered = jdbc.sql("""
				insert into screening_response (campaign_id, student_id, scale_id, school_id, class_id, answers, rated_by,
				                                started_at, updated_at)
				values (:c, :s, :scale, :school, :class, cast(:answers as jsonb), :by, :now, :now)
				on conflict (campaign_id, student_id, scale_id) do update
				   set answers = screening_response.answers || excluded.answers, updated_at = excluded.updated_at,
				       rated_by = coalesce(excluded.rated_by, screening_response.rated_by)
				 where screening_response.submitted_at is null
				returning (select count(*) from jsonb_object_keys(answers))""")
			.param("c", campaignId)
			.param("s", studentId)
			.param("scale", scale.id())
			.param("school", schoolId)
			.param("class", classId)
			.param("answers", json)
			.param("by", ratedBy)
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> ApiProblem.conflict("screening.answer.submitted"));
		return new Saved(scale.id(), answered, scale.itemCount());
	}

	/** The saved answers of each scale of the student, and whether each is submitted. */
	public Map<String, Stored> stored(long campaignId, long studentId) {
		Map<String, Stored> stored = new LinkedHashMap<>();
		jdbc.sql("""
				select scale_id, answers::text, submitted_at is not null from screening_response
				 where campaign_id = :c and student_id = :s""")
			.param("c", campaignId)
			.param("s", studentId)
			.query(rs -> {
				stored.put(rs.getString(1), new Stored(ScoreJson.answers(rs.getString(2)), rs.getBoolean(3)));
			});
		return stored;
	}

	public record Stored(Map<Integer, Integer> answers, boolean submitted) {
	}

	/**
	 * Scores and records each of {@code scaleList} for the student; 400 naming the unanswered items when any is
	 * incomplete (nothing is submitted then). Runs in the caller's transaction, after it locked the invite.
	 */
	public List<ScaleScore> submit(long campaignId, long studentId, long schoolId, long classId, List<Scale> scaleList,
			Long staffUserId) {
		Map<String, Stored> stored = stored(campaignId, studentId);
		Map<String, Object[]> problems = new LinkedHashMap<>();
		for (Scale scale : scaleList) {
			Stored s = stored.get(scale.id());
			if (s != null && s.submitted()) {
				continue;
			}
			List<Integer> missing = new ArrayList<>();
			for (int no = 1; no <= scale.itemCount(); no++) {
				if (s == null || !s.answers().containsKey(no)) {
					missing.add(no);
				}
			}
			if (!missing.isEmpty()) {
				problems.put("answers." + scale.id(), new Object[] { "screening.answer.missing", new Object[] {
						missing.size(), missing.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", ")) } });
			}
		}
		if (!problems.isEmpty()) {
			throw input.fields(problems).with("missing", problems.keySet());
		}
		List<ScaleScore> scores = new ArrayList<>();
		Instant now = clock.instant();
		for (Scale scale : scaleList) {
			Stored s = stored.get(scale.id());
			if (s.submitted()) {
				continue;
			}
			ScaleScore score = scales.score(scale, s.answers());
			Long responseId = jdbc.sql("""
					update screening_response set submitted_at = :now
					 where campaign_id = :c and student_id = :s and scale_id = :scale and submitted_at is null
					returning id""")
				.param("now", Timestamp.from(now))
				.param("c", campaignId)
				.param("s", studentId)
				.param("scale", scale.id())
				.query(Long.class)
				.optional()
				.orElseThrow(() -> ApiProblem.conflict("screening.answer.submitted"));
			results.record(responseId, campaignId, studentId, schoolId, classId, scale, score, staffUserId);
			scores.add(score);
		}
		if (scores.isEmpty()) {
			throw ApiProblem.conflict("screening.answer.submitted");
		}
		return scores;
	}
}
