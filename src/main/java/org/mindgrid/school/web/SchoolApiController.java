package org.mindgrid.school.web;

import java.util.List;

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

	@GetMapping("/schools")
	List<SchoolRow> schools() {
		return schools.schools();
	}

	@PostMapping("/schools")
	@ResponseStatus(HttpStatus.CREATED)
	SchoolRow createSchool(@Valid @RequestBody NewSchool request) throws BindException {
		return FieldErrors.orBadRequest("newSchool", () -> schools.createSchool(request));
	}

	@GetMapping("/districts")
	List<DistrictRow> districts() {
		return schools.districts();
	}

	@PostMapping("/districts")
	@ResponseStatus(HttpStatus.CREATED)
	DistrictRow createDistrict(@Valid @RequestBody NewDistrict request) throws BindException {
		return FieldErrors.orBadRequest("newDistrict", () -> schools.createDistrict(request));
	}

	@GetMapping("/schools/{id}/classes")
	List<ClassRow> classes(@PathVariable long id) {
		return schools.classes(id);
	}

	@PostMapping("/schools/{id}/classes")
	@ResponseStatus(HttpStatus.CREATED)
	ClassRow createClass(@PathVariable long id, @Valid @RequestBody NewClass request) throws BindException {
		return FieldErrors.orBadRequest("newClass", () -> schools.createClass(id, request));
	}

	@GetMapping("/schools/{id}/semesters")
	List<SemesterRow> semesters(@PathVariable long id) {
		return schools.semesters(id);
	}

	@PostMapping("/schools/{id}/semesters")
	@ResponseStatus(HttpStatus.CREATED)
	SemesterRow createSemester(@PathVariable long id, @Valid @RequestBody NewSemester request) throws BindException {
		return FieldErrors.orBadRequest("newSemester", () -> schools.createSemester(id, request));
	}

	@PostMapping("/schools/{id}/semesters/{semesterId}/current")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void makeCurrent(@PathVariable long id, @PathVariable long semesterId) {
		schools.makeCurrent(id, semesterId);
	}

	@GetMapping("/schools/{id}/staff")
	List<StaffRow> staff(@PathVariable long id) {
		return staff.staff(id);
	}

	@PostMapping("/schools/{id}/staff")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedStaff createStaff(@PathVariable long id, @Valid @RequestBody NewStaff request) throws BindException {
		return FieldErrors.orBadRequest("newStaff", () -> staff.createStaff(id, request));
	}

	@PostMapping("/schools/{id}/staff/{userId}/enable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void enable(@PathVariable long id, @PathVariable long userId) {
		staff.setEnabled(id, userId, true);
	}

	@PostMapping("/schools/{id}/staff/{userId}/disable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disable(@PathVariable long id, @PathVariable long userId) {
		staff.setEnabled(id, userId, false);
	}

	@PostMapping("/schools/{id}/staff/{userId}/unlock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(@PathVariable long id, @PathVariable long userId) {
		staff.unlock(id, userId);
	}

	@GetMapping("/schools/{id}/staff/{userId}/login-failures")
	List<org.mindgrid.identity.FailedLogin> loginFailures(@PathVariable long id, @PathVariable long userId) {
		return staff.loginFailures(id, userId);
	}

	@PostMapping("/staff/{userId}/posts")
	@ResponseStatus(HttpStatus.CREATED)
	StaffPost addPost(@PathVariable long userId, @Valid @RequestBody NewPost request) throws BindException {
		return FieldErrors.orBadRequest("newPost", () -> staff.addPost(userId, request));
	}

	@DeleteMapping("/posts/{postId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removePost(@PathVariable long postId) {
		staff.removePost(postId);
	}
}
