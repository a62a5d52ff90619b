package org.mindgrid.screening.sessions;

import java.util.List;
import java.util.Map;

import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.screening.campaigns.Campaigns;
import org.mindgrid.screening.campaigns.ScreeningInput;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleMode;
import org.mindgrid.screening.scales.ScaleScore;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff entries: the head teacher's ratings on an observer scale (MHRSP) and paper questionnaires typed in (any
 * scale of the student's grade). The head teacher of the class or a psychology teacher; consent is required as for
 * the student's own questionnaire. Staff may enter answers from the campaign's opening on, also after it closed
 * (paper forms arrive late).
 */
@Service
public class Ratings {

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final Campaigns campaigns;

	private final Responses responses;

	private final ScreeningInput input;

	private final java.time.Clock clock;

	Ratings(JdbcClient jdbc, CurrentUsers users, Campaigns campaigns, Responses responses, ScreeningInput input,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.campaigns = campaigns;
		this.responses = responses;
		this.input = input;
		this.clock = clock;
	}

	record Target(long schoolId, long classId, int gradeLevel, Boolean consent, java.time.Instant opensAt) {
	}

	/** An observer scale's ratings (the API's {@code POST /screening/ratings}). */
	@Transactional
	public Responses.Saved save(long campaignId, long studentId, String scaleId, Map<String, Integer> answers) {
		return save(campaignId, studentId, scaleId, answers, false);
	}

	/** A paper questionnaire typed in by staff: any scale of the student's grade. */
	@Transactional
	public Responses.Saved savePaper(long campaignId, long studentId, String scaleId, Map<String, Integer> answers) {
		return save(campaignId, studentId, scaleId, answers, true);
	}

	private Responses.Saved save(long campaignId, long studentId, String scaleId, Map<String, Integer> answers,
			boolean paper) {
		Target target = target(campaignId, studentId);
		Scale scale = scale(campaignId, target, scaleId, paper);
		return responses.save(campaignId, studentId, target.schoolId(), target.classId(), scale,
				responses.check(scale, answers), users.current().id());
	}

	@Transactional
	public ScaleScore submit(long campaignId, long studentId, String scaleId) {
		return submit(campaignId, studentId, scaleId, false);
	}

	@Transactional
	public ScaleScore submitPaper(long campaignId, long studentId, String scaleId) {
		return submit(campaignId, studentId, scaleId, true);
	}

	private ScaleScore submit(long campaignId, long studentId, String scaleId, boolean paper) {
		Target target = target(campaignId, studentId);
		Scale scale = scale(campaignId, target, scaleId, paper);
		jdbc.sql("select 1 from screening_invite where campaign_id = :c and student_id = :s for update")
			.param("c", campaignId)
			.param("s", studentId)
			.query(Integer.class)
			.single();
		var stored = responses.stored(campaignId, studentId).get(scale.id());
		if (stored != null && stored.submitted()) {
			throw ApiProblem.conflict("screening.answer.submitted");
		}
		return responses.submit(campaignId, studentId, target.schoolId(), target.classId(), List.of(scale),
				users.current().id()).get(0);
	}

	private Target target(long campaignId, long studentId) {
		if (campaigns.load(campaignId).isEmpty()) {
			throw ApiProblem.notFound("screening.campaign.not-found");
		}
		Target target = jdbc.sql("""
				select i.school_id, i.class_id, i.grade_level, i.consent, c.opens_at
				  from screening_invite i join screening_campaign c on c.id = i.campaign_id
				 where i.campaign_id = :c and i.student_id = :s""")
			.param("c", campaignId)
			.param("s", studentId)
			.query((rs, i) -> new Target(rs.getLong(1), rs.getLong(2), rs.getInt(3), (Boolean) rs.getObject(4),
					rs.getTimestamp(5).toInstant()))
			.optional()
			.orElse(null);
		if (target == null) {
			campaigns.get(campaignId);
			throw input.field("studentId", "screening.consent.not-invited");
		}
		campaigns.requireClassWorker(campaignId, target.classId());
		if (!Boolean.TRUE.equals(target.consent())) {
			throw ApiProblem.forbidden(Boolean.FALSE.equals(target.consent()) ? "screening.session.refused"
					: "screening.session.no-consent");
		}
		if (clock.instant().isBefore(target.opensAt())) {
			throw ApiProblem.forbidden("screening.session.not-yet-open");
		}
		return target;
	}

	private Scale scale(long campaignId, Target target, String scaleId, boolean paper) {
		Scale scale = responses.scalesFor(campaignId, target.gradeLevel())
			.stream()
			.filter(s -> s.id().equals(scaleId))
			.findFirst()
			.orElseThrow(() -> input.field("scaleId", "screening.answer.scale-not-in-session"));
		if (!paper && scale.mode() != ScaleMode.OBSERVER) {
			throw input.field("scaleId", "screening.rating.self-report");
		}
		return scale;
	}
}
