package org.mindgrid.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.mindgrid.screening.campaigns.Codes;
import org.mindgrid.screening.results.ScoreJson;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleScore;
import org.mindgrid.screening.scales.Scales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (issue 9, point 9): last semester's finished campaign of a school, grades 4–9 (MHRSP rated by the head
 * teachers for 4–6; MSSMHS, PHQ-9 and GAD-7 for 7 and up), answers with a plausible spread, scored by the same
 * engine, so reports, flags and the archive's screening history are not empty on first login. Written with the
 * campaign's own dates. No critical item is hit: the demo's warning reports come from its caseload.
 */
@Component
public class ScreeningDemoData {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Scales scales;

	ScreeningDemoData(JdbcClient jdbc, Scales scales) {
		this.jdbc = jdbc;
		this.scales = scales;
	}

	public void loadPastCampaign(long schoolId, String psychUsername) {
		Random random = new Random(20260511L);
		long psych = jdbc.sql("select id from app_user where username = :u").param("u", psychUsername)
			.query(Long.class).single();
		Instant opens = LocalDateTime.of(2026, 5, 11, 8, 0).atZone(ZONE).toInstant();
		Instant closes = LocalDateTime.of(2026, 5, 22, 18, 0).atZone(ZONE).toInstant();
		long campaign = jdbc.sql("""
				insert into screening_campaign (school_id, name, opens_at, closes_at, created_by, created_at)
				values (:s, '2025学年第二学期心理普查', :o, :c, :by, :at) returning id""")
			.param("s", schoolId).param("o", Timestamp.from(opens)).param("c", Timestamp.from(closes))
			.param("by", psych).param("at", Timestamp.from(opens.minusSeconds(5 * 86400)))
			.query(Long.class).single();
		List<Object[]> plan = List.of(new Object[] { "mhrsp", 4, 6 }, new Object[] { "mssmhs", 7, 12 },
				new Object[] { "phq9", 7, 12 }, new Object[] { "gad7", 7, 12 });
		for (int i = 0; i < plan.size(); i++) {
			jdbc.sql("""
					insert into screening_campaign_scale (campaign_id, scale_id, grade_from, grade_to, position)
					values (:c, :s, :f, :t, :p)""")
				.param("c", campaign).param("s", plan.get(i)[0]).param("f", plan.get(i)[1]).param("t", plan.get(i)[2])
				.param("p", i).update();
		}
		List<Long> classes = jdbc.sql("""
				select c.id from school_class c join grade g on g.id = c.grade_id
				 where c.school_id = :s and g.level between 4 and 9 order by g.level, c.name""")
			.param("s", schoolId).query(Long.class).list();
		for (long classId : classes) {
			jdbc.sql("insert into screening_campaign_class (campaign_id, class_id, session_code) values (:c, :k, :code)")
				.param("c", campaign).param("k", classId).param("code", Codes.next()).update();
			loadClass(random, campaign, schoolId, classId, opens, psych);
		}
	}

	private void loadClass(Random random, long campaign, long schoolId, long classId, Instant opens, long psych) {
		record Row(long id, int level) {
		}
		List<Row> students = jdbc.sql("""
				select s.id, g.level from student s join school_class c on c.id = s.class_id
				  join grade g on g.id = c.grade_id where s.class_id = :k and s.status = 'ENROLLED' order by s.id""")
			.param("k", classId).query((rs, i) -> new Row(rs.getLong(1), rs.getInt(2))).list();
		Long head = jdbc.sql("select user_id from post where role = 'HEAD_TEACHER' and class_id = :k limit 1")
			.param("k", classId).query(Long.class).optional().orElse(null);
		for (Row s : students) {
			double p = random.nextDouble();
			Boolean consent = p < 0.02 ? Boolean.FALSE : p < 0.03 ? null : Boolean.TRUE;
			Instant consentAt = opens.minusSeconds(3 * 86400 - random.nextInt(86400));
			jdbc.sql("""
					insert into screening_invite (campaign_id, student_id, school_id, class_id, grade_level, parent_code,
					                              answer_code, consent, consent_at, consent_via)
					values (:c, :s, :school, :k, :level, :pc, :ac, :consent, :at, :via)""")
				.param("c", campaign).param("s", s.id()).param("school", schoolId).param("k", classId)
				.param("level", s.level()).param("pc", Codes.next()).param("ac", Codes.next())
				.param("consent", consent).param("at", consent == null ? null : Timestamp.from(consentAt))
				.param("via", consent == null ? null : random.nextBoolean() ? "PARENT_CODE" : "PAPER").update();
			if (!Boolean.TRUE.equals(consent)) {
				continue;
			}
			boolean finishes = random.nextDouble() > 0.03;
			// a latent level of distress: most students low, a few high
			double distress = Math.max(0, random.nextGaussian() * 0.6 + (random.nextDouble() < 0.08 ? 1.6 : 0.1));
			List<String> scaleIds = s.level() <= 6 ? List.of("mhrsp") : List.of("mssmhs", "phq9", "gad7");
			Instant at = opens.plusSeconds(random.nextInt(10 * 86400));
			for (String scaleId : scaleIds) {
				Scale scale = scales.get(scaleId);
				Map<Integer, Integer> answers = answers(random, scale, distress);
				boolean submitted = finishes || !scaleId.equals(scaleIds.get(scaleIds.size() - 1));
				if (!submitted) {
					answers.keySet().removeIf(no -> no > scale.itemCount() / 2);
				}
				long response = jdbc.sql("""
						insert into screening_response (campaign_id, student_id, scale_id, school_id, class_id, answers,
						                                rated_by, started_at, updated_at, submitted_at)
						values (:c, :s, :scale, :school, :k, cast(:answers as jsonb), :by, :at, :at, :sub) returning id""")
					.param("c", campaign).param("s", s.id()).param("scale", scaleId).param("school", schoolId)
					.param("k", classId).param("answers", ScoreJson.write(answers))
					.param("by", scale.observer() ? head : null).param("at", Timestamp.from(at))
					.param("sub", submitted ? Timestamp.from(at.plusSeconds(600)) : null).query(Long.class).single();
				if (submitted) {
					record(random, campaign, s.id(), schoolId, classId, response, scale, scales.score(scale, answers),
							at.plusSeconds(600), psych);
				}
			}
		}
	}

	/** Values drawn towards the symptom end by {@code distress}; the critical items kept below their rules. */
	private static Map<Integer, Integer> answers(Random random, Scale scale, double distress) {
		int min = scale.minValue();
		int max = scale.maxValue();
		Map<Integer, Integer> answers = new TreeMap<>();
		for (int no = 1; no <= scale.itemCount(); no++) {
			double x = Math.abs(random.nextGaussian()) * 0.7 + distress * (max - min) / 3.0 - 0.3;
			int v = (int) Math.round(min + Math.max(0, x));
			v = Math.min(max, Math.max(min, v));
			final int item = no;
			final int value = v;
			if (scale.criticalItems().stream().anyMatch(c -> c.itemNo() == item && c.hits(value))) {
				int safe = min;
				answers.put(no, safe);
				continue;
			}
			answers.put(no, v);
		}
		return answers;
	}

	private void record(Random random, long campaign, long student, long schoolId, long classId, long response,
			Scale scale, ScaleScore score, Instant at, long psych) {
		long result = jdbc.sql("""
				insert into screening_result (response_id, campaign_id, student_id, school_id, class_id, scale_id, total,
				                              band, factors, factor_bands, flags, scored_at)
				values (:r, :c, :s, :school, :k, :scale, :total, :band, cast(:f as jsonb), cast(:fb as jsonb), :flags, :at)
				returning id""")
			.param("r", response).param("c", campaign).param("s", student).param("school", schoolId).param("k", classId)
			.param("scale", scale.id()).param("total", score.total()).param("band", score.band())
			.param("f", ScoreJson.write(score.factors())).param("fb", ScoreJson.write(score.factorBands()))
			.param("flags", score.flags().toArray(String[]::new)).param("at", Timestamp.from(at))
			.query(Long.class).single();
		if (score.flags().isEmpty()) {
			return;
		}
		boolean open = random.nextDouble() < 0.25;
		String[] reasons = { "面谈后情绪稳定，复测正常", "考试周前后状态波动，已与班主任沟通", "家访了解情况，无持续困扰" };
		jdbc.sql("""
				insert into screening_flag (result_id, campaign_id, student_id, school_id, class_id, scale_id, reasons,
				                            urgent, status, flagged_at, reviewed_by, reviewed_at, review_reason)
				values (:r, :c, :s, :school, :k, :scale, :reasons, false, :status, :at, :by, :rat, :why)""")
			.param("r", result).param("c", campaign).param("s", student).param("school", schoolId).param("k", classId)
			.param("scale", scale.id()).param("reasons", score.flags().toArray(String[]::new))
			.param("status", open ? "OPEN" : "DISMISSED").param("at", Timestamp.from(at))
			.param("by", open ? null : psych).param("rat", open ? null : Timestamp.from(at.plusSeconds(5 * 86400)))
			.param("why", open ? null : reasons[random.nextInt(reasons.length)]).update();
	}
}
