package org.mindgrid.school;

import java.time.LocalDate;
import java.util.List;

import org.mindgrid.identity.Role;

/** What the administration pages and API show. */
public final class AdminViews {

	private AdminViews() {
	}

	public record CityRow(long id, String name) {
	}

	public record DistrictRow(long id, long cityId, String name, int schoolCount) {
	}

	public record SchoolRow(long id, long districtId, String districtName, String name, Stage stage, String address) {
	}

	public record GradeRow(long id, int level, String name, int classCount) {
	}

	public record ClassRow(long id, long gradeId, int gradeLevel, String gradeName, String name, String displayName,
			int studentCount) {
	}

	public record SemesterRow(long id, String name, LocalDate startsOn, LocalDate endsOn, boolean current) {
	}

	public record StaffPost(long id, Role role, Long schoolId, Long classId, String className, boolean partTime) {
	}

	/** {@code studentAccount}: a psych committee member's account, which never holds a staff post. */
	public record StaffRow(long id, String username, String displayName, boolean enabled, boolean locked,
			boolean mustChangePassword, List<StaffPost> posts, boolean studentAccount) {
	}

	/**
	 * A grant or removal of a post, or a mentor assignment, at a school: a security event for its leaders. {@code actor}
	 * is who did it, {@code holderUserId} whose post it is; {@code studentId} is set for one student's assignment.
	 */
	public record PostEvent(long id, java.time.Instant occurredAt, String actor, Long actorUserId, String action,
			Long holderUserId,
			Role role, Long schoolId, Long classId, Long studentId, String detail, String remoteAddr) {
	}

	/**
	 * A new account; {@code initialPassword} is shown once and never stored in clear with the account. Serializable:
	 * it crosses the redirect as a flash attribute of the page session (ADR 0028), removed when the page shows it.
	 */
	public record CreatedStaff(long id, String username, String displayName, String initialPassword,
			boolean mustChangePassword) implements java.io.Serializable {
	}
}
