package org.mindgrid.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import org.mindgrid.audit.AuditRecord;
import org.mindgrid.shared.web.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/students/{id}/audit}: the student's access and change log, newest first. */
@RestController
class AuditApiController {

	/** One line as the API shows it. */
	record AuditLine(java.time.Instant occurredAt, String username, String action, String resource, String detail,
			String remoteAddr) {

		static AuditLine of(AuditRecord r) {
			return new AuditLine(r.occurredAt(), r.username(), r.action(), r.resource(), r.detail(), r.remoteAddr());
		}
	}

	private final TrailAccess trails;

	AuditApiController(TrailAccess trails) {
		this.trails = trails;
	}

	@Operation(summary = "A student's access and change log (访问记录)",
			description = "Who read or changed what of the student's records, when and from where, newest first. For "
					+ "the psychology teachers, crisis team and leaders of the student's school; reading it is itself "
					+ "logged.")
	@Parameter(name = "id", in = ParameterIn.PATH, description = "Student id")
	@GetMapping("/api/v1/students/{id}/audit")
	Page<AuditLine> trail(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Page<AuditRecord> records = trails.read(id, Page.clampPage(page), Page.clampSize(size));
		return new Page<>(records.items().stream().map(AuditLine::of).toList(), records.total(), records.page(),
				records.size());
	}
}
