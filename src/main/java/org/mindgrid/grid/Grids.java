package org.mindgrid.grid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.audit.PostGrant;
import org.mindgrid.grid.ClassGrid.GridStudent;
import org.mindgrid.grid.ClassGrid.MentorGroup;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.school.ClassInfo;
import org.mindgrid.school.SchoolStructure;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid module's API: read a class's or a school's grid with its warnings, make staff mentors, assign students.
 * Access is decided in SQL ({@link GridAccess}); every change is audited and announced as {@link MentorAssigned}.
 * Assigning beyond the limit is allowed and shows a warning (docs/decisions/0006-grid-rules.md).
 */
@Service
public class Grids {

	/** The class page: the grid, what the caller may do, and whom they could make a mentor. */
	public record ClassView(ClassGrid grid, boolean canEdit, boolean fullView, List<StaffMember> candidates) {
	}

	private static final String AUDIT_ACTION = "MENTOR_ASSIGN";

	/** No class is this large; the cap keeps a malformed request from building a huge IN list. */
	private static final int MAX_STUDENTS_PER_REQUEST = 500;

	private final GridStore store;

	private final GridRules rules;

	private final GridAccess access;

	private final SchoolStructure schools;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final GridProperties properties;

	private final Clock clock;

	Grids(GridStore store, GridRules rules, GridAccess access, SchoolStructure schools, CurrentUsers users,
			AuditLog audit, ApplicationEventPublisher events, GridProperties properties, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.access = access;
		this.schools = schools;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ClassGrid classGrid(long classId) {
		ClassInfo info = requireClass(classId);
		access.requireClassReader(users.current(), info.schoolId(), classId);
		return load(info);
	}

	@Transactional(readOnly = true)
	public ClassView classView(long classId) {
		ClassInfo info = requireClass(classId);
		GridAccess.ClassAccess rights = access.requireClassReader(users.current(), info.schoolId(), classId);
		List<StaffMember> candidates = rights.write() ? store.mentorCandidates(info.schoolId(), classId) : List.of();
		return new ClassView(load(info), rights.write(), rights.full(), candidates);
	}

	@Transactional(readOnly = true)
	public SchoolGrid schoolGrid(long schoolId) {
		var school = requireSchool(schoolId);
		List<GridWarning> warnings = rules.warnings(schoolId, null, LocaleContextHolder.getLocale());
		Map<Long, Long> perClass = warnings.stream()
			.collect(Collectors.groupingBy(GridWarning::classId, Collectors.counting()));
		List<SchoolGrid.ClassRow> rows = store.classRows(schoolId).stream()
			.map(r -> new SchoolGrid.ClassRow(r.classId(), r.className(), r.gradeLevel(), r.studentCount(),
					r.mentorCount(), r.unassignedCount(), perClass.getOrDefault(r.classId(), 0L).intValue()))
			.toList();
		return new SchoolGrid(schoolId, school.name(), rows, warnings);
	}

	/** Every broken rule of the school, in class order, paged like every list. */
	@Transactional(readOnly = true)
	public Page<GridWarning> schoolWarnings(long schoolId, int page, int size) {
		requireSchool(schoolId);
		List<GridWarning> all = rules.warnings(schoolId, null, LocaleContextHolder.getLocale());
		int from = (int) Math.min((long) page * size, all.size());
		return new Page<>(all.subList(from, Math.min(from + size, all.size())), all.size(), page, size);
	}

	/** The caller's own students in the grid, per class. */
	@Transactional(readOnly = true)
	public List<MentorStudents> myStudents() {
		CurrentUser user = users.current();
		GridAccess.requireSchoolStaff(user);
		return store.studentsOfMentor(user.id());
	}

	/**
	 * Makes a member of the school's staff a mentor of the class; false if they already were. Never a student
	 * account (409). A writer may make themselves a mentor: they already read every student of the class, so it
	 * opens nothing new (docs/decisions/0015-post-grants.md).
	 */
	@Transactional
	public boolean addMentor(long classId, long userId) {
		ClassInfo info = requireWriter(classId);
		if (store.isStudentAccount(userId)) {
			throw ApiProblem.conflict("grid.student-account");
		}
		if (!store.isStaff(userId, info.schoolId())) {
			throw ApiProblem.badRequest("grid.not-staff");
		}
		if (store.isMentor(classId, userId)) {
			return false;
		}
		store.addMentorPost(userId, info.schoolId(), classId);
		audit.record(AUDIT_ACTION, resource(classId), null, "mentor added: user " + userId, mentorGrant(info, userId));
		return true;
	}

	/** Removes a mentor who has no students left in the class (409 otherwise: unassign them first). */
	@Transactional
	public void removeMentor(long classId, long userId) {
		ClassInfo info = requireWriter(classId);
		requireMentor(classId, userId);
		if (!store.studentIdsOf(classId, userId).isEmpty()) {
			throw ApiProblem.conflict("grid.mentor-has-students");
		}
		store.removeMentorPost(userId, classId);
		audit.record(AUDIT_ACTION, resource(classId), null, "mentor removed: user " + userId, mentorGrant(info, userId));
	}

	/** Replaces the mentor's students in this class with {@code studentIds} (students of the class only). */
	@Transactional
	public ClassGrid setStudents(long classId, long mentorUserId, Collection<Long> studentIds) {
		ClassInfo info = requireWriter(classId);
		requireMentor(classId, mentorUserId);
		Set<Long> wanted = requireStudentsOf(classId, studentIds);
		Set<Long> current = store.studentIdsOf(classId, mentorUserId);
		Set<Long> added = new TreeSet<>(wanted);
		added.removeAll(current);
		Set<Long> removed = new TreeSet<>(current);
		removed.removeAll(wanted);
		apply(info, mentorUserId, added, removed);
		return load(info);
	}

	/** Adds students to the mentor's set (the page's multi-select). */
	@Transactional
	public ClassGrid assignStudents(long classId, long mentorUserId, Collection<Long> studentIds) {
		ClassInfo info = requireWriter(classId);
		requireMentor(classId, mentorUserId);
		if (studentIds == null || studentIds.isEmpty()) {
			throw ApiProblem.badRequest("grid.no-students-selected");
		}
		Set<Long> added = new TreeSet<>(requireStudentsOf(classId, studentIds));
		added.removeAll(store.studentIdsOf(classId, mentorUserId));
		apply(info, mentorUserId, added, Set.of());
		return load(info);
	}

	@Transactional
	public ClassGrid unassignStudent(long classId, long mentorUserId, long studentId) {
		ClassInfo info = requireWriter(classId);
		requireMentor(classId, mentorUserId);
		Set<Long> removed = store.studentIdsOf(classId, mentorUserId).contains(studentId) ? Set.of(studentId) : Set.of();
		apply(info, mentorUserId, Set.of(), removed);
		return load(info);
	}

	private void apply(ClassInfo info, long mentorUserId, Set<Long> added, Set<Long> removed) {
		if (added.isEmpty() && removed.isEmpty()) {
			return;
		}
		long by = users.current().id();
		Instant now = clock.instant();
		PostGrant grant = mentorGrant(info, mentorUserId);
		for (long studentId : added) {
			store.assign(info.id(), mentorUserId, studentId, by, now);
			audit.record(AUDIT_ACTION, resource(info.id()), studentId, "assigned to mentor " + mentorUserId, grant);
		}
		for (long studentId : removed) {
			store.unassign(info.id(), mentorUserId, studentId);
			audit.record(AUDIT_ACTION, resource(info.id()), studentId, "unassigned from mentor " + mentorUserId, grant);
		}
		events.publishEvent(new MentorAssigned(info.schoolId(), info.id(), mentorUserId, List.copyOf(added),
				List.copyOf(removed), by, now));
	}

	private ClassGrid load(ClassInfo info) {
		Map<Long, List<GridStudent>> assigned = store.assignments(info.id());
		List<MentorGroup> mentors = store.mentors(info.id()).stream()
			.map(m -> new MentorGroup(m.userId(), m.name(), m.username(), assigned.getOrDefault(m.userId(), List.of())))
			.toList();
		Set<Long> covered = assigned.values().stream().flatMap(List::stream).map(GridStudent::id)
			.collect(Collectors.toSet());
		List<GridStudent> students = store.students(info.id());
		List<GridStudent> unassigned = students.stream().filter(s -> !covered.contains(s.id())).toList();
		List<GridWarning> warnings = rules.warnings(info.schoolId(), info.id(), LocaleContextHolder.getLocale());
		return new ClassGrid(info.id(), info.schoolId(), info.displayName(), info.gradeLevel(), mentors, students,
				unassigned, warnings, properties.maxStudentsPerMentor());
	}

	private ClassInfo requireClass(long classId) {
		GridAccess.requireSchoolStaff(users.current());
		return schools.findClass(classId).orElseThrow(() -> ApiProblem.notFound("grid.class-not-found"));
	}

	private org.mindgrid.school.SchoolInfo requireSchool(long schoolId) {
		CurrentUser user = users.current();
		GridAccess.requireSchoolStaff(user);
		var school = schools.school(schoolId).orElseThrow(() -> ApiProblem.notFound("grid.school-not-found"));
		access.requireSchoolReader(user, schoolId);
		return school;
	}

	private ClassInfo requireWriter(long classId) {
		ClassInfo info = requireClass(classId);
		if (!access.requireClassReader(users.current(), info.schoolId(), classId).write()) {
			throw ApiProblem.forbidden("grid.write-forbidden");
		}
		return info;
	}

	private void requireMentor(long classId, long userId) {
		if (!store.isMentor(classId, userId)) {
			throw ApiProblem.notFound("grid.mentor-not-found");
		}
	}

	/** 400 naming the ids that are not enrolled students of the class. */
	private Set<Long> requireStudentsOf(long classId, Collection<Long> studentIds) {
		if (studentIds == null || studentIds.stream().anyMatch(java.util.Objects::isNull)) {
			throw ApiProblem.badRequest("grid.student-ids-required");
		}
		Set<Long> wanted = new LinkedHashSet<>(studentIds);
		if (wanted.size() > MAX_STUDENTS_PER_REQUEST) {
			throw ApiProblem.badRequest("grid.too-many-students", MAX_STUDENTS_PER_REQUEST);
		}
		Set<Long> valid = store.enrolledAmong(classId, wanted);
		List<Long> foreign = new ArrayList<>(wanted);
		foreign.removeAll(valid);
		if (!foreign.isEmpty()) {
			throw ApiProblem.badRequest("grid.student-not-in-class",
					foreign.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		return valid;
	}

	/** Mentor posts and assignments are security events of the class (ADR 0015). */
	private static PostGrant mentorGrant(ClassInfo info, long mentorUserId) {
		return new PostGrant(mentorUserId, Role.MENTOR, info.schoolId(), info.id());
	}

	private static String resource(long classId) {
		return "class/" + classId + "/grid";
	}
}
