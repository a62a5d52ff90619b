package org.mindgrid.screening.sessions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.screening.campaigns.Codes;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parent's answer to the consent form with the one-time code printed on it (issue 9, point 3): no account; the
 * code answers once (a paper answer the head teacher entered counts as the answer). Refusal is kept with its date.
 */
@Service
public class ParentConsents {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CodeGuard guard;

	private final Responses responses;

	private final AuditLog audit;

	ParentConsents(JdbcClient jdbc, Clock clock, CodeGuard guard, Responses responses, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.guard = guard;
		this.responses = responses;
		this.audit = audit;
	}

	public record ConsentCampaign(String name, Instant opensAt, Instant closesAt) {
	}

	public record ConsentStudent(String maskedName, String className) {
	}

	public record ConsentScale(String id, String name) {
	}

	public record ConsentView(ConsentCampaign campaign, ConsentStudent student, List<ConsentScale> scales,
			Boolean consent, Instant answeredAt) {
	}

	@Transactional
	public ConsentView view(String typedCode, String address, Locale locale) {
		Invite invite = find(typedCode, address);
		guard.opened(address, Codes.normalise(typedCode));
		return new ConsentView(new ConsentCampaign(invite.campaignName(), invite.opensAt(), invite.closesAt()),
				new ConsentStudent(invite.maskedName(), invite.className()),
				responses.scalesFor(invite.campaignId(), invite.gradeLevel())
					.stream()
					.map(s -> new ConsentScale(s.id(), s.name(locale)))
					.toList(),
				invite.consent(), invite.consentAt());
	}

	@Transactional
	public ConsentView answer(String typedCode, String address, boolean consent, Locale locale) {
		Invite invite = find(typedCode, address);
		if (!clock.instant().isBefore(invite.closesAt())) {
			throw ApiProblem.forbidden("screening.consent.closed");
		}
		int changed = jdbc.sql("""
				update screening_invite set consent = :consent, consent_at = :at, consent_via = 'PARENT_CODE'
				 where campaign_id = :c and student_id = :s and consent is null""")
			.param("consent", consent)
			.param("at", Timestamp.from(clock.instant()))
			.param("c", invite.campaignId())
			.param("s", invite.studentId())
			.update();
		if (changed == 0) {
			throw ApiProblem.conflict("screening.consent.answered");
		}
		audit.record(consent ? "SCREENING_CONSENT_GIVEN" : "SCREENING_CONSENT_REFUSED",
				"screening-campaign/" + invite.campaignId() + "/consents/" + invite.studentId(), invite.studentId(),
				"PARENT_CODE");
		return view(typedCode, address, locale);
	}

	private Invite find(String typedCode, String address) {
		String code = Codes.normalise(typedCode);
		Invite invite = code == null ? null
				: jdbc.sql(Invite.SELECT + " where i.parent_code = :code")
					.param("code", code)
					.query(Invite::map)
					.optional()
					.orElse(null);
		if (invite == null) {
			throw guard.miss(address, "screening.consent.not-found");
		}
		guard.admit(address, code);
		return invite;
	}
}
