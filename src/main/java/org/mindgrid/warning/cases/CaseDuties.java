package org.mindgrid.warning.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.duty.DutyRequest;

import org.springframework.stereotype.Component;

/**
 * The duties a case's steps open and close (issue 8 point 4): rolling ones — a recorded weekly session opens next
 * week's, a recorded contact the next contact — so a missed week is an overdue duty that escalates like any other.
 */
@Component
class CaseDuties {

	static final String SOURCE = "WARNING_CASE";

	static final Duration WEEK = Duration.ofDays(7);

	static final Duration DAY = Duration.ofDays(1);

	static final Duration HOME_VISIT = Duration.ofDays(14);

	static final int LEAVE_CONTACT_DAYS = 14;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Duties duties;

	private final CasePeople people;

	CaseDuties(Duties duties, CasePeople people) {
		this.duties = duties;
		this.people = people;
	}

	/**
	 * After a change is saved: what it closes, what it opens. {@code leaveEveryDays}: the contact interval the leave
	 * was started with, if any.
	 */
	void after(WarningCase c, WarningCase.Change change, long by, Instant now, Long leaveEveryDays) {
		CasePeople.Student s = people.student(c.studentId());
		String note = "case/" + c.id() + "/" + change.action().code();
		Map<String, Object> d = change.details();
		switch (change.action()) {
			case CATEGORIZE -> {
				if (change.from() == CaseState.ASSESSING) {
					startWatch(c, s, now, false);
				}
			}
			case SIGN_CONTRACT -> {
				// closer watch: the head teacher's note becomes daily
				duties.cancelForSource(SOURCE, c.id(), by, note, DutyKind.CASE_MONITORING);
				open(DutyKind.CASE_MONITORING, c, s, people.headTeachers(s), now.plus(DAY));
			}
			case RECORD_SESSION -> {
				duties.completeForSource(DutyKind.CASE_SESSION, SOURCE, c.id(), by, note);
				open(DutyKind.CASE_SESSION, c, s, people.psychTeachers(s), now.plus(WEEK));
			}
			case RECORD_MONITORING -> {
				duties.completeForSource(DutyKind.CASE_MONITORING, SOURCE, c.id(), by, note);
				open(DutyKind.CASE_MONITORING, c, s, people.headTeachers(s),
						now.plus(c.staysAgainstAdvice() ? DAY : WEEK));
			}
			case START_LEAVE -> {
				duties.cancelForSource(SOURCE, c.id(), by, note, DutyKind.CASE_SESSION, DutyKind.CASE_MONITORING);
				openLeaveContact(c, s, d, now);
			}
			case RECORD_CONTACT -> {
				if (change.to() == CaseState.ON_LEAVE) {
					duties.completeForSource(DutyKind.CASE_LEAVE_CONTACT, SOURCE, c.id(), by, note);
					openLeaveContact(c, s, leaveEveryDays == null ? Map.of() : Map.of("contactEveryDays", leaveEveryDays), now);
				}
			}
			case DECIDE_RETURN -> {
				if (change.to() == CaseState.WATCH) {
					duties.cancelForSource(SOURCE, c.id(), by, note, DutyKind.CASE_LEAVE_CONTACT);
					startWatch(c, s, now, true);
				}
			}
			case REVIEW_PLAN -> {
				duties.completeForSource(DutyKind.CASE_PLAN_REVIEW, SOURCE, c.id(), by, note);
				if (d.get("nextReviewOn") instanceof String next) {
					planReview(c, s, LocalDate.parse(next));
				}
			}
			case RELEASE, DISMISS -> duties.cancelForSource(SOURCE, c.id(), by, note);
			default -> {
			}
		}
	}

	/** A plan saved with a review date: the review is a duty of the psychology teachers. */
	void planReview(WarningCase c, CasePeople.Student s, LocalDate reviewOn) {
		open(DutyKind.CASE_PLAN_REVIEW, c, s, people.psychTeachers(s),
				reviewOn.plusDays(1).atStartOfDay(ZONE).toInstant());
	}

	CasePeople.Student student(WarningCase c) {
		return people.student(c.studentId());
	}

	/** Entering the warning database, or back from leave (closer: a daily monitoring note at first). */
	private void startWatch(WarningCase c, CasePeople.Student s, Instant now, boolean returning) {
		open(DutyKind.CASE_SESSION, c, s, people.psychTeachers(s), now.plus(WEEK));
		open(DutyKind.CASE_MONITORING, c, s, people.headTeachers(s),
				now.plus(returning || c.staysAgainstAdvice() ? DAY : WEEK));
		if (c.inDatabase()) {
			open(DutyKind.CASE_HOME_VISIT, c, s, people.mentors(s), now.plus(HOME_VISIT));
		}
	}

	private void openLeaveContact(WarningCase c, CasePeople.Student s, Map<String, Object> d, Instant now) {
		long days = d.get("contactEveryDays") instanceof Number n ? n.longValue() : LEAVE_CONTACT_DAYS;
		List<Long> who = people.headTeachers(s).isEmpty() ? people.psychTeachers(s) : people.headTeachers(s);
		open(DutyKind.CASE_LEAVE_CONTACT, c, s, who, now.plus(Duration.ofDays(days)));
	}

	private void open(DutyKind kind, WarningCase c, CasePeople.Student s, List<Long> assignees, Instant due) {
		for (long user : assignees) {
			duties.open(new DutyRequest(kind, s.schoolId(), s.id(), s.classId(), user, due, SOURCE, c.id(), null));
		}
	}
}
