package org.mindgrid.school;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mindgrid.audit.AuditLog;
import org.mindgrid.audit.PostGrant;
import org.mindgrid.identity.Post;
import org.mindgrid.identity.Role;
import org.mindgrid.identity.UserManagement;
import org.mindgrid.identity.UserManagement.Place;
import org.mindgrid.school.AdminRequests.NewPost;
import org.mindgrid.school.AdminRequests.NewStaff;
import org.mindgrid.school.AdminViews.CreatedStaff;
import org.mindgrid.school.AdminViews.PostEvent;
import org.mindgrid.school.AdminViews.StaffPost;
import org.mindgrid.school.AdminViews.StaffRow;
import org.mindgrid.shared.web.ApiProblem;
import org.mindgrid.shared.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts of a school and their posts. A school administrator works only inside their school; posts are
 * granted by the rules of {@link GrantRules}, and every grant and removal is a security event in the audit log;
 * {@link UserManagement} repeats the school check in SQL on every write.
 */
@Service
public class StaffAdministration {

	private final UserManagement users;

	private final SchoolAccess access;

	private final SchoolStructure structure;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	StaffAdministration(UserManagement users, SchoolAccess access, SchoolStructure structure, AuditLog audit,
			JdbcClient jdbc) {
		this.users = users;
		this.access = access;
		this.structure = structure;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	public List<StaffRow> staff(long schoolId) {
		access.requireStaffReader(schoolId);
		Map<Long, ClassInfo> classes = structure.classesOf(schoolId).stream()
			.collect(Collectors.toMap(ClassInfo::id, Function.identity()));
		return users.staffOf(schoolId).stream()
			.map(a -> new StaffRow(a.id(), a.username(), a.displayName(), a.enabled(), a.locked(),
					a.mustChangePassword(), a.posts().stream().map(p -> view(p, classes)).toList(), a.studentAccount()))
			.toList();
	}

	public StaffRow member(long schoolId, long userId) {
		return staff(schoolId).stream().filter(s -> s.id() == userId).findFirst()
			.orElseThrow(() -> ApiProblem.notFound("staff.not-found"));
	}

	@Transactional
	public CreatedStaff createStaff(long schoolId, NewStaff request) {
		access.requireAdmin(schoolId);
		try {
			var created = users.createAccount(request.username(), request.displayName(), request.password(), schoolId);
			audit.record("STAFF_CREATE", "user/" + created.id(), null, created.username() + " school/" + schoolId);
			return new CreatedStaff(created.id(), created.username(), created.displayName(), created.initialPassword(),
					created.mustChangePassword());
		}
		catch (UserManagement.InvalidAccount e) {
			throw new InvalidInput(e.field(), e.key());
		}
	}

	/**
	 * Adds a post. The place follows the role: a class for class roles, a school for school roles. Who may grant
	 * what is {@link GrantRules}; a student account never gets a staff post (409).
	 */
	@Transactional
	public StaffPost addPost(long userId, NewPost request) {
		boolean system = access.isSystemAdmin();
		List<Long> grantSchools = access.grantSchools();
		Role role = request.role();
		GrantRules.requireGrantable(role, system, grantSchools, userId == access.caller().id());
		var account = users.account(userId).orElseThrow(() -> ApiProblem.notFound("staff.not-found"));
		Place place;
		String className = null;
		if (role.isClassLevel()) {
			if (request.classId() == null) {
				throw new InvalidInput("classId", "staff.post.class-required");
			}
			ClassInfo cls = structure.findClass(request.classId())
				.filter(c -> GrantRules.mayGrantAt(role, c.schoolId(), system, grantSchools))
				.orElseThrow(() -> ApiProblem.notFound("school.class.not-found"));
			place = new Place(null, null, cls.schoolId(), cls.id());
			className = cls.displayName();
		}
		else if (role.isSchoolLevel()) {
			Long school = request.schoolId() != null ? request.schoolId()
					: grantSchools.size() == 1 ? grantSchools.get(0) : system ? account.schoolId() : null;
			if (school == null) {
				throw new InvalidInput("schoolId", "staff.post.school-required");
			}
			if (structure.school(school).isEmpty() || !GrantRules.mayGrantAt(role, school, system, grantSchools)) {
				throw ApiProblem.notFound("school.not-found");
			}
			place = new Place(null, null, school, null);
		}
		else if (role == Role.DISTRICT_OFFICER) {
			if (request.districtId() == null || count("district", request.districtId()) == 0) {
				throw new InvalidInput("districtId", "staff.post.district-required");
			}
			place = new Place(null, request.districtId(), null, null);
		}
		else if (role == Role.CITY_OFFICER) {
			Long city = request.cityId() != null ? request.cityId()
					: jdbc.sql("select min(id) from city").query(Long.class).optional().orElse(null);
			if (city == null || count("city", city) == 0) {
				throw new InvalidInput("cityId", "school.city.missing");
			}
			place = new Place(city, null, null, null);
		}
		else {
			place = new Place(null, null, null, null);
		}
		// A school post goes to the school's own staff only: never a bureau or system account, for anybody.
		if (place.schoolId() != null && !users.belongsTo(userId, place.schoolId())) {
			throw ApiProblem.notFound("staff.not-found");
		}
		long id = users.addPost(userId, role, place, request.isPartTime());
		boolean partTime = role == Role.PSYCH_TEACHER && request.isPartTime();
		audit.record("STAFF_POST_ADD", "user/" + userId, null, describe(id, role, place, partTime),
				new PostGrant(userId, role, place.schoolId(), place.classId()));
		return new StaffPost(id, role, place.schoolId(), place.classId(), className, partTime);
	}

	/** Removes a post. Nobody removes their own administrator post (that would lock them out). */
	@Transactional
	public void removePost(long postId) {
		boolean system = access.isSystemAdmin();
		List<Long> grantSchools = access.grantSchools();
		if (!system && grantSchools.isEmpty()) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
		Post post = users.post(postId)
			.filter(p -> GrantRules.mayRemoveAt(p.schoolId(), system, grantSchools))
			.orElseThrow(() -> ApiProblem.notFound("staff.post.not-found"));
		long holder = users.holderOf(postId).orElseThrow();
		if (holder == access.caller().id() && (post.role() == Role.SCHOOL_ADMIN || post.role() == Role.SYSTEM_ADMIN)) {
			throw ApiProblem.conflict("staff.post.own-admin");
		}
		if (!users.removePost(postId, system ? null : post.schoolId())) {
			throw ApiProblem.notFound("staff.post.not-found");
		}
		audit.record("STAFF_POST_REMOVE", "user/" + holder, null,
				describe(postId, post.role(), new Place(post.cityId(), post.districtId(), post.schoolId(), post.classId()),
						post.partTime()),
				new PostGrant(holder, post.role(), post.schoolId(), post.classId()));
	}

	/** The school's post events (grants, removals, mentor assignments), newest first, for its leaders. */
	@Transactional(readOnly = true)
	public Page<PostEvent> postEvents(long schoolId, int page, int size) {
		access.requirePostEventReader(schoolId);
		List<PostEvent> items = audit.grantEvents(schoolId, page, size).stream()
			.map(e -> new PostEvent(e.id(), e.occurredAt(), e.username(), e.userId(), e.action(), e.holderUserId(), e.role(),
					e.schoolId(), e.classId(), e.studentId(), e.detail(), e.remoteAddr()))
			.toList();
		return new Page<>(items, audit.grantEventCount(schoolId), page, size);
	}

	@Transactional
	public void setEnabled(long schoolId, long userId, boolean enabled) {
		access.requireAdmin(schoolId);
		if (userId == access.caller().id()) {
			throw ApiProblem.conflict("staff.own-account");
		}
		if (!users.setEnabled(userId, enabled, access.restriction(schoolId))) {
			throw ApiProblem.notFound("staff.not-found");
		}
		audit.record(enabled ? "STAFF_ENABLE" : "STAFF_DISABLE", "user/" + userId, null, "school/" + schoolId);
	}

	@Transactional
	public void unlock(long schoolId, long userId) {
		access.requireAdmin(schoolId);
		if (!users.unlock(userId, access.restriction(schoolId))) {
			throw ApiProblem.notFound("staff.not-found");
		}
		audit.record("STAFF_UNLOCK", "user/" + userId, null, "school/" + schoolId);
	}

	/** A new generated password, shown once; the holder must change it at next login (outside demo mode). */
	@Transactional
	public String resetPassword(long schoolId, long userId) {
		access.requireAdmin(schoolId);
		if (userId == access.caller().id()) {
			throw ApiProblem.conflict("staff.own-account");
		}
		String password = users.resetPassword(userId, access.restriction(schoolId))
			.orElseThrow(() -> ApiProblem.notFound("staff.not-found"));
		audit.record("STAFF_PASSWORD_RESET", "user/" + userId, null, "school/" + schoolId);
		return password;
	}

	/** The account's failed logins (newest 50), for its school's administrator. */
	public List<org.mindgrid.identity.FailedLogin> loginFailures(long schoolId, long userId) {
		access.requireAdmin(schoolId);
		return users.loginFailures(userId, access.restriction(schoolId), 50)
			.orElseThrow(() -> ApiProblem.notFound("staff.not-found"));
	}

	private long count(String table, long id) {
		return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single();
	}

	private static StaffPost view(Post p, Map<Long, ClassInfo> classes) {
		ClassInfo cls = p.classId() == null ? null : classes.get(p.classId());
		return new StaffPost(p.id(), p.role(), p.schoolId(), p.classId(), cls == null ? null : cls.displayName(),
				p.partTime());
	}

	private static String describe(long postId, Role role, Place place, boolean partTime) {
		return "post/" + postId + " " + role + (place.cityId() != null ? " city/" + place.cityId() : "")
				+ (place.districtId() != null ? " district/" + place.districtId() : "")
				+ (place.schoolId() != null ? " school/" + place.schoolId() : "")
				+ (place.classId() != null ? " class/" + place.classId() : "") + (partTime ? " part-time" : "");
	}
}
