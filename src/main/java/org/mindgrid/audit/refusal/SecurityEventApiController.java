package org.mindgrid.audit.refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import org.mindgrid.shared.web.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/schools/{id}/security-events?user=&page=&size=}: refused requests, newest first. */
@RestController
class SecurityEventApiController {

	private final SecurityEvents events;

	SecurityEventApiController(SecurityEvents events) {
		this.events = events;
	}

	@Operation(summary = "Refused requests at a school (security events)",
			description = "Refused (403/404) requests for students' records by the school's staff or on its students, "
					+ "newest first. For the school's leaders and psychology teachers; reading them is logged.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "School id")
	@Parameter(name = "user", in = ParameterIn.QUERY, description = "Only the requests of this user id")
	@GetMapping("/api/v1/schools/{id}/security-events")
	Page<SecurityEvent> events(@PathVariable long id, @RequestParam(required = false) Long user,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return events.page(id, user, Page.clampPage(page), Page.clampSize(size));
	}
}
