package org.mindgrid.observation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.student.Students;
import org.mindgrid.warning.RiskPhrases;
import org.mindgrid.warning.WarningRaised;
import org.mindgrid.warning.WarningReports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records daily observations. Any staff member who may list the student (teaches, mentors, heads the class, or
 * works school-wide) may record one; red signs raise a warning report and 四必访 signs open home-visit duties in the
 * same transaction, so a warning sign is never lost between two steps.
 */
@Service
public class Observations {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Students students;

	private final StudentLookup lookup;

	private final WarningReports warnings;

	private final Triggers triggers;

	private final AuditLog audit;

	private final RiskPhrases phrases;

	Observations(JdbcClient jdbc, Clock clock, Students students, StudentLookup lookup, WarningReports warnings,
			Triggers triggers, AuditLog audit, RiskPhrases phrases) {
		this.phrases = phrases;
		this.jdbc = jdbc;
		this.clock = clock;
		this.students = students;
		this.lookup = lookup;
		this.warnings = warnings;
		this.triggers = triggers;
		this.audit = audit;
	}

	@Transactional
	public ObservationRecorded record(ObservationCommand command) {
		CurrentUser user = students.requireStudentReader();
		ObservedStudent student = lookup.find(user, command.studentId(), StudentScope.LIST)
			.orElseThrow(() -> ApiProblem.notFound("student.not-found"));
		validate(command);
		Instant now = clock.instant();
		LocalDate observedOn = command.observedOn() == null ? LocalDate.now(clock) : command.observedOn();
		long id = jdbc.sql("""
				insert into observation (student_id, school_id, class_id, observer_user_id, observed_on, categories,
				                         category_other, signs, other_clues, crisis_level, home_contact_done,
				                         handling_advice, notes, created_at)
				values (:student, :school, :class, :observer, :on, :categories, :categoryOther, :signs, :clues,
				        :level, :contact, :advice, :notes, :at) returning id""")
			.param("student", student.id())
			.param("school", student.schoolId())
			.param("class", student.classId())
			.param("observer", user.id())
			.param("on", Date.valueOf(observedOn))
			.param("categories", command.categories().toArray(String[]::new))
			.param("categoryOther", blankToNull(command.categoryOther()))
			.param("signs", command.signs().stream().mapToInt(Integer::intValue).toArray())
			.param("clues", blankToNull(command.otherClues()))
			.param("level", command.crisisLevel())
			.param("contact", Boolean.TRUE.equals(command.homeContactDone()))
			.param("advice", blankToNull(command.handlingAdvice()))
			.param("notes", blankToNull(command.notes()))
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		audit.record("OBSERVATION_RECORDED", "observation/" + id, student.id(), "signs " + command.signs());

		WarningRaised report = SignRouting.urgencyOf(command.signs(), command.crisisLevel())
			.map(urgency -> warnings.raise(student.id(), "OBSERVATION", id, command.signs(), urgency,
					summary(command)))
			.orElse(null);
		if (report != null) {
			jdbc.sql("update observation set warning_report_id = :r where id = :id")
				.param("r", report.id())
				.param("id", id)
				.update();
		}
		else {
			// No red sign ticked: a risk phrase in the observer's words goes to the psychology teachers (point 14).
			phrases.reviewIfFound(student.id(), "OBSERVATION", id, java.util.Arrays.asList(command.categoryOther(),
					command.otherClues(), command.handlingAdvice(), command.notes()));
		}
		Set<TriggerKind> set = SignRouting.triggersOf(command.signs(), command.categories());
		for (TriggerKind kind : set) {
			triggers.record(user, student, kind, observedOn, null, "OBSERVATION", id);
		}
		return new ObservationRecorded(id, student.id(), observedOn, command.signs(), command.categories(),
				blankToNull(command.categoryOther()), blankToNull(command.otherClues()), command.crisisLevel(),
				Boolean.TRUE.equals(command.homeContactDone()), blankToNull(command.handlingAdvice()),
				blankToNull(command.notes()), now, report, new ArrayList<>(set));
	}

	/**
	 * 四必访 by hand: head teachers of the class, psychology teachers and leaders record every kind; a mentor records
	 * abnormal emotion and family change of the students they mentor (they notice them first); absences and grade
	 * drops stay with the head teacher.
	 */
	@Transactional
	public long recordTrigger(long studentId, TriggerKind kind, LocalDate occurredOn, String note) {
		CurrentUser user = students.requireStudentReader();
		ObservedStudent student = lookup.find(user, studentId, StudentScope.LIST)
			.orElseThrow(() -> ApiProblem.notFound("student.not-found"));
		List<TriggerKind> allowed = triggerKinds(user, student);
		if (allowed.isEmpty()) {
			throw ApiProblem.forbidden("trigger.no-kinds");
		}
		if (!allowed.contains(kind)) {
			throw ApiProblem.forbidden("trigger.forbidden");
		}
		if (note != null && note.length() > 1000) {
			throw ApiProblem.badRequest("observation.too-long", 1000);
		}
		LocalDate day = occurredOn == null ? LocalDate.now(clock) : occurredOn;
		if (day.isAfter(LocalDate.now(clock))) {
			throw ApiProblem.badRequest("observation.future-date");
		}
		return triggers.record(user, student, kind, day, blankToNull(note), "HEAD_TEACHER_ENTRY", null);
	}

	/**
	 * One observation in full, for those who may read the student's archive (404 out of scope or unknown, 403 for
	 * those who may only list the student); the read is audited.
	 */
	@Transactional
	public ObservationView get(long observationId) {
		long studentId = jdbc.sql("select student_id from observation where id = :id").param("id", observationId)
			.query(Long.class).optional().orElseThrow(() -> ApiProblem.notFound("observation.not-found"));
		students.requireArchiveReader(studentId);
		ObservationView view = jdbc.sql("""
				select o.id, o.student_id, s.name, g.name || '（' || replace(c.name, '班', '') || '）班' as class_name,
				       o.observed_on, o.signs, o.categories, o.category_other, o.other_clues, o.crisis_level,
				       o.home_contact_done, o.handling_advice, o.notes, u.display_name, o.created_at, o.warning_report_id
				  from observation o join student s on s.id = o.student_id
				  join school_class c on c.id = o.class_id join grade g on g.id = c.grade_id
				  join app_user u on u.id = o.observer_user_id
				 where o.id = :id""")
			.param("id", observationId)
			.query((rs, i) -> new ObservationView(rs.getLong("id"), rs.getLong("student_id"), rs.getString("name"),
					rs.getString("class_name"), rs.getDate("observed_on").toLocalDate(),
					java.util.Arrays.stream((Integer[]) rs.getArray("signs").getArray()).sorted().toList(),
					List.of((String[]) rs.getArray("categories").getArray()), rs.getString("category_other"),
					rs.getString("other_clues"), rs.getString("crisis_level"), rs.getBoolean("home_contact_done"),
					rs.getString("handling_advice"), rs.getString("notes"), rs.getString("display_name"),
					rs.getTimestamp("created_at").toInstant(), (Long) rs.getObject("warning_report_id"),
					ObservationTexts.observation(rs)))
			.single();
		audit.record("OBSERVATION_READ", "observation/" + observationId, studentId, null);
		return view;
	}

	/** The 四必访 kinds the caller may record for the student, for the form (404 out of scope). */
	@Transactional(readOnly = true)
	public List<TriggerKind> triggerKinds(long studentId) {
		CurrentUser user = students.requireStudentReader();
		ObservedStudent student = lookup.find(user, studentId, StudentScope.LIST)
			.orElseThrow(() -> ApiProblem.notFound("student.not-found"));
		return triggerKinds(user, student);
	}

	private List<TriggerKind> triggerKinds(CurrentUser user, ObservedStudent student) {
		if (user.hasRoleInClass(student.classId(), org.mindgrid.identity.Role.HEAD_TEACHER)
				|| user.hasRoleAtSchool(student.schoolId(), org.mindgrid.identity.Role.PSYCH_TEACHER,
						org.mindgrid.identity.Role.SCHOOL_LEADER)) {
			return List.of(TriggerKind.values());
		}
		if (lookup.mentors(user, student)) {
			return TriggerKind.MENTOR_KINDS;
		}
		return List.of();
	}

	/** Name, 学号 and class of a student the caller may list, for the form's header (no archive read). */
	public java.util.Optional<org.mindgrid.student.StudentSummary> studentLabel(long studentId) {
		CurrentUser user = students.requireStudentReader();
		return lookup.summary(user, studentId);
	}

	private void validate(ObservationCommand command) {
		List<Integer> badSigns = command.signs().stream().filter(s -> s < 1 || s > SignRouting.SIGN_COUNT).toList();
		if (!badSigns.isEmpty()) {
			throw ApiProblem.badRequest("observation.bad-sign", badSigns.toString());
		}
		List<String> badCategories = command.categories().stream().filter(c -> !ObservationCategories.isKnown(c)).toList();
		if (!badCategories.isEmpty()) {
			throw ApiProblem.badRequest("observation.bad-category", String.join(", ", badCategories));
		}
		if (command.observedOn() != null && command.observedOn().isAfter(LocalDate.now(clock))) {
			throw ApiProblem.badRequest("observation.future-date");
		}
		if (command.signs().isEmpty() && command.categories().isEmpty() && isBlank(command.otherClues())
				&& isBlank(command.notes()) && "NONE".equals(command.crisisLevel())) {
			throw ApiProblem.badRequest("observation.empty");
		}
	}

	/** What the psychology teacher reads first in the queue: the observer's own words, whole (nothing is cut). */
	private static String summary(ObservationCommand command) {
		String text = java.util.stream.Stream.of(command.otherClues(), command.notes())
			.filter(t -> !isBlank(t)).map(String::strip).collect(java.util.stream.Collectors.joining("\n"));
		return text.isEmpty() ? null : text;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}
}
