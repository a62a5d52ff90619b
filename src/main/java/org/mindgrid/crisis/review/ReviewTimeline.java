package org.mindgrid.crisis.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The student's whole ledger before the event as one timeline (issue 10 point 5): observations, concern reports,
 * 四必访 triggers, talks, home visits, contacts, warning reports with who opened and took them up when, duties
 * (done, late, missed, cancelled), case steps, plan revisions, screening results and flags. Oldest first.
 */
@Component
class ReviewTimeline {

	/** What became of a duty by the time of the event. */
	enum DutyOutcome {
		DONE, LATE, MISSED, CANCELLED, OPEN
	}

	List<TimelineItem> items(History h) {
		List<TimelineItem> out = new ArrayList<>();
		for (var o : h.observations()) {
			out.add(item(o.at(), "OBSERVATION", o.crisisLevel(), List.of(signs(o.signs())), h.name(o.by()),
					null, "OBSERVATION", o.id(), false));
		}
		for (var c : h.concerns()) {
			out.add(item(c.at(), "CONCERN_REPORT", "REPORTED", List.of(signs(c.signs())), h.name(c.by()), null,
					"CONCERN_REPORT", c.id(), false));
		}
		for (var t : h.triggers()) {
			out.add(item(t.at(), "TRIGGER", t.kind(), List.of(t.occurredOn().toString()), h.name(t.by()), null,
					"TRIGGER", t.id(), false));
		}
		for (var t : h.talks()) {
			out.add(item(t.at(), "TALK", "RECORDED", List.of(t.day().toString()), h.name(t.by()), null, "TALK",
					t.id(), t.voided()));
		}
		for (var v : h.visits()) {
			out.add(item(v.at(), "HOME_VISIT", "RECORDED", List.of(GapRules.time(v.recordedAt(), h.zone())),
					h.name(v.by()), null, "HOME_VISIT", v.id(), v.voided()));
		}
		for (var c : h.contacts()) {
			out.add(item(c.at(), "CONTACT", c.channel(), List.of(), h.name(c.by()), null, "CONTACT", c.id(),
					c.voided()));
		}
		for (var r : h.reports()) {
			String link = "/warnings/" + r.id();
			out.add(item(r.raisedAt(), "WARNING_REPORT", r.urgency(), List.of(r.sourceKind(),
					GapRules.time(r.dueAt(), h.zone())), h.name(r.raisedBy()), link, "WARNING_REPORT", r.id(), false));
			if (r.takenUpAt() != null) {
				out.add(item(r.takenUpAt(), "REPORT_TAKEN_UP", "TAKEN_UP", List.of(), h.name(r.takenUpBy()), link,
						"WARNING_REPORT", r.id(), false));
			}
			if (r.resolvedAt() != null) {
				out.add(item(r.resolvedAt(), "REPORT_RESOLVED", "RESOLVED", List.of(), h.name(r.resolvedBy()), link,
						"WARNING_REPORT", r.id(), false));
			}
		}
		for (var v : h.views()) {
			out.add(item(v.at(), "REPORT_VIEWED", "VIEWED", List.of(), h.name(v.userId()), "/warnings/" + v.reportId(),
					"WARNING_REPORT", v.reportId(), false));
		}
		for (var d : h.duties()) {
			DutyOutcome outcome = outcome(d, h.cutoff());
			List<String> args = List.of(d.kind(), GapRules.time(d.dueAt(), h.zone()),
					d.doneAt() == null ? "" : GapRules.time(d.doneAt(), h.zone()));
			out.add(item(d.dueAt(), "DUTY", outcome.name(), args, h.name(d.assignee()), null, "DUTY", d.id(),
					false));
		}
		for (var x : h.caseSteps()) {
			out.add(item(x.at(), "CASE_STEP", x.action(), List.of(x.toState()), h.name(x.by()), "/cases/" + x.caseId(),
					"CASE_EVENT", x.id(), x.voided()));
		}
		for (var p : h.plans()) {
			out.add(item(p.at(), "PLAN", "SAVED", List.of(Integer.toString(p.version())), h.name(p.by()),
					"/cases/" + p.caseId(), "CASE", p.caseId(), false));
		}
		for (var r : h.results()) {
			String total = r.total() == Math.rint(r.total()) ? Long.toString((long) r.total())
					: String.format(java.util.Locale.ROOT, "%.2f", r.total());
			out.add(item(r.at(), "SCREENING_RESULT", r.scaleId(), List.of(total), null, null, "SCREENING_RESULT",
					r.id(), false));
		}
		for (var f : h.flags()) {
			out.add(item(f.at(), "SCREENING_FLAG", f.status(), List.of(f.scaleId()), h.name(f.reviewedBy()), null,
					"SCREENING_FLAG", f.id(), false));
		}
		out.sort(Comparator.comparing(TimelineItem::at).thenComparing(TimelineItem::kind));
		return out;
	}

	static DutyOutcome outcome(History.Duty d, Instant cutoff) {
		if ("CANCELLED".equals(d.status())) {
			return DutyOutcome.CANCELLED;
		}
		if ("DONE".equals(d.status())) {
			return d.doneAt().isAfter(d.dueAt()) ? DutyOutcome.LATE : DutyOutcome.DONE;
		}
		return d.dueAt().isBefore(cutoff) ? DutyOutcome.MISSED : DutyOutcome.OPEN;
	}

	private static String signs(List<Integer> signs) {
		return signs.stream().map(String::valueOf).collect(Collectors.joining("、"));
	}

	private static TimelineItem item(Instant at, String kind, String code, List<String> args, String by,
			String link, String refKind, Long refId, boolean voided) {
		return new TimelineItem(at, kind, code, args, by, link, refKind, refId, voided);
	}
}
