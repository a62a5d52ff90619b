package org.mindgrid.mentoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.duty.Duties;
import org.mindgrid.duty.DutyKind;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.mentoring.LedgerInputs.ContactInput;
import org.mindgrid.mentoring.LedgerInputs.HomeVisitInput;
import org.mindgrid.mentoring.LedgerInputs.TalkInput;
import org.mindgrid.mentoring.LedgerRecords.Contact;
import org.mindgrid.mentoring.LedgerRecords.HomeVisit;
import org.mindgrid.mentoring.LedgerRecords.Talk;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.student.Students;
import org.mindgrid.warning.RiskPhrases;
import org.mindgrid.warning.Urgency;
import org.mindgrid.warning.WarningRaised;
import org.mindgrid.warning.WarningReports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the mentor's ledger. Only callers who may read the student's archive write (404 when the student is out
 * of scope, 403 when they may only list it); the insert itself carries the scope predicate. Each write is audited,
 * closes the duties it fulfils and, if asked, raises a warning report — all in one transaction.
 */
@Service
public class MentoringLedger {

	/** Phones' clocks drift; a record a little ahead of the server is not "in the future". */
	private static final Duration CLOCK_SLACK = Duration.ofHours(1);

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Students students;

	private final WarningReports warnings;

	private final Duties duties;

	private final AuditLog audit;

	private final LedgerReads reads;

	private final RiskPhrases phrases;

	MentoringLedger(JdbcClient jdbc, Clock clock, Students students, WarningReports warnings, Duties duties,
			AuditLog audit, LedgerReads reads, RiskPhrases phrases) {
		this.phrases = phrases;
		this.jdbc = jdbc;
		this.clock = clock;
		this.students = students;
		this.warnings = warnings;
		this.duties = duties;
		this.audit = audit;
		this.reads = reads;
	}

	/** Logs a talk; it fulfils the student's SEMESTER_TALK duty whoever of the grid was assigned it. */
	@Transactional
	public Talk logTalk(TalkInput in) {
		Urgency escalate = urgency(in.escalate());
		CurrentUser user = students.requireArchiveReader(in.studentId());
		LocalDate today = LocalDate.now(clock);
		if (in.date().isAfter(today)) {
			throw ApiProblem.badRequest("mentoring.date-future");
		}
		if (in.date().isBefore(EARLIEST)) {
			throw ApiProblem.badRequest("mentoring.date-past");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("date", in.date());
		values.put("place", in.place().strip());
		values.put("topics", in.topics().strip());
		values.put("state", in.state().strip());
		values.put("followUp", blankToNull(in.followUp()));
		long id = insert(in.studentId(), user, """
				insert into talk (student_id, school_id, talk_date, place, topics, student_state, follow_up,
				                  created_by, created_at)
				select s.id, s.school_id, :date, :place, :topics, :state, :followUp, :user, :now""", values);
		audit.record("TALK_CREATE", "talk/" + id, in.studentId(), null);
		duties.completeForStudent(DutyKind.SEMESTER_TALK, in.studentId(), user.id(), true, "talk/" + id);
		if (escalate != null) {
			raise(LedgerKind.TALK, id, in.studentId(), List.of(), escalate, blankToNull(in.state()));
		}
		else {
			// Not escalated: a risk phrase in what was written goes to the psychology teachers to review (point 14).
			phrases.reviewIfFound(in.studentId(), LedgerKind.TALK.name(), id,
					java.util.Arrays.asList(in.place(), in.topics(), in.state(), in.followUp()));
		}
		return reads.talk(id, user.id()).orElseThrow();
	}

	/**
	 * Logs a home visit following tool 3. It fulfils the student's 四必访 visit duties (any mentor's) and the
	 * visitor's semester visit. A ticked sign 1 or 6 makes the escalation urgent even if none was asked for.
	 */
	@Transactional
	public HomeVisit logHomeVisit(HomeVisitInput in) {
		Urgency escalate = urgency(in.escalate());
		CurrentUser user = students.requireArchiveReader(in.studentId());
		checkInstant(in.visitedAt());
		HomeVisitKind kind = HomeVisitKind.parse(in.kind())
			.orElseThrow(() -> ApiProblem.badRequest("mentoring.hv.unknown-kind"));
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, HomeVisitOutline.Answer> answers = HomeVisitOutline.normalize(in.answers(), kind, problems);
		if (!problems.isEmpty()) {
			var first = problems.entrySet().iterator().next();
			throw ApiProblem.badRequest(first.getValue(), first.getKey().replace("answers.", ""));
		}
		List<String> categories = in.categories() == null ? List.of()
				: in.categories().stream().filter(java.util.Objects::nonNull).distinct().toList();
		if (!HomeVisitOutline.CATEGORIES.containsAll(categories)) {
			throw ApiProblem.badRequest("mentoring.hv.unknown-category", String.join(", ", HomeVisitOutline.CATEGORIES));
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("visitedAt", Timestamp.from(in.visitedAt()));
		values.put("interviewee", in.interviewee().strip());
		values.put("relation", in.relation().strip());
		values.put("answers", reads.answersJson(answers));
		// Codes checked against the outline above, so a literal array is safe and avoids list expansion of params.
		values.put("categories", "{" + String.join(",", categories) + "}");
		values.put("duration", in.durationMinutes());
		values.put("kind", kind.name());
		long id = insert(in.studentId(), user, """
				insert into home_visit (student_id, school_id, visited_at, interviewee, relation, answers, categories,
				                        duration_minutes, kind, created_by, created_at)
				select s.id, s.school_id, :visitedAt, :interviewee, :relation, cast(:answers as jsonb),
				       cast(:categories as text[]),
				       :duration, :kind, :user, :now""", values);
		audit.record("HOME_VISIT_CREATE", "home-visit/" + id, in.studentId(), null);
		duties.completeForStudent(DutyKind.TRIGGER_HOME_VISIT, in.studentId(), user.id(), true, "home-visit/" + id);
		// a student in the warning database needs a visit in person (实地家访全覆盖): any mentor's visit counts
		duties.completeForStudent(DutyKind.CASE_HOME_VISIT, in.studentId(), user.id(), true, "home-visit/" + id);
		duties.completeMentorVisit(user.id(), in.studentId(), "home-visit/" + id);
		List<Integer> signs = HomeVisitOutline.signsOf(answers);
		if (signs.stream().anyMatch(HomeVisitOutline.URGENT_SIGNS::contains)) {
			escalate = Urgency.URGENT;
		}
		if (escalate != null) {
			// The report shows the visit's judgments from the record itself (LedgerTexts): no sentence is stored.
			raise(LedgerKind.HOME_VISIT, id, in.studentId(), signs, escalate, null);
		}
		else {
			phrases.reviewIfFound(in.studentId(), LedgerKind.HOME_VISIT.name(), id, HomeVisitOutline.textsOf(answers));
		}
		return reads.homeVisit(id, user.id()).orElseThrow();
	}

	@Transactional
	public Contact logContact(ContactInput in) {
		Urgency escalate = urgency(in.escalate());
		CurrentUser user = students.requireArchiveReader(in.studentId());
		ContactChannel channel = ContactChannel.parse(in.channel())
			.orElseThrow(() -> ApiProblem.badRequest("mentoring.contact.channel"));
		Instant at = in.contactedAt() == null ? clock.instant() : in.contactedAt();
		checkInstant(at);
		long id = insert(in.studentId(), user, """
				insert into home_school_contact (student_id, school_id, channel, content, contacted_at, created_by,
				                                 created_at)
				select s.id, s.school_id, :channel, :content, :at, :user, :now""",
				Map.of("channel", channel.name(), "content", in.content().strip(), "at", Timestamp.from(at)));
		audit.record("CONTACT_CREATE", "contact/" + id, in.studentId(), channel.name());
		if (escalate != null) {
			raise(LedgerKind.CONTACT, id, in.studentId(), List.of(), escalate, blankToNull(in.content()));
		}
		else {
			phrases.reviewIfFound(in.studentId(), LedgerKind.CONTACT.name(), id, List.of(in.content()));
		}
		return reads.contact(id, user.id()).orElseThrow();
	}

	/** Escalates a record logged earlier; once per record, never a voided one. */
	@Transactional
	public WarningRaised escalate(LedgerKind kind, long id, Urgency urgency) {
		long studentId = requireRecordReader(kind, id);
		// Row lock: two escalations of the same record at once must not raise two warning reports.
		var state = jdbc.sql("select warning_report_id, voided_at is not null from " + kind.table() + " where id = :id for update")
			.param("id", id)
			.query((rs, i) -> new Object[] { rs.getObject(1), rs.getBoolean(2) })
			.single();
		if ((Boolean) state[1]) {
			throw ApiProblem.conflict("mentoring.voided");
		}
		if (state[0] != null) {
			throw ApiProblem.conflict("mentoring.already-escalated");
		}
		return raise(kind, id, studentId, List.of(), urgency == null ? Urgency.HIGH : urgency, null);
	}

	/** A correction or addition; the record itself never changes. */
	@Transactional
	public void addendum(LedgerKind kind, long id, String text) {
		long studentId = requireRecordReader(kind, id);
		if (text == null || text.isBlank() || text.length() > 4000) {
			throw ApiProblem.badRequest("mentoring.addendum.text");
		}
		CurrentUser user = students.requireArchiveReader(studentId);
		jdbc.sql("""
				insert into ledger_addendum (record_kind, record_id, student_id, text, created_by, created_at)
				values (:kind, :id, :student, :text, :user, :now)""")
			.param("kind", kind.name())
			.param("id", id)
			.param("student", studentId)
			.param("text", text.strip())
			.param("user", user.id())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		audit.record("LEDGER_ADDENDUM", kind.path() + "/" + id, studentId, null);
	}

	/** Voids a record written by mistake. Only its author may, with a reason; it stays readable as voided. */
	@Transactional
	public void voidRecord(LedgerKind kind, long id, String reason) {
		long studentId = requireRecordReader(kind, id);
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw ApiProblem.badRequest("mentoring.void.reason");
		}
		CurrentUser user = students.requireArchiveReader(studentId);
		int n = jdbc.sql("update " + kind.table() + " " + """
				set voided_by = :user, voided_at = :now, void_reason = :reason
				 where id = :id and voided_at is null and created_by = :user""")
			.param("user", user.id())
			.param("now", Timestamp.from(clock.instant()))
			.param("reason", reason.strip())
			.param("id", id)
			.update();
		if (n == 0) {
			throw ApiProblem.conflict("mentoring.void.not-allowed");
		}
		audit.record("LEDGER_VOID", kind.path() + "/" + id, studentId, reason.strip());
	}

	@Transactional
	public Talk talk(long id) {
		long studentId = requireRecordReader(LedgerKind.TALK, id);
		audit.record("TALK_READ", "talk/" + id, studentId, null);
		return reads.talk(id, students.requireArchiveReader(studentId).id()).orElseThrow();
	}

	@Transactional
	public HomeVisit homeVisit(long id) {
		long studentId = requireRecordReader(LedgerKind.HOME_VISIT, id);
		audit.record("HOME_VISIT_READ", "home-visit/" + id, studentId, null);
		return reads.homeVisit(id, students.requireArchiveReader(studentId).id()).orElseThrow();
	}

	@Transactional
	public Contact contact(long id) {
		long studentId = requireRecordReader(LedgerKind.CONTACT, id);
		audit.record("CONTACT_READ", "contact/" + id, studentId, null);
		return reads.contact(id, students.requireArchiveReader(studentId).id()).orElseThrow();
	}

	/** Whether the record is the student's: pages act on /students/{id}/.../{recordId} only when it is. */
	public boolean belongsTo(LedgerKind kind, long recordId, long studentId) {
		return reads.studentOf(kind, recordId).map(s -> s == studentId).orElse(false);
	}

	private long requireRecordReader(LedgerKind kind, long id) {
		long studentId = reads.studentOf(kind, id).orElseThrow(() -> ApiProblem.notFound("mentoring.not-found"));
		students.requireArchiveReader(studentId);
		return studentId;
	}

	private WarningRaised raise(LedgerKind kind, long id, long studentId, List<Integer> signs, Urgency urgency,
			String summary) {
		WarningRaised raised = warnings.raise(studentId, kind.name(), id, signs, urgency, summary);
		jdbc.sql("update " + kind.table() + " set warning_report_id = :report where id = :id")
			.param("report", raised.id())
			.param("id", id)
			.update();
		audit.record("LEDGER_ESCALATE", kind.path() + "/" + id, studentId, urgency.name() + " report " + raised.id());
		return raised;
	}

	/** Runs an insert … select from the student row under the caller's archive scope; 404 if the row is not theirs. */
	private long insert(long studentId, CurrentUser user, String insertSelect, Map<String, Object> values) {
		var spec = jdbc.sql(insertSelect + " from student s where s.id = :student and "
				+ StudentScope.predicate("s") + " returning id");
		for (var e : values.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.param("user", user.id())
			.param("now", Timestamp.from(clock.instant()))
			.param("student", studentId)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.ARCHIVE)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("student.not-found"));
	}

	private void checkInstant(Instant at) {
		if (at.isAfter(clock.instant().plus(CLOCK_SLACK))) {
			throw ApiProblem.badRequest("mentoring.date-future");
		}
		if (at.isBefore(EARLIEST.atStartOfDay(clock.getZone()).toInstant())) {
			throw ApiProblem.badRequest("mentoring.date-past");
		}
	}

	/** The escalation asked for: none (absent, false, ""), HIGH (true, "HIGH") or URGENT; 400 otherwise. */
	public static Urgency urgency(Object escalate) {
		if (escalate == null || Boolean.FALSE.equals(escalate) || "".equals(escalate)
				|| "false".equals(escalate) || "NONE".equals(escalate)) {
			return null;
		}
		if (Boolean.TRUE.equals(escalate) || "true".equals(escalate)) {
			return Urgency.HIGH;
		}
		if (escalate instanceof String s) {
			for (Urgency u : Urgency.values()) {
				if (u.escalation() && u.name().equalsIgnoreCase(s.strip())) {
					return u;
				}
			}
		}
		throw ApiProblem.badRequest("mentoring.escalate.invalid");
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
