package org.mindgrid.crisis.review;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.mindgrid.screening.ScreeningFixture;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A student of a class of their own (never head1's) with a history written straight into the tables, and a crisis
 * event on them at {@link #T}, a Friday of the demo's current semester. The event's 1-hour report counts as
 * submitted, so the report clock leaves it alone.
 */
final class ReviewFixture {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** When the event occurred: Friday 20 November 2026, 10:00, in the semester that began on 1 September. */
	static final Instant T = ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZONE).toInstant();

	final JdbcClient jdbc;

	final long student;

	final long school;

	final long classId;

	/** The class's head teacher (the fixture's author of records). */
	final long head;

	final String headName;

	final long psych;

	ReviewFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		var c = ScreeningFixture.newClass(jdbc, 8, 1);
		this.student = c.students().get(0);
		this.school = c.schoolId();
		this.classId = c.classId();
		this.headName = c.headTeacher();
		this.head = user(c.headTeacher());
		this.psych = user("psych1");
	}

	long user(String username) {
		return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	static Instant at(int year, int month, int day, int hour) {
		return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZONE).toInstant();
	}

	static Instant daysBefore(int days) {
		return T.minus(Duration.ofDays(days));
	}

	long event() {
		return jdbc.sql("""
				insert into crisis_event (school_id, district_id, city_id, student_id, class_id, kind, occurred_at, place,
				                          summary, raised_by, raised_at, report_due_at, report_submitted_at)
				select s.id, s.district_id, d.city_id, :student, :class, 'SELF_HARM', :t, '教学楼', '复盘测试', :by,
				       :raised, :due, :raised
				  from school s join district d on d.id = s.district_id where s.id = :school
				returning id""")
			.param("student", student).param("class", classId).param("t", ts(T)).param("by", head)
			.param("raised", ts(T.plusSeconds(600))).param("due", ts(T.plusSeconds(4200))).param("school", school)
			.query(Long.class).single();
	}

	long talk(LocalDate day) {
		return jdbc.sql("""
				insert into talk (student_id, school_id, talk_date, place, topics, student_state, created_by, created_at)
				values (:s, :school, :day, '办公室', '近况', '平稳', :by, :at) returning id""")
			.param("s", student).param("school", school).param("day", java.sql.Date.valueOf(day)).param("by", head)
			.param("at", ts(day.atTime(17, 0).atZone(ZONE).toInstant())).query(Long.class).single();
	}

	long trigger(Instant recordedAt) {
		return jdbc.sql("""
				insert into trigger_event (student_id, school_id, kind, occurred_on, source_kind, recorded_by, recorded_at)
				values (:s, :school, 'FAMILY_CHANGE', :on, 'MANUAL', :by, :at) returning id""")
			.param("s", student).param("school", school)
			.param("on", java.sql.Date.valueOf(LocalDate.ofInstant(recordedAt, ZONE))).param("by", head)
			.param("at", ts(recordedAt)).query(Long.class).single();
	}

	/** A duty of the student; {@code doneAt} null: still open. */
	long duty(String kind, Instant createdAt, Instant dueAt, Instant doneAt) {
		return jdbc.sql("""
				insert into duty (kind, school_id, student_id, class_id, assignee_user_id, due_at, status, source_kind,
				                  created_at, done_at, done_by)
				values (:kind, :school, :s, :class, :who, :due, :status, 'TRIGGER', :created, :done, :doneBy)
				returning id""")
			.param("kind", kind).param("school", school).param("s", student).param("class", classId).param("who", head)
			.param("due", ts(dueAt)).param("status", doneAt == null ? "OPEN" : "DONE").param("created", ts(createdAt))
			.param("done", doneAt == null ? null : ts(doneAt)).param("doneBy", doneAt == null ? null : head)
			.query(Long.class).single();
	}

	/** A red observation (sign 3, hopeless) and the HIGH warning report it raised; taken up at {@code takenUpAt}. */
	long redObservation(Instant at, Instant dueAt, Instant takenUpAt) {
		long report = jdbc.sql("""
				insert into warning_report (student_id, school_id, source_kind, signs, urgency, due_at, status, raised_by,
				                            raised_at, taken_up_by, taken_up_at, resolved_by, resolved_at, resolution_reason)
				values (:s, :school, 'OBSERVATION', '{3}', 'HIGH', :due, 'RESOLVED', :by, :at, :psych, :taken, :psych,
				        :resolved, '复盘测试')
				returning id""")
			.param("s", student).param("school", school).param("due", ts(dueAt)).param("by", head).param("at", ts(at))
			.param("psych", psych).param("taken", ts(takenUpAt)).param("resolved", ts(takenUpAt.plusSeconds(3600)))
			.query(Long.class).single();
		long obs = jdbc.sql("""
				insert into observation (student_id, school_id, class_id, observer_user_id, observed_on, signs,
				                         crisis_level, warning_report_id, created_at)
				values (:s, :school, :class, :by, :on, '{3}', 'NONE', :report, :at) returning id""")
			.param("s", student).param("school", school).param("class", classId).param("by", head)
			.param("on", java.sql.Date.valueOf(LocalDate.ofInstant(at, ZONE))).param("report", report)
			.param("at", ts(at)).query(Long.class).single();
		jdbc.sql("insert into warning_report_view (report_id, user_id, viewed_at) values (:r, :u, :at)")
			.param("r", report).param("u", psych).param("at", ts(at.plusSeconds(900))).update();
		return obs;
	}

	/** A screening result with a CUTOFF flag raised at {@code at}, reviewed (dismissed) at {@code reviewedAt}. */
	long screeningFlag(Instant at, Instant reviewedAt) {
		long campaign = jdbc.sql("""
				insert into screening_campaign (school_id, name, opens_at, closes_at, created_by, created_at)
				values (:school, '复盘测试普查', :opens, :closes, :by, :opens) returning id""")
			.param("school", school).param("opens", ts(at.minus(Duration.ofDays(3))))
			.param("closes", ts(at.minus(Duration.ofDays(1)))).param("by", psych).query(Long.class).single();
		long response = jdbc.sql("""
				insert into screening_response (campaign_id, student_id, scale_id, school_id, class_id, started_at,
				                                updated_at, submitted_at)
				values (:c, :s, 'phq9', :school, :class, :at, :at, :at) returning id""")
			.param("c", campaign).param("s", student).param("school", school).param("class", classId)
			.param("at", ts(at.minusSeconds(600))).query(Long.class).single();
		long result = jdbc.sql("""
				insert into screening_result (response_id, campaign_id, student_id, school_id, class_id, scale_id, total,
				                              band, factors, factor_bands, flags, scored_at)
				values (:r, :c, :s, :school, :class, 'phq9', 16, 'moderately-severe', '{}', '{}', '{CUTOFF}', :at)
				returning id""")
			.param("r", response).param("c", campaign).param("s", student).param("school", school)
			.param("class", classId).param("at", ts(at)).query(Long.class).single();
		return jdbc.sql("""
				insert into screening_flag (result_id, campaign_id, student_id, school_id, class_id, scale_id, reasons,
				                            urgent, status, flagged_at, reviewed_by, reviewed_at, review_reason)
				values (:r, :c, :s, :school, :class, 'phq9', '{CUTOFF}', false, 'DISMISSED', :at, :psych, :reviewed,
				        '复盘测试')
				returning id""")
			.param("r", result).param("c", campaign).param("s", student).param("school", school)
			.param("class", classId).param("at", ts(at)).param("psych", psych).param("reviewed", ts(reviewedAt))
			.query(Long.class).single();
	}

	/** A case in the warning database, released after the event (so that it stays off the school's open lists). */
	long watchCase(Instant openedAt) {
		return jdbc.sql("""
				insert into warning_case (student_id, school_id, state, category, in_database, opened_by, opened_at,
				                          ended_at)
				values (:s, :school, 'RELEASED', 3, true, :by, :at, :ended) returning id""")
			.param("s", student).param("school", school).param("by", psych).param("at", ts(openedAt))
			.param("ended", ts(T.plus(Duration.ofDays(1)))).query(Long.class).single();
	}

	long step(long caseId, Instant at, String action, String from, String to) {
		return jdbc.sql("""
				insert into warning_case_event (case_id, action, from_state, to_state, by_user, at)
				values (:c, :action, :from, :to, :by, :at) returning id""")
			.param("c", caseId).param("action", action).param("from", from).param("to", to).param("by", psych)
			.param("at", ts(at)).query(Long.class).single();
	}

	/** Opened, assessed, put on watch (category 3) on the three days from {@code start}. */
	long caseOnWatch(Instant start) {
		long c = watchCase(start);
		step(c, start, "OPEN", null, "REPORTED");
		step(c, start.plus(Duration.ofDays(1)), "ASSESS", "REPORTED", "ASSESSING");
		step(c, start.plus(Duration.ofDays(2)), "CATEGORIZE", "ASSESSING", "WATCH");
		return c;
	}

	/** Weekly sessions in {@code state} every {@code everyDays} from {@code from} up to the event. */
	void sessions(long caseId, Instant from, int everyDays, String state) {
		for (Instant at = from; at.isBefore(T); at = at.plus(Duration.ofDays(everyDays))) {
			step(caseId, at, "RECORD_SESSION", state, state);
		}
	}

	static Timestamp ts(Instant at) {
		return Timestamp.from(at);
	}
}
