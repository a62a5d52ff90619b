package org.mindgrid.school.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.validation.Valid;

import org.mindgrid.school.AdminRequests.NewClass;
import org.mindgrid.school.AdminRequests.NewDistrict;
import org.mindgrid.school.AdminRequests.NewPost;
import org.mindgrid.school.AdminRequests.NewSchool;
import org.mindgrid.school.AdminRequests.NewSemester;
import org.mindgrid.school.AdminRequests.NewStaff;
import org.mindgrid.school.AdminViews.ClassRow;
import org.mindgrid.school.AdminViews.CreatedStaff;
import org.mindgrid.school.AdminViews.DistrictRow;
import org.mindgrid.school.AdminViews.SchoolRow;
import org.mindgrid.school.AdminViews.SemesterRow;
import org.mindgrid.school.AdminViews.StaffPost;
import org.mindgrid.school.AdminViews.StaffRow;
import org.mindgrid.school.SchoolAdministration;
import org.mindgrid.school.StaffAdministration;
import org.mindgrid.shared.web.ApiError;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** School structure and staff over the API. Scope and role checks are in the services. */
@RestController
@RequestMapping("/api/v1")
class SchoolApiController {

	private final SchoolAdministration schools;

	private final StaffAdministration staff;

	SchoolApiController(SchoolAdministration schools, StaffAdministration staff) {
		this.schools = schools;
		this.staff = staff;
	}

	@Operation(summary = "Schools the caller may see",
			description = "All for system administrators, the district's or city's for bureau officers, their own for "
					+ "school staff.")
	@GetMapping("/schools")
	List<SchoolRow> schools() {
		return schools.schools();
	}

	@Operation(summary = "Create a school",
			description = "A school in a district, with its stage (PRIMARY, JUNIOR, NINE_YEAR …). System "
					+ "administrators only. 201 with the school.")
	@PostMapping("/schools")
	@ResponseStatus(HttpStatus.CREATED)
	SchoolRow createSchool(@Valid @RequestBody NewSchool request) throws BindException {
		return FieldErrors.orBadRequest("newSchool", () -> schools.createSchool(request));
	}

	@Operation(summary = "Districts and their school counts",
			description = "For system administrators and bureau officers (教育局).")
	@GetMapping("/districts")
	List<DistrictRow> districts() {
		return schools.districts();
	}

	@Operation(summary = "Create a district",
			description = "System administrators only. 201 with the district.")
	@PostMapping("/districts")
	@ResponseStatus(HttpStatus.CREATED)
	DistrictRow createDistrict(@Valid @RequestBody NewDistrict request) throws BindException {
		return FieldErrors.orBadRequest("newDistrict", () -> schools.createDistrict(request));
	}

	@Operation(summary = "Classes of a school",
			description = "Grades and classes, in grade order, for those who may see the school.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@GetMapping("/schools/{id}/classes")
	List<ClassRow> classes(@PathVariable long id) {
		return schools.classes(id);
	}

	@Operation(summary = "Create a class",
			description = "A class in a grade (created if missing); the name is normalised as on roster import (\"1\" "
					+ "→ \"1班\"). 201 with the class. For the school's administrator (学校管理员) and system "
					+ "administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@PostMapping("/schools/{id}/classes")
	@ResponseStatus(HttpStatus.CREATED)
	ClassRow createClass(@PathVariable long id, @Valid @RequestBody NewClass request) throws BindException {
		return FieldErrors.orBadRequest("newClass", () -> schools.createClass(id, request));
	}

	@Operation(summary = "Semesters of a school",
			description = "With their dates and which one is current; duties are generated for the current one.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@GetMapping("/schools/{id}/semesters")
	List<SemesterRow> semesters(@PathVariable long id) {
		return schools.semesters(id);
	}

	@Operation(summary = "Create a semester",
			description = "Name, start and end; made current, it ends the current one (one current semester per "
					+ "school). 201 with the semester. For the school's administrator (学校管理员) and system "
					+ "administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@PostMapping("/schools/{id}/semesters")
	@ResponseStatus(HttpStatus.CREATED)
	SemesterRow createSemester(@PathVariable long id, @Valid @RequestBody NewSemester request) throws BindException {
		return FieldErrors.orBadRequest("newSemester", () -> schools.createSemester(id, request));
	}

	@Operation(summary = "Make a semester the current one",
			description = "The school's other semesters stop being current; semester duties follow at the next "
					+ "generation. 204. For the school's administrator (学校管理员) and system administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@Parameter(name = "semesterId", in = ParameterIn.PATH,
			description = "Semester id from GET /api/v1/schools/{id}/semesters")
	@PostMapping("/schools/{id}/semesters/{semesterId}/current")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void makeCurrent(@PathVariable long id, @PathVariable long semesterId) {
		schools.makeCurrent(id, semesterId);
	}

	@Operation(summary = "Staff of a school",
			description = "Accounts with a post at the school, their posts, whether enabled or locked. For the "
					+ "school's leaders and administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@GetMapping("/schools/{id}/staff")
	List<StaffRow> staff(@PathVariable long id) {
		return staff.staff(id);
	}

	@Operation(summary = "Create a staff account",
			description = "Username, display name and first post; answers the generated initial password once (it "
					+ "must be changed at the first login outside a demo). A username in use is a 400 naming "
					+ "username. 201. For the school's administrator (学校管理员) and system administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@ApiError(status = 409,
			description = "The first post does not fit the account (e.g. a psych committee post without its student)")
	@PostMapping("/schools/{id}/staff")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedStaff createStaff(@PathVariable long id, @Valid @RequestBody NewStaff request) throws BindException {
		return FieldErrors.orBadRequest("newStaff", () -> staff.createStaff(id, request));
	}

	@Operation(summary = "Enable a staff account",
			description = "The account may log in again. 204. For the school's administrator (学校管理员) and system "
					+ "administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@Parameter(name = "userId", in = ParameterIn.PATH, description = "Staff user id")
	@ApiError(status = 409, description = "Administrators cannot change their own account (code staff.own-account)")
	@PostMapping("/schools/{id}/staff/{userId}/enable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void enable(@PathVariable long id, @PathVariable long userId) {
		staff.setEnabled(id, userId, true);
	}

	@Operation(summary = "Disable a staff account",
			description = "The account cannot log in any more; its API tokens are revoked. 204. For the school's "
					+ "administrator (学校管理员) and system administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@Parameter(name = "userId", in = ParameterIn.PATH, description = "Staff user id")
	@ApiError(status = 409, description = "Administrators cannot change their own account (code staff.own-account)")
	@PostMapping("/schools/{id}/staff/{userId}/disable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disable(@PathVariable long id, @PathVariable long userId) {
		staff.setEnabled(id, userId, false);
	}

	@Operation(summary = "Unlock a staff account",
			description = "Ends the lock after five wrong passwords (for every client), before its 15 minutes are "
					+ "over. 204. For the school's administrator (学校管理员) and system administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@Parameter(name = "userId", in = ParameterIn.PATH, description = "Staff user id")
	@PostMapping("/schools/{id}/staff/{userId}/unlock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(@PathVariable long id, @PathVariable long userId) {
		staff.unlock(id, userId);
	}

	@Operation(summary = "Failed logins of a staff account",
			description = "The account's last 50 failed logins, newest first, to judge a lock before unlocking it. "
					+ "For the school's administrator (学校管理员) and system administrators.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@Parameter(name = "userId", in = ParameterIn.PATH, description = "Staff user id")
	@GetMapping("/schools/{id}/staff/{userId}/login-failures")
	List<org.mindgrid.identity.FailedLogin> loginFailures(@PathVariable long id, @PathVariable long userId) {
		return staff.loginFailures(id, userId);
	}

	@Operation(summary = "Grant a post (岗位) to a staff account",
			description = "A role at a place (school, class, district or city), as far as the caller may grant it; "
					+ "logged as a security event. 201 with the post.")
	@Parameter(name = "userId", in = ParameterIn.PATH, description = "Staff user id")
	@ApiError(status = 409,
			description = "The post exists already, or does not fit the account (a student account and a staff post)")
	@PostMapping("/staff/{userId}/posts")
	@ResponseStatus(HttpStatus.CREATED)
	StaffPost addPost(@PathVariable long userId, @Valid @RequestBody NewPost request) throws BindException {
		return FieldErrors.orBadRequest("newPost", () -> staff.addPost(userId, request));
	}

	@Operation(summary = "Remove a post (岗位)",
			description = "As far as the caller may grant it; nobody removes their own administrator post, and a "
					+ "mentor post goes only once its students are reassigned. Logged as a security event. 204.")
	@Parameter(name = "postId", in = ParameterIn.PATH, description = "Post id")
	@ApiError(status = 409,
			description = "The caller's own administrator post, or a mentor post that still has students")
	@DeleteMapping("/posts/{postId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removePost(@PathVariable long postId) {
		staff.removePost(postId);
	}
}
