package org.mindgrid.school.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import org.mindgrid.school.AdminViews.PostEvent;
import org.mindgrid.school.StaffAdministration;
import org.mindgrid.shared.web.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A school's post events for its leaders (docs/decisions/0015-post-grants.md). */
@RestController
class PostEventApiController {

	private final StaffAdministration staff;

	PostEventApiController(StaffAdministration staff) {
		this.staff = staff;
	}

	@Operation(summary = "Grants and removals of posts and mentor assignments at a school",
			description = "Security events, newest first, for the school's leaders and administrators. Paged like every "
					+ "list: {items, total, page, size}; page from 0, size 1..200 (default 20). actor did it; "
					+ "holderUserId holds the post; studentId is set for one student's mentor assignment.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@GetMapping("/api/v1/schools/{id}/post-events")
	Page<PostEvent> postEvents(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return staff.postEvents(id, Page.clampPage(page), Page.clampSize(size));
	}
}
