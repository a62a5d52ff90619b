package org.mindgrid.school;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mindgrid.identity.Role;
import org.mindgrid.shared.web.DateBounds;

import org.springframework.format.annotation.DateTimeFormat;

/** What administrators submit, from a page form or as JSON. Messages are keys of the school bundle. */
public final class AdminRequests {

	/** Schools plan calendars years ahead: semesters may start up to ten years from now (ADR 0012). */
	public static final int SEMESTER_YEARS_AHEAD = 10;

	private AdminRequests() {
	}

	public record CityName(@NotBlank(message = "{school.city.name.required}") @Size(max = 50, message = "{school.name.too-long}") String name) {
	}

	public record NewDistrict(
			@NotBlank(message = "{school.district.name.required}") @Size(max = 50, message = "{school.name.too-long}") String name) {
	}

	public record NewSchool(@NotNull(message = "{school.district.required}") Long districtId,
			@NotBlank(message = "{school.name.required}") @Size(max = 100, message = "{school.name.too-long}") String name,
			@NotNull(message = "{school.stage.required}") Stage stage,
			@Size(max = 200, message = "{school.address.too-long}") String address) {
	}

	public record NewGrade(@NotNull(message = "{school.grade.level.required}") @Min(value = 1, message = "{school.grade.level.range}")
			@Max(value = 12, message = "{school.grade.level.range}") Integer level) {
	}

	public record NewClass(
			@NotNull(message = "{school.grade.level.required}") @Min(value = 1, message = "{school.grade.level.range}")
			@Max(value = 12, message = "{school.grade.level.range}") Integer gradeLevel,
			@NotBlank(message = "{school.class.name.required}") @Size(max = 20, message = "{school.name.too-long}") String name) {
	}

	public record NewSemester(
			@NotBlank(message = "{school.semester.name.required}") @Size(max = 50, message = "{school.name.too-long}") String name,
			@NotNull(message = "{school.semester.starts-on.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
			@DateBounds(yearsAhead = SEMESTER_YEARS_AHEAD) LocalDate startsOn,
			@NotNull(message = "{school.semester.ends-on.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
			@DateBounds(yearsAhead = SEMESTER_YEARS_AHEAD) LocalDate endsOn,
			Boolean current) {

		public boolean isCurrent() {
			return Boolean.TRUE.equals(current);
		}
	}

	public record NewStaff(
			@NotBlank(message = "{staff.username.required}") @Size(max = 40, message = "{staff.username.format}") String username,
			@NotBlank(message = "{staff.display-name.required}") @Size(max = 50, message = "{school.name.too-long}") String displayName,
			@Size(max = 128, message = "{password.too-long}") String password) {
	}

	/** A post: the role and, as it needs, the class, school, district or city. {@code partTime} is for psychology teachers. */
	public record NewPost(@NotNull(message = "{staff.post.role.required}") Role role, Long classId, Boolean partTime,
			Long schoolId, Long districtId, Long cityId) {

		public boolean isPartTime() {
			return Boolean.TRUE.equals(partTime);
		}
	}
}
