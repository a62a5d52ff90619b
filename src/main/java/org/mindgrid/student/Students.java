package org.mindgrid.student;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Validator;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.identity.Role;
import org.mindgrid.identity.ScopePath;
import org.mindgrid.identity.StudentScope;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;
import org.mindgrid.student.archive.ArchiveSection;
import org.mindgrid.student.archive.ArchiveStore;
import org.mindgrid.student.archive.ArchiveView;
import org.mindgrid.student.archive.GrowthArchive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The student module's API. Every query carries the caller's scope as a SQL predicate ({@link StudentScope});
 * every read of a student and every write is audited in the same transaction.
 */
@Service
public class Students {

	private static final String SUMMARY_SELECT = """
			select s.id, s.student_no, s.name, s.gender, s.school_id, s.class_id, g.name || '（' ||
			       replace(c.name, '班', '') || '）班'
			  from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id""";

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final ArchiveStore archives;

	private final Clock clock;

	private final Validator validator;

	Students(JdbcClient jdbc, CurrentUsers users, AuditLog audit, ArchiveStore archives, Clock clock,
			Validator validator) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.archives = archives;
		this.clock = clock;
		this.validator = validator;
	}

	public record Filter(Long classId, String q, int page, int size) {
	}

	/** A class the caller has at least one visible student in (for the list's class filter). */
	public record ClassOption(long id, String name) {
	}

	/** Students the caller may at least list, filtered by class and by name or 学号. */
	@Transactional(readOnly = true)
	public Page<StudentSummary> list(Filter filter) {
		CurrentUser user = requireStudentReader();
		// the scope decides; the access path (the caller's one school, or their classes) only says where to look,
		// so that the page is read in list order from an index however many students the caller can see
		ScopePath path = ScopePath.of(user);
		String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
		// only the filters given: an optional "(:x is null or …)" makes the generic plan of a prepared statement
		// (from the sixth execution) estimate a handful of rows, sort the whole school by bitmap (28 ms for 50 k
		// students) instead of reading the list index in order (0.1 ms)
		String where = " where s.status = 'ENROLLED' and " + StudentScope.listPredicate("s")
				+ path.sql("s.school_id", "s.class_id")
				+ (filter.classId() == null ? "" : " and s.class_id = :classId")
				+ (q == null ? "" : " and (s.name like :like or s.student_no like :prefix or s.name_initials like :initials)");
		String like = q == null ? null : "%" + escapeLike(q) + "%";
		String prefix = q == null ? null : escapeLike(q) + "%";
		// letters only: also the pinyin initials of the name, from their start ("zs" finds 张三 and 张山峰)
		String initials = q == null || !q.matches("[A-Za-z]{1,16}") ? null
				: "% " + q.toLowerCase(Locale.ROOT) + "%";
		// the count stops past Page.COUNT_CAP: "10,000+" costs what a page costs, an exact 50,000 does not
		long total = jdbc.sql("select count(*) from (select 1 from student s" + where + " limit :cap) x")
			.params(path.params())
			.param("cap", Page.COUNT_CAP + 1)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.LIST)
			.param("classId", filter.classId())
			.param("q", q)
			.param("like", like)
			.param("prefix", prefix)
			.param("initials", initials)
			.query(Long.class)
			.single();
		var items = jdbc
			// the page first, from the index; then its twenty rows get their class names
			.sql(SUMMARY_SELECT.replace("from student s", "from (select s.* from student s" + where
					+ " order by s.list_key, s.id limit :size offset :offset) s") + " order by s.list_key, s.id")
			.params(path.params())
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.LIST)
			.param("classId", filter.classId())
			.param("q", q)
			.param("like", like)
			.param("prefix", prefix)
			.param("initials", initials)
			.param("size", filter.size())
			.param("offset", (long) filter.page() * filter.size())
			.query((rs, i) -> new StudentSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6), rs.getString(7)))
			.list();
		return Page.capped(items, total, filter.page(), filter.size());
	}

	/**
	 * Classes of the students the caller may list, in grade order: each class probed for one visible student
	 * (a thousand classes of a large school are a thousand index probes, not a scan of its 50,000 students).
	 */
	@Transactional(readOnly = true)
	public List<ClassOption> classesInScope() {
		CurrentUser user = requireStudentReader();
		ScopePath path = ScopePath.of(user);
		String classes = path.bySchool() ? " where c.school_id = :pathSchool"
				: path.byClasses() ? " where c.id = any(:pathClasses)" : "";
		return jdbc.sql("select c.id, g.name || '（' || replace(c.name, '班', '') || '）班'"
				+ " from school_class c join grade g on g.id = c.grade_id" + classes
				+ (classes.isEmpty() ? " where" : " and")
				+ " exists (select 1 from student s where s.class_id = c.id and s.status = 'ENROLLED' and"
				+ StudentScope.listPredicate("s") + path.sql("s.school_id", "s.class_id")
				+ ") order by g.level, c.name, c.id")
			.params(path.params())
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.LIST)
			.query((rs, i) -> new ClassOption(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Display names of the student's mentors (心导师), for the student's page header. */
	@Transactional(readOnly = true)
	public List<String> mentorNames(long studentId) {
		CurrentUser user = requireStudentReader();
		return jdbc.sql("""
				select u.display_name from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
				  join student s on s.id = ma.student_id
				 where ma.student_id = :id and\s""" + StudentScope.predicate("s") + " order by ma.assigned_at, u.id")
			.param("id", studentId)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.LIST)
			.query(String.class)
			.list();
	}

	/**
	 * The student with the archive where the caller may read it. 404 when the caller cannot know the student
	 * exists; bureau officers and administrators get 403 on every named student.
	 */
	@Transactional
	public StudentDetail get(long studentId) {
		CurrentUser user = requireStudentReader();
		int level = accessLevel(user, studentId).orElseThrow(() -> ApiProblem.notFound("student.not-found"));
		boolean archiveReadable = level >= StudentScope.ARCHIVE;
		StudentDetail detail = jdbc.sql("""
				select s.id, s.student_no, s.name, s.gender, s.school_id, s.class_id,
				       g.name || '（' || replace(c.name, '班', '') || '）班', s.status, s.birth_date, s.ethnicity,
				       s.native_place, s.address, s.guardian_name, s.guardian_phone
				  from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 where s.id = :id and\s""" + StudentScope.predicate("s"))
			.param("id", studentId)
			.param("scopeUserId", user.id())
			.param("scopeLevel", StudentScope.LIST)
			.query((rs, i) -> new StudentDetail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8),
					archiveReadable ? rs.getDate(9).toLocalDate() : null, archiveReadable ? rs.getString(10) : null,
					archiveReadable ? rs.getString(11) : null, archiveReadable ? rs.getString(12) : null,
					archiveReadable ? rs.getString(13) : null, archiveReadable ? rs.getString(14) : null,
					archiveReadable, archiveReadable ? archives.find(studentId) : null))
			.single();
		audit.record(archiveReadable ? "ARCHIVE_READ" : "STUDENT_VIEW", "student/" + studentId, studentId, null);
		return detail;
	}

	/** The archive alone, for the archive page. 403 for callers who may list but not read the archive. */
	@Transactional
	public ArchiveView archive(long studentId) {
		requireArchiveReader(studentId);
		ArchiveView view = archives.find(studentId);
		audit.record("ARCHIVE_READ", "student/" + studentId + "/archive", studentId, "version " + view.version());
		return view;
	}

	/**
	 * Saves the archive if nobody else saved since {@code expectedVersion} (409 otherwise). The personal fields are
	 * the roster's (issue 7, point 11): left out or as on the roster they are fine, different ones are refused (400)
	 * — the roster import changes them. The previous version stays in the revisions.
	 */
	@Transactional
	public ArchiveView saveArchive(long studentId, int expectedVersion, GrowthArchive content) {
		return save(requireArchiveReader(studentId), studentId, expectedVersion, content);
	}

	/**
	 * Saves one section of the archive page (issue 7, point 9): that section from {@code edited}, every other part
	 * as stored now. The editor started from {@code baseVersion}; the save is refused (409) only if someone changed
	 * this same section since — so the sections of one page, or two teachers editing different sections, do not
	 * stand in each other's way. The personal section is the roster's and is not saved here (400).
	 */
	@Transactional
	public ArchiveView saveArchiveSection(long studentId, int baseVersion, ArchiveSection section,
			GrowthArchive edited) {
		CurrentUser user = requireArchiveReader(studentId);
		if (section == ArchiveSection.PERSONAL) {
			throw ApiProblem.badRequest("archive.personal-from-roster");
		}
		ArchiveView current = archives.find(studentId);
		GrowthArchive base = baseVersion == current.version() ? current.content()
				: baseVersion == 0 ? GrowthArchive.empty()
						: archives.revision(studentId, baseVersion).map(ArchiveStore.Revision::content).orElse(null);
		if (base == null || baseVersion > current.version() || !section.same(base, current.content())) {
			throw ApiProblem.conflict("archive.conflict");
		}
		return save(user, studentId, current.version(), section.merge(current.content(), edited));
	}

	private ArchiveView save(CurrentUser user, long studentId, int expectedVersion, GrowthArchive content) {
		// The web layers validate first and show field messages; this guards every other caller.
		if (!validator.validate(content).isEmpty()) {
			throw ApiProblem.badRequest("archive.invalid");
		}
		if (content.personal().given() && !content.personal().sameAs(archives.find(studentId).content().personal())) {
			throw ApiProblem.badRequest("archive.personal-from-roster");
		}
		int version = archives.save(studentId, expectedVersion, content, user.id(), clock.instant())
			.orElseThrow(() -> ApiProblem.conflict("archive.conflict"));
		audit.record("ARCHIVE_UPDATE", "student/" + studentId + "/archive", studentId, "version " + version);
		return archives.find(studentId);
	}

	/** Revisions of the archive (who saved which version when). */
	@Transactional
	public List<ArchiveStore.Revision> archiveRevisions(long studentId) {
		requireArchiveReader(studentId);
		audit.record("ARCHIVE_HISTORY_READ", "student/" + studentId + "/archive/revisions", studentId, null);
		return archives.revisions(studentId);
	}

	/** One saved version of the archive, read-only. */
	@Transactional
	public ArchiveStore.Revision archiveRevision(long studentId, int version) {
		requireArchiveReader(studentId);
		ArchiveStore.Revision revision = archives.revision(studentId, version)
			.orElseThrow(() -> ApiProblem.notFound("archive.revision-not-found"));
		audit.record("ARCHIVE_REVISION_READ", "student/" + studentId + "/archive/revisions/" + version, studentId,
				"version " + version);
		return revision;
	}

	/** 404 if the caller cannot see the student at all, 403 if they may list but not read the archive. */
	public CurrentUser requireArchiveReader(long studentId) {
		CurrentUser user = requireStudentReader();
		int level = accessLevel(user, studentId).orElseThrow(() -> ApiProblem.notFound("student.not-found"));
		if (level < StudentScope.ARCHIVE) {
			throw ApiProblem.forbidden("archive.forbidden");
		}
		return user;
	}

	/** The caller's access level to a student (1 list, 2 archive), empty when none. */
	public Optional<Integer> accessLevel(CurrentUser user, long studentId) {
		return jdbc.sql("""
				select sa.level from student_access sa where sa.user_id = :user and sa.student_id = :id
				 order by sa.level desc limit 1""")
			.param("user", user.id())
			.param("id", studentId)
			.query(Integer.class)
			.optional();
	}

	/** Bureau officers and system administrators see aggregates, never a named student. */
	public CurrentUser requireStudentReader() {
		CurrentUser user = users.current();
		if (!user.isSchoolStaff()) {
			// A psych committee student must not be told about bureau accounts (issue 7, point 10).
			throw ApiProblem.forbidden(user.isStudentAccount() ? user.staffOnlyRefusal() : "student.bureau-forbidden");
		}
		return user;
	}

	static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
