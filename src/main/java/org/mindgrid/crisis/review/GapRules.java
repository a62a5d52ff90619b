package org.mindgrid.crisis.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.mindgrid.duty.SchoolCalendar;
import org.mindgrid.observation.SignRouting;
import org.mindgrid.warning.Urgency;

import org.springframework.stereotype.Component;

/**
 * Evaluates every {@link GapRule} over the student's history as it stood at the event. Deadlines that had not
 * passed by then are no gap: the review judges what the school could have done before the event.
 */
@Component
class GapRules {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** ADR 0008: an urgent sign is assessed within 2 hours; a red one within a school day. */
	static final Duration URGENT_ASSESSMENT = Duration.ofHours(2);

	/** The states in which a case in the warning database has weekly sessions at school (not on leave). */
	private static final Set<String> AT_SCHOOL = Set.of("WATCH", "FAMILY", "REFERRED");

	private final SchoolCalendar calendar;

	GapRules(SchoolCalendar calendar) {
		this.calendar = calendar;
	}

	List<Gap> gaps(History h) {
		List<Gap> gaps = new ArrayList<>();
		if (!h.hasStudent()) {
			return gaps;
		}
		for (GapRule rule : EnumSet.allOf(GapRule.class)) {
			switch (rule) {
				case NO_TALK_THIS_SEMESTER -> noTalk(h, gaps);
				case TRIGGER_VISIT_LATE -> {
					// with TRIGGER_VISIT_MISSING: one pass over the triggers
				}
				case TRIGGER_VISIT_MISSING -> triggerVisits(h, gaps);
				case RED_SIGN_UNASSESSED -> redSigns(h, gaps);
				case SCREENING_FLAG_UNREVIEWED -> flags(h, gaps);
				case WEEKLY_SESSION_MISSED -> sessions(h, gaps);
				case REFERRAL_NO_DIAGNOSIS -> referrals(h, gaps);
			}
		}
		gaps.sort(Comparator.comparing(Gap::at).thenComparing(g -> g.rule().ordinal()));
		return gaps;
	}

	private void noTalk(History h, List<Gap> gaps) {
		History.Semester sem = h.semester();
		if (sem == null) {
			return;
		}
		LocalDate day = LocalDate.ofInstant(h.cutoff(), h.zone());
		boolean talked = h.talks().stream()
			.anyMatch(t -> !t.voided() && !t.day().isBefore(sem.startsOn()) && !t.day().isAfter(day));
		if (!talked) {
			gaps.add(new Gap(GapRule.NO_TALK_THIS_SEMESTER, sem.startsOn().atStartOfDay(h.zone()).toInstant(),
					"SEMESTER", sem.id(), List.of(sem.name(), sem.startsOn().toString())));
		}
	}

	/**
	 * Each trigger's visit: the home-visit duties open for the student when it was recorded (a trigger joins the
	 * duty an earlier one opened), done when the first of them was done; without such a duty, the first home
	 * visit on or after the trigger's day. Deadline: the end of the next school day after it was recorded.
	 */
	private void triggerVisits(History h, List<Gap> gaps) {
		for (History.Trigger t : h.triggers()) {
			Instant due = calendar.endOfNextSchoolDay(t.at());
			List<History.Duty> duties = h.duties().stream()
				.filter(d -> d.kind().equals("TRIGGER_HOME_VISIT") && !d.createdAt().isAfter(t.at().plusSeconds(60))
						&& (d.doneAt() == null || !d.doneAt().isBefore(t.at().minusSeconds(60))))
				.toList();
			Instant done;
			if (!duties.isEmpty()) {
				done = duties.stream().filter(d -> "DONE".equals(d.status())).map(History.Duty::doneAt)
					.filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
			}
			else {
				Instant dayStart = t.occurredOn().atStartOfDay(h.zone()).toInstant();
				done = h.visits().stream().filter(v -> !v.voided() && !v.at().isBefore(dayStart))
					.map(History.Visit::at).min(Comparator.naturalOrder()).orElse(null);
			}
			List<String> args = List.of(t.kind(), time(t.at(), h.zone()), time(due, h.zone()));
			if (done == null) {
				if (due.isBefore(h.cutoff())) {
					gaps.add(new Gap(GapRule.TRIGGER_VISIT_MISSING, due, "TRIGGER", t.id(), args));
				}
			}
			else if (done.isAfter(due)) {
				gaps.add(new Gap(GapRule.TRIGGER_VISIT_LATE, due, "TRIGGER", t.id(),
						List.of(t.kind(), time(t.at(), h.zone()), time(due, h.zone()), time(done, h.zone()))));
			}
		}
	}

	/**
	 * A red observation (its signs and the observer's level route it, {@link SignRouting}): its warning report
	 * taken up by the deadline of its urgency, or a case assessment by then. No report at all is a gap too.
	 */
	private void redSigns(History h, List<Gap> gaps) {
		for (History.Observation o : h.observations()) {
			Optional<Urgency> urgency = SignRouting.urgencyOf(o.signs(), o.crisisLevel());
			if (urgency.isEmpty()) {
				continue;
			}
			Instant due = urgency.get() == Urgency.URGENT ? o.at().plus(URGENT_ASSESSMENT)
					: calendar.oneSchoolDayAfter(o.at());
			if (!due.isBefore(h.cutoff())) {
				continue;
			}
			Instant assessed = h.reports().stream().filter(r -> Objects.equals(r.id(), o.reportId()))
				.map(History.Report::takenUpAt).filter(Objects::nonNull).findFirst().orElse(null);
			Instant caseAssessed = h.caseSteps().stream()
				.filter(x -> !x.voided() && x.action().equals("ASSESS") && !x.at().isBefore(o.at()))
				.map(History.CaseStep::at).min(Comparator.naturalOrder()).orElse(null);
			Instant first = earliest(assessed, caseAssessed);
			if (first == null || first.isAfter(due)) {
				gaps.add(new Gap(GapRule.RED_SIGN_UNASSESSED, due, "OBSERVATION", o.id(),
						List.of(time(o.at(), h.zone()), time(due, h.zone()))));
			}
		}
	}

	private void flags(History h, List<Gap> gaps) {
		Duration within = GapRule.SCREENING_FLAG_UNREVIEWED.within();
		for (History.Flag f : h.flags()) {
			Instant due = f.at().plus(within);
			if (due.isBefore(h.cutoff()) && (f.reviewedAt() == null || f.reviewedAt().isAfter(due))) {
				gaps.add(new Gap(GapRule.SCREENING_FLAG_UNREVIEWED, due, "SCREENING_FLAG", f.id(),
						List.of(f.scaleId(), time(f.at(), h.zone()))));
			}
		}
	}

	/**
	 * Spells at school in the warning database (WATCH, FAMILY, REFERRED) from the steps' states; within each, a
	 * stretch of more than a week from its start, a session or its end (the event) to the next session is a gap,
	 * dated when the week ran out.
	 */
	private void sessions(History h, List<Gap> gaps) {
		Duration week = GapRule.WEEKLY_SESSION_MISSED.within();
		for (History.CaseInfo c : h.cases()) {
			if (!c.inDatabase()) {
				continue;
			}
			List<History.CaseStep> steps = h.caseSteps().stream().filter(x -> x.caseId() == c.id() && !x.voided())
				.toList();
			Instant last = null;
			boolean reported = false;
			for (History.CaseStep x : steps) {
				boolean wasIn = x.fromState() != null && AT_SCHOOL.contains(x.fromState());
				boolean isIn = AT_SCHOOL.contains(x.toState());
				if (last != null && wasIn && !reported && x.at().isAfter(last.plus(week))) {
					gaps.add(sessionGap(c, last.plus(week), h.zone()));
					reported = true;
				}
				if (isIn && (!wasIn || x.action().equals("RECORD_SESSION"))) {
					last = x.at();
					reported = false;
				}
				else if (!isIn) {
					last = null;
					reported = false;
				}
			}
			if (last != null && !reported && h.cutoff().isAfter(last.plus(week))) {
				gaps.add(sessionGap(c, last.plus(week), h.zone()));
			}
		}
	}

	private static Gap sessionGap(History.CaseInfo c, Instant at, ZoneId zone) {
		return new Gap(GapRule.WEEKLY_SESSION_MISSED, at, "CASE", c.id(), List.of(time(at, zone)));
	}

	private void referrals(History h, List<Gap> gaps) {
		Duration within = GapRule.REFERRAL_NO_DIAGNOSIS.within();
		for (History.CaseStep refer : h.caseSteps()) {
			if (refer.voided() || !refer.action().equals("REFER")) {
				continue;
			}
			Instant due = refer.at().plus(within);
			if (!due.isBefore(h.cutoff())) {
				continue;
			}
			boolean fedBack = h.caseSteps().stream()
				.anyMatch(x -> x.caseId() == refer.caseId() && !x.voided() && x.action().equals("RECORD_DIAGNOSIS")
						&& !x.at().isBefore(refer.at()) && !x.at().isAfter(due));
			if (!fedBack) {
				gaps.add(new Gap(GapRule.REFERRAL_NO_DIAGNOSIS, due, "CASE_EVENT", refer.id(),
						List.of(time(refer.at(), h.zone()))));
			}
		}
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isBefore(b) ? a : b;
	}

	static String time(Instant at, ZoneId zone) {
		return TIME.format(at.atZone(zone));
	}
}
