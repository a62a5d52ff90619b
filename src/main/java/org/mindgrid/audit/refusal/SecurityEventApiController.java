package org.mindgrid.audit.refusal;

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

	@GetMapping("/api/v1/schools/{id}/security-events")
	Page<SecurityEvent> events(@PathVariable long id, @RequestParam(required = false) Long user,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return events.page(id, user, Page.clampPage(page), Page.clampSize(size));
	}
}
