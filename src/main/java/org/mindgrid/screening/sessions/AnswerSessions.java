package org.mindgrid.screening.sessions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.screening.campaigns.Codes;
import org.mindgrid.screening.campaigns.ScreeningInput;
import org.mindgrid.screening.scales.Scale;
import org.mindgrid.screening.scales.ScaleMode;
import org.mindgrid.screening.scales.ScaleScore;
import org.mindgrid.shared.web.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's questionnaire without an account (issue 9, point 4): the answer code (or the class session code with
 * 学号 and birth date) is the credential. Unknown code 404 (counted per address), closed campaign or no consent 403,
 * submitted 409. Answers save one statement each and are never lost by a closed tab: the next open resumes them.
 */
@Service
public class AnswerSessions {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CodeGuard guard;

	private final Responses responses;

	private final ScreeningInput input;

	private final AuditLog audit;

	private final MessageSource messages;

	AnswerSessions(JdbcClient jdbc, Clock clock, CodeGuard guard, Responses responses, ScreeningInput input,
			AuditLog audit, MessageSource messages) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.guard = guard;
		this.responses = responses;
		this.input = input;
		this.audit = audit;
		this.messages = messages;
	}

	public record Option(int value, String label) {
	}

	public record Item(int no, String text) {
	}

	public record SessionScale(String id, String name, String instructions, String mode, String note,
			List<Option> options, List<Item> items, Map<Integer, Integer> answers, boolean submitted) {
	}

	public record SessionCampaign(long id, String name, Instant closesAt) {
	}

	public record SessionStudent(String maskedName, String className) {
	}

	public record SessionView(SessionCampaign campaign, SessionStudent student, boolean submitted,
			List<SessionScale> scales) {
	}

	/** The questionnaire as the student left it, in {@code locale}. */
	@Transactional
	public SessionView open(String typedCode, String address, Locale locale) {
		Invite invite = admitted(typedCode, address);
		boolean first = guard.opened(address, Codes.normalise(typedCode));
		List<Scale> scales = selfReport(invite);
		var stored = responses.stored(invite.campaignId(), invite.studentId());
		List<SessionScale> views = scales.stream().map(s -> {
			var st = stored.get(s.id());
			return new SessionScale(s.id(), s.name(locale), s.instructions(locale), s.mode().name(),
					messages.getMessage("screening.session.note." + s.id(), null, "", locale),
					s.options().stream().map(o -> new Option(o.value(), o.label(locale))).toList(),
					s.items().stream().map(i -> new Item(i.no(), s.itemText(i.no(), locale))).toList(),
					st == null ? Map.of() : st.answers(), st != null && st.submitted());
		}).toList();
		boolean submitted = !views.isEmpty() && views.stream().allMatch(SessionScale::submitted);
		// Opened from a new address: an audit line; a resume from the same place only moves opened_at (the
		// audit chain serialises its writers, and a room of students reloading must not queue behind it).
		if (first) {
			audit.record("SCREENING_SESSION_OPENED", "screening-campaign/" + invite.campaignId() + "/session",
					invite.studentId(), "by answer code from " + address);
		}
		return new SessionView(new SessionCampaign(invite.campaignId(), invite.campaignName(), invite.closesAt()),
				new SessionStudent(invite.maskedName(), invite.className()), submitted, views);
	}

	/**
	 * The hot path (2,000 students at once): one statement finds the invite, its campaign's window and whether the
	 * address is locked, one more merges the answers. No audit line per answer (ADR 0025).
	 */
	@Transactional
	public Responses.Saved save(String typedCode, String address, String scaleId, Map<String, Integer> answers) {
		Target t = target(typedCode, address, false);
		Scale scale = responses.scalesFor(t.campaignId(), t.gradeLevel())
			.stream()
			.filter(s -> s.mode() == ScaleMode.SELF_REPORT && s.id().equals(scaleId))
			.findFirst()
			.orElseThrow(() -> input.field("scaleId", "screening.answer.scale-not-in-session"));
		return responses.save(t.campaignId(), t.studentId(), t.schoolId(), t.classId(), scale,
				responses.check(scale, answers), null);
	}

	/** What the hot paths need of an invite, found with its campaign's window and the address's lock state. */
	private record Target(long campaignId, long studentId, long schoolId, long classId, int gradeLevel, Boolean consent,
			Instant opensAt, Instant closesAt, boolean locked, boolean openedHere) {
	}

	/**
	 * The hot paths (2,000 students at once): one statement finds the invite, its campaign's window and whether the
	 * address is locked — and, for a submission, locks the invite so that parallel submits wait and then find it
	 * submitted. No audit line per answer (ADR 0025).
	 */
	private Target target(String typedCode, String address, boolean lock) {
		String code = Codes.normalise(typedCode);
		Target t = code == null ? null : jdbc.sql("""
				select i.campaign_id, i.student_id, i.school_id, i.class_id, i.grade_level, i.consent, c.opens_at,
				       c.closes_at,
				       exists (select 1 from screening_code_miss m where m.address = :a and m.misses >= :max
				                  and m.window_start + interval '10 minutes' > :now),
				       exists (select 1 from screening_code_open o where o.address = :a and o.code = :code)
				  from screening_invite i join screening_campaign c on c.id = i.campaign_id
				 where i.answer_code = :code""" + (lock ? " for update of i" : ""))
			.param("code", code)
			.param("a", address)
			.param("max", guard.maxMisses())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query((rs, i) -> new Target(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
					(Boolean) rs.getObject(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
					rs.getBoolean(9), rs.getBoolean(10)))
			.optional()
			.orElse(null);
		if (t == null) {
			throw guard.miss(address, "screening.session.not-found");
		}
		if (t.locked() && !t.openedHere()) {
			guard.admit(address, code);
		}
		refuseUnlessOpen(t.consent(), t.opensAt(), t.closesAt());
		return t;
	}

	private void refuseUnlessOpen(Boolean consent, Instant opensAt, Instant closesAt) {
		if (!Boolean.TRUE.equals(consent)) {
			throw ApiProblem.forbidden(Boolean.FALSE.equals(consent) ? "screening.session.refused"
					: "screening.session.no-consent");
		}
		Instant now = clock.instant();
		if (now.isBefore(opensAt)) {
			throw ApiProblem.forbidden("screening.session.not-yet-open");
		}
		if (!now.isBefore(closesAt)) {
			throw ApiProblem.forbidden("screening.session.closed");
		}
	}

	@Transactional
	public List<ScaleScore> submit(String typedCode, String address) {
		// one submission at a time per student: parallel submits wait on the invite's row, then find it submitted
		Target t = target(typedCode, address, true);
		return responses.submit(t.campaignId(), t.studentId(), t.schoolId(), t.classId(),
				responses.scalesFor(t.campaignId(), t.gradeLevel())
					.stream()
					.filter(s -> s.mode() == ScaleMode.SELF_REPORT)
					.toList(),
				null);
	}

	/** The class session code, 学号 and birth date → the student's answer code (computer rooms). */
	@Transactional
	public String resolve(String sessionCode, String studentNo, LocalDate birthDate, String address) {
		String code = Codes.normalise(sessionCode);
		if (studentNo == null || studentNo.isBlank()) {
			throw input.field("studentNo", "input.required");
		}
		if (birthDate == null) {
			throw input.field("birthDate", "input.required");
		}
		String answer = code == null ? null : jdbc.sql("""
				select i.answer_code from screening_campaign_class cc
				  join screening_invite i on i.campaign_id = cc.campaign_id and i.class_id = cc.class_id
				  join student s on s.id = i.student_id
				 where cc.session_code = :code and s.student_no = :no and s.birth_date = :birth""")
			.param("code", code)
			.param("no", studentNo.strip())
			.param("birth", birthDate)
			.query(String.class)
			.optional()
			.orElse(null);
		if (answer == null) {
			throw guard.miss(address, "screening.session.not-found");
		}
		guard.admit(address, answer);
		admitted(answer, address);
		guard.opened(address, answer);
		return answer;
	}

	private Invite admitted(String typedCode, String address) {
		String code = Codes.normalise(typedCode);
		Invite invite = code == null ? null
				: jdbc.sql(Invite.SELECT + " where i.answer_code = :code")
					.param("code", code)
					.query(Invite::map)
					.optional()
					.orElse(null);
		if (invite == null) {
			throw guard.miss(address, "screening.session.not-found");
		}
		guard.admit(address, code);
		refuseUnlessOpen(invite.consent(), invite.opensAt(), invite.closesAt());
		return invite;
	}

	private List<Scale> selfReport(Invite invite) {
		return responses.scalesFor(invite.campaignId(), invite.gradeLevel())
			.stream()
			.filter(s -> s.mode() == ScaleMode.SELF_REPORT)
			.toList();
	}
}
