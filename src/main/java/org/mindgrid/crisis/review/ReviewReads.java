package org.mindgrid.crisis.review;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mindgrid.crisis.events.EventAccess;
import org.mindgrid.crisis.events.EventRef;
import org.mindgrid.crisis.events.Reach;
import org.mindgrid.crisis.review.ReviewViews.Review;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Puts a review together: its row and actions, the student's timeline before the event and the gaps found. */
@Component
class ReviewReads {

	private final ReviewStore store;

	private final HistoryReader history;

	private final ReviewTimeline timeline;

	private final GapRules rules;

	private final ReviewTexts texts;

	private final MessageSource messages;

	ReviewReads(ReviewStore store, HistoryReader history, ReviewTimeline timeline, GapRules rules, ReviewTexts texts,
			MessageSource messages) {
		this.store = store;
		this.history = history;
		this.timeline = timeline;
		this.rules = rules;
		this.texts = texts;
		this.messages = messages;
	}

	/** The timeline items and gaps of an event, unchecked (the caller checked access). */
	record Traced(List<TimelineItem> items, List<Gap> gaps) {
	}

	Traced trace(EventRef e) {
		History h = history.read(e);
		return new Traced(timeline.items(h), rules.gaps(h));
	}

	Review view(EventAccess.Access a, ReviewStore.Row row) {
		Locale locale = LocaleContextHolder.getLocale();
		EventRef e = a.event();
		Traced traced = trace(e);
		Set<String> gapRefs = new HashSet<>();
		traced.gaps().forEach(g -> gapRefs.add(g.refKind() + "/" + g.refId()));
		List<ReviewViews.Item> items = traced.items().stream()
			.map(i -> new ReviewViews.Item(i.at(), i.kind(), i.code(), i.args(), i.by(), i.link(), i.refKind(),
					i.refId(), i.voided(), gapRefs.contains(i.refKind() + "/" + i.refId()) && gapKind(i),
					texts.item(i, locale)))
			.toList();
		List<ReviewViews.GapView> gaps = traced.gaps().stream()
			.map(g -> new ReviewViews.GapView(g.rule().name(), g.at(), g.refKind(), g.refId(), g.args(),
					texts.rule(g.rule(), locale), texts.gap(g, locale)))
			.toList();
		List<ReviewViews.Action> actions = store.actions(row.id()).stream()
			.map(x -> new ReviewViews.Action(x.id(), x.what(), x.ownerUserId(), x.ownerName(), x.dueOn(), x.dutyId(),
					x.dutyStatus(), x.createdBy(), x.createdAt()))
			.toList();
		String note = e.studentId() == null ? messages.getMessage("review.no-student", null, locale) : null;
		return new Review(row.id(), row.eventId(), e.studentId(), store.studentName(e.studentId()), e.occurredAt(),
				row.state(), row.findings(), row.responsibility(), actions, store.displayName(row.openedBy()),
				row.openedAt(), store.displayName(row.updatedBy()), row.updatedAt(), store.displayName(row.closedBy()),
				row.closedAt(), row.version(), a.reach() == Reach.DISTRICT && !row.closed(), note, items, gaps);
	}

	/** The record a gap is about: its own line, not every line sharing the reference (report views, take-ups). */
	private static boolean gapKind(TimelineItem i) {
		return switch (i.refKind()) {
			case "OBSERVATION", "TRIGGER", "SCREENING_FLAG", "CASE_EVENT" -> true;
			default -> false;
		};
	}
}
