package org.mindgrid.audit.web;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.audit.AuditRecord;
import org.mindgrid.identity.CurrentUser;
import org.mindgrid.identity.CurrentUsers;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read a student's audit trail: the psychology teachers, crisis-team members and leaders of the student's
 * school, decided in SQL against their posts and the student row. Others who know the student get 403, those who
 * cannot know the student exists get 404, bureau officers 403. Reading the trail is itself a line of the trail.
 */
@Component
class TrailAccess {

	/** The student as the trail page heads it. */
	record TrailStudent(long id, String name, String studentNo, String className) {
	}

	private final JdbcClient jdbc;

	private final CurrentUsers users;

	private final AuditLog audit;

	TrailAccess(JdbcClient jdbc, CurrentUsers users, AuditLog audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
	}

	@Transactional
	Page<AuditRecord> read(long studentId, int page, int size) {
		requireReader(studentId);
		audit.record("AUDIT_READ", "student/" + studentId + "/audit", studentId, "page " + page);
		return new Page<>(audit.trail(studentId, page, size), audit.trailSize(studentId), page, size);
	}

	@Transactional(readOnly = true)
	TrailStudent student(long studentId) {
		requireReader(studentId);
		return jdbc.sql("""
				select s.id, s.name, s.student_no, g.name || '（' || replace(c.name, '班', '') || '）班'
				  from student s join school_class c on c.id = s.class_id join grade g on g.id = c.grade_id
				 where s.id = :id""")
			.param("id", studentId)
			.query((rs, i) -> new TrailStudent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	private void requireReader(long studentId) {
		CurrentUser user = users.current();
		// Bureau officers and system administrators never see a named student's trail.
		boolean schoolStaff = user.posts().stream().anyMatch(p -> p.role().isSchoolLevel() || p.role().isClassLevel());
		if (!schoolStaff || user.isBureauOnly()) {
			throw ApiProblem.forbidden("audit.forbidden");
		}
		boolean knowsStudent = jdbc
			.sql("select exists (select 1 from student_access where user_id = :user and student_id = :id)")
			.param("user", user.id())
			.param("id", studentId)
			.query(Boolean.class)
			.single();
		if (!knowsStudent) {
			throw ApiProblem.notFound("student.not-found");
		}
		boolean reader = jdbc.sql("""
				select exists (select 1 from post p join student s on s.school_id = p.school_id
				                where p.user_id = :user and s.id = :id
				                  and p.role in ('PSYCH_TEACHER', 'CRISIS_TEAM', 'SCHOOL_LEADER'))""")
			.param("user", user.id())
			.param("id", studentId)
			.query(Boolean.class)
			.single();
		if (!reader) {
			throw ApiProblem.forbidden("audit.forbidden");
		}
	}
}
